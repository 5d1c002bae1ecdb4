package dev.linkcrawl.crawl.fetch;

import java.io.IOException;
import java.io.InputStream;
import okio.Buffer;

/**
 * A body read up to a cap. Reading stops one byte past the cap (to know whether there was more), so
 * a 1 GiB stream or a decompression bomb costs at most the cap in memory.
 *
 * @param bytes the bytes kept (empty when only counted)
 * @param length how many bytes the body had up to the cap
 * @param truncated whether it had more than the cap
 */
record CappedBody(byte[] bytes, long length, boolean truncated) {

    private static final int CHUNK = 8192;

    /** Reads and keeps the body after {@code prefix}, up to {@code cap} bytes in all. */
    static CappedBody read(InputStream in, byte[] prefix, int prefixLength, long cap)
            throws IOException {
        Buffer kept = new Buffer();
        kept.write(prefix, 0, (int) Math.min(prefixLength, cap));
        byte[] chunk = new byte[CHUNK];
        while (kept.size() < cap) {
            int read = in.read(chunk, 0, (int) Math.min(chunk.length, cap - kept.size()));
            if (read < 0) {
                long length = kept.size();
                return new CappedBody(kept.readByteArray(), length, false);
            }
            kept.write(chunk, 0, read);
        }
        boolean more = prefixLength > cap || in.read() >= 0;
        long length = kept.size();
        return new CappedBody(kept.readByteArray(), length, more);
    }

    /** Counts the body after {@code prefixLength} bytes already read, up to {@code cap}. */
    static CappedBody count(InputStream in, int prefixLength, long cap) throws IOException {
        long length = Math.min(prefixLength, cap);
        byte[] chunk = new byte[CHUNK];
        while (length < cap) {
            int read = in.read(chunk, 0, (int) Math.min(chunk.length, cap - length));
            if (read < 0) {
                return new CappedBody(new byte[0], length, false);
            }
            length += read;
        }
        boolean more = prefixLength > cap || in.read() >= 0;
        return new CappedBody(new byte[0], length, more);
    }
}
