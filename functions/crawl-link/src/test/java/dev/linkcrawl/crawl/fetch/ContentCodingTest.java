package dev.linkcrawl.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentCodingTest {

    private static final byte[] PAGE =
            "<html><p>compressed page</p></html>".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsNoneIdentityGzipAndDeflate() {
        assertThat(ContentCoding.of(List.of())).contains(ContentCoding.IDENTITY);
        assertThat(ContentCoding.of(List.of("identity"))).contains(ContentCoding.IDENTITY);
        assertThat(ContentCoding.of(List.of("GZIP"))).contains(ContentCoding.GZIP);
        assertThat(ContentCoding.of(List.of("x-gzip"))).contains(ContentCoding.GZIP);
        assertThat(ContentCoding.of(List.of(" deflate "))).contains(ContentCoding.DEFLATE);
        assertThat(ContentCoding.of(List.of("identity, gzip"))).contains(ContentCoding.GZIP);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "br",
                "zstd",
                "compress",
                "x-compress",
                "sdch",
                "gzip, gzip",
                "deflate, gzip",
                "gzip,br"
            })
    void refusesUnknownAndStackedCodings(String header) {
        assertThat(ContentCoding.of(List.of(header))).isEmpty();
    }

    @Test
    void refusesCodingsStackedOverSeveralHeaderLines() {
        assertThat(ContentCoding.of(List.of("gzip", "gzip"))).isEmpty();
    }

    @Test
    void decodesGzip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(PAGE);
        }

        assertThat(decode(ContentCoding.GZIP, out.toByteArray())).isEqualTo(PAGE);
    }

    @Test
    void decodesZlibWrappedDeflate() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(6, false))) {
            deflate.write(PAGE);
        }

        assertThat(decode(ContentCoding.DEFLATE, out.toByteArray())).isEqualTo(PAGE);
    }

    @Test
    void decodesRawDeflateThatSomeServersSend() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(6, true))) {
            deflate.write(PAGE);
        }

        assertThat(decode(ContentCoding.DEFLATE, out.toByteArray())).isEqualTo(PAGE);
    }

    private static byte[] decode(ContentCoding coding, byte[] encoded) throws IOException {
        try (InputStream in = coding.decode(new ByteArrayInputStream(encoded))) {
            return in.readAllBytes();
        }
    }
}
