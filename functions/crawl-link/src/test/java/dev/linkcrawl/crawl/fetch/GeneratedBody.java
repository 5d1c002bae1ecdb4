package dev.linkcrawl.crawl.fetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/** A response body generated while it is sent (never held in memory): a head, then filler bytes. */
final class GeneratedBody implements MockResponseBody {

    private final byte[] head;
    private final long size;
    private final byte[] filler = new byte[64 * 1024];

    GeneratedBody(String head, long size, byte fill) {
        this.head = head.getBytes(StandardCharsets.US_ASCII);
        this.size = size;
        Arrays.fill(filler, fill);
    }

    @Override
    public long getContentLength() {
        return size;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        sink.write(head);
        long left = size - head.length;
        while (left > 0) {
            int n = (int) Math.min(filler.length, left);
            sink.write(filler, 0, n);
            left -= n;
        }
        sink.flush();
    }
}
