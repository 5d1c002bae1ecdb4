package dev.linkcrawl.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CappedBodyTest {

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'a');
        return b;
    }

    private static CappedBody read(int size, long cap) throws IOException {
        InputStream in = new ByteArrayInputStream(bytes(size));
        byte[] prefix = new byte[4];
        int n = in.readNBytes(prefix, 0, prefix.length);
        return CappedBody.read(in, prefix, n, cap);
    }

    @Test
    void keepsAShortBodyWhole() throws IOException {
        CappedBody body = read(100, 1000);

        assertThat(body.length()).isEqualTo(100);
        assertThat(body.bytes()).hasSize(100);
        assertThat(body.truncated()).isFalse();
    }

    @Test
    void aBodyOfExactlyTheCapIsNotTruncated() throws IOException {
        CappedBody body = read(1000, 1000);

        assertThat(body.length()).isEqualTo(1000);
        assertThat(body.truncated()).isFalse();
    }

    @Test
    void cutsALongerBodyAtTheCap() throws IOException {
        CappedBody body = read(1001, 1000);

        assertThat(body.length()).isEqualTo(1000);
        assertThat(body.bytes()).hasSize(1000);
        assertThat(body.truncated()).isTrue();
    }

    @Test
    void capSmallerThanTheSniffedPrefixStillHolds() throws IOException {
        CappedBody body = read(100, 2);

        assertThat(body.bytes()).hasSize(2);
        assertThat(body.truncated()).isTrue();
    }

    @Test
    void countsWithoutKeeping() throws IOException {
        InputStream in = new ByteArrayInputStream(bytes(5000));
        in.readNBytes(512);

        CappedBody counted = CappedBody.count(in, 512, 4096);

        assertThat(counted.length()).isEqualTo(4096);
        assertThat(counted.truncated()).isTrue();
        assertThat(counted.bytes()).isEmpty();
    }

    @Test
    void readsNoMoreThanOneBytePastTheCap() throws IOException {
        int[] served = {0};
        InputStream endless =
                new InputStream() {
                    @Override
                    public int read() {
                        served[0]++;
                        return 'a';
                    }
                };

        CappedBody body = CappedBody.read(endless, new byte[0], 0, 10_000);

        assertThat(body.truncated()).isTrue();
        assertThat(served[0]).isEqualTo(10_001);
    }
}
