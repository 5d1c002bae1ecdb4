package dev.linkcrawl.crawl.fetch;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides from the {@code Content-Type} header and the first bytes whether a body is an HTML page,
 * so that a PNG served as {@code text/html} is never handed to the HTML parser. Follows the spirit
 * of the WHATWG MIME sniffing standard: a known binary signature always wins over the header, bytes
 * that hold binary control characters are not text, and a missing header is sniffed for HTML tags.
 */
final class ContentSniffer {

    /** How many leading bytes are sniffed, as in the MIME sniffing standard: 512. */
    static final int SNIFF_BYTES = 512;

    /** The media type used when neither the header nor the bytes name one. */
    static final String UNKNOWN = "application/octet-stream";

    /**
     * The verdict on a body.
     *
     * @param html whether to decode and parse it as a page
     * @param contentType the effective media type, lowercase
     */
    record Verdict(boolean html, String contentType) {}

    /** A byte pattern at the start of the body; {@link #ANY} matches every byte. */
    private record Signature(String type, int[] pattern) {
        boolean matches(byte[] data, int length) {
            if (pattern.length > length) {
                return false;
            }
            for (int i = 0; i < pattern.length; i++) {
                if (pattern[i] != ANY && (data[i] & 0xff) != pattern[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final int ANY = -1;

    private static final List<Signature> SIGNATURES =
            List.of(
                    signature("image/png", 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a),
                    signature("image/gif", 'G', 'I', 'F', '8', '7', 'a'),
                    signature("image/gif", 'G', 'I', 'F', '8', '9', 'a'),
                    signature("image/jpeg", 0xff, 0xd8, 0xff),
                    signature(
                            "image/webp",
                            'R',
                            'I',
                            'F',
                            'F',
                            ANY,
                            ANY,
                            ANY,
                            ANY,
                            'W',
                            'E',
                            'B',
                            'P'),
                    signature("application/pdf", '%', 'P', 'D', 'F', '-'),
                    signature("application/postscript", '%', '!', 'P', 'S', '-'),
                    signature("application/zip", 'P', 'K', 0x03, 0x04),
                    signature("application/gzip", 0x1f, 0x8b, 0x08),
                    signature("application/x-7z-compressed", '7', 'z', 0xbc, 0xaf, 0x27, 0x1c),
                    signature("application/vnd.rar", 'R', 'a', 'r', '!', 0x1a, 0x07),
                    signature("application/zstd", 0x28, 0xb5, 0x2f, 0xfd),
                    signature("application/ogg", 'O', 'g', 'g', 'S', 0x00),
                    signature("audio/mpeg", 'I', 'D', '3'),
                    signature(
                            "audio/wave",
                            'R',
                            'I',
                            'F',
                            'F',
                            ANY,
                            ANY,
                            ANY,
                            ANY,
                            'W',
                            'A',
                            'V',
                            'E'),
                    signature("video/mp4", ANY, ANY, ANY, ANY, 'f', 't', 'y', 'p'),
                    signature("video/webm", 0x1a, 0x45, 0xdf, 0xa3),
                    signature("font/woff", 'w', 'O', 'F', 'F'),
                    signature("font/woff2", 'w', 'O', 'F', '2'));

    /** Tag openings that make a body without a content type HTML (MIME sniffing standard). */
    private static final List<String> HTML_OPENINGS =
            List.of(
                    "<!doctype html",
                    "<html",
                    "<head",
                    "<script",
                    "<iframe",
                    "<h1",
                    "<div",
                    "<font",
                    "<table",
                    "<a",
                    "<style",
                    "<title",
                    "<b",
                    "<body",
                    "<br",
                    "<p");

    private ContentSniffer() {}

    /** Judges a body from its declared type (if any) and its first bytes. */
    static Verdict judge(Optional<ContentType> declared, byte[] prefix, int length) {
        Optional<String> signature = signatureType(prefix, length);
        if (signature.isPresent()) {
            return new Verdict(false, signature.get());
        }
        if (declared.isPresent()) {
            ContentType type = declared.get();
            if (type.isHtml()) {
                return looksLikeText(prefix, length)
                        ? new Verdict(true, type.mediaType())
                        : new Verdict(false, UNKNOWN);
            }
            return new Verdict(false, type.mediaType());
        }
        return looksLikeText(prefix, length) && looksLikeHtml(prefix, length)
                ? new Verdict(true, "text/html")
                : new Verdict(false, UNKNOWN);
    }

    /** The media type a known binary signature at the start proves, if any. */
    static Optional<String> signatureType(byte[] data, int length) {
        for (Signature signature : SIGNATURES) {
            if (signature.matches(data, length)) {
                return Optional.of(signature.type());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the bytes can be text: a UTF-16 byte order mark, or no "binary data byte" (the C0
     * controls other than tab, line feed, form feed, carriage return and escape).
     */
    static boolean looksLikeText(byte[] data, int length) {
        if (length >= 2
                && ((data[0] == (byte) 0xfe && data[1] == (byte) 0xff)
                        || (data[0] == (byte) 0xff && data[1] == (byte) 0xfe))) {
            return true;
        }
        for (int i = 0; i < length; i++) {
            int b = data[i] & 0xff;
            if (b <= 0x08 || b == 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the bytes open with an HTML tag or comment, after whitespace and a UTF-8 BOM. */
    static boolean looksLikeHtml(byte[] data, int length) {
        int start = 0;
        if (length >= 3
                && data[0] == (byte) 0xef
                && data[1] == (byte) 0xbb
                && data[2] == (byte) 0xbf) {
            start = 3;
        }
        while (start < length && isWhitespace(data[start])) {
            start++;
        }
        String head =
                new String(data, start, Math.min(length - start, 16), StandardCharsets.ISO_8859_1)
                        .toLowerCase(Locale.ROOT);
        if (head.startsWith("<!--")) {
            return true;
        }
        for (String opening : HTML_OPENINGS) {
            if (head.startsWith(opening)
                    && head.length() > opening.length()
                    && (head.charAt(opening.length()) == ' '
                            || head.charAt(opening.length()) == '>')) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWhitespace(byte b) {
        return b == 0x09 || b == 0x0a || b == 0x0c || b == 0x0d || b == 0x20;
    }

    private static Signature signature(String type, int... pattern) {
        return new Signature(type, pattern);
    }
}
