package dev.linkcrawl.crawl.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The content codings the crawler accepts and decodes itself: gzip, deflate, or none. It asks for
 * exactly these ({@code Accept-Encoding: gzip, deflate}) and refuses anything else a server sends
 * anyway: brotli, zstd, compress, unknown names, and stacked codings such as {@code gzip, gzip} (a
 * way to multiply a decompression bomb).
 */
enum ContentCoding {
    IDENTITY,
    GZIP,
    DEFLATE;

    /** The {@code Accept-Encoding} request header that matches what this class decodes. */
    static final String ACCEPT_ENCODING = "gzip, deflate";

    /**
     * The single coding named by the {@code Content-Encoding} header lines; {@code identity}
     * entries are ignored. Empty when a coding is unknown or more than one is applied.
     */
    static Optional<ContentCoding> of(List<String> headerValues) {
        List<String> codings = new ArrayList<>();
        for (String value : headerValues) {
            for (String part : value.split(",", -1)) {
                String coding = part.strip().toLowerCase(Locale.ROOT);
                if (!coding.isEmpty() && !coding.equals("identity")) {
                    codings.add(coding);
                }
            }
        }
        if (codings.isEmpty()) {
            return Optional.of(IDENTITY);
        }
        if (codings.size() > 1) {
            return Optional.empty();
        }
        return switch (codings.get(0)) {
            case "gzip", "x-gzip" -> Optional.of(GZIP);
            case "deflate" -> Optional.of(DEFLATE);
            default -> Optional.empty();
        };
    }

    /**
     * Wraps the raw body in a decoder. Closing the result frees the decoder's native memory. HTTP
     * "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: the first two bytes
     * tell which.
     */
    InputStream decode(InputStream raw) throws IOException {
        return switch (this) {
            case IDENTITY -> raw;
            case GZIP -> new GZIPInputStream(raw, 8192);
            case DEFLATE -> {
                BufferedInputStream buffered = new BufferedInputStream(raw, 8192);
                buffered.mark(2);
                int cmf = buffered.read();
                int flg = buffered.read();
                buffered.reset();
                boolean zlib =
                        cmf >= 0 && flg >= 0 && (cmf & 0x0f) == 8 && ((cmf << 8) | flg) % 31 == 0;
                yield new OwnedInflaterStream(buffered, new Inflater(!zlib));
            }
        };
    }

    /** An inflater stream that ends its inflater on close (the JDK's does not for a given one). */
    private static final class OwnedInflaterStream extends InflaterInputStream {
        OwnedInflaterStream(InputStream in, Inflater inflater) {
            super(in, inflater, 8192);
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                inf.end();
            }
        }
    }
}
