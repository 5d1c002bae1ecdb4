package dev.linkcrawl.crawl.fetch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes the bytes of an HTML page into text, choosing the charset the way browsers do: a byte
 * order mark, then the {@code charset} of the {@code Content-Type} header, then a {@code <meta>}
 * declaration in the first 5 KiB, then a {@code <meta>} declaration further on, then detection.
 *
 * <p>Charset labels are read with the WHATWG label table ({@link EncodingLabels}), so {@code
 * iso-8859-1}, {@code latin1} and {@code us-ascii} mean windows-1252 and unknown names are ignored.
 * A declaration past the first 5 KiB counts because a browser's parser obeys the first {@code
 * <meta>} it meets while the charset is only a guess (the HTML standard's "change the encoding");
 * there the parser's view applies, so a {@code <meta>} inside a script is text. Detection says
 * UTF-8 when the bytes are valid UTF-8 and not plain ASCII; otherwise it asks juniversalchardet
 * (which recognises Shift_JIS, EUC-JP, GB18030, Big5, EUC-KR, the Cyrillic and Greek code pages)
 * and falls back to windows-1252, the default of the HTML standard's sniffing (plain ASCII reads
 * the same in both). Decoding replaces bad bytes with U+FFFD; it never throws.
 */
public final class PageCharset {

    /** How far the {@code <meta>} prescan looks: the first 5 KiB (5,120 bytes). */
    public static final int PRESCAN_BYTES = 5 * 1024;

    /** How much of the page the detector reads at most: 1 MiB. */
    static final int DETECTOR_BYTES = 1024 * 1024;

    /** Where the charset came from. */
    public enum Source {
        BOM,
        HTTP_HEADER,
        META,
        /** A {@code <meta>} past the prescan window, which the parser would meet. */
        LATE_META,
        DETECTED,
        DEFAULT
    }

    /**
     * A decoded page.
     *
     * @param text the page; bad bytes are U+FFFD, a byte order mark is dropped
     * @param charset the charset used
     * @param source where it came from
     */
    public record Decoded(String text, Charset charset, Source source) {
        public Decoded {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(charset, "charset");
            Objects.requireNonNull(source, "source");
        }
    }

    /** The fallback when nothing else decides, as in browsers for most locales. */
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * Detector answers that misfire on short Western text (a German paragraph came back as
     * MacCyrillic) and are rare on the web: windows-1252 serves such pages better.
     */
    private static final Set<String> DISTRUSTED_GUESSES =
            Set.of("ibm866", "ibm855", "maccyrillic", "x-mac-cyrillic");

    /** Names the detector uses that differ from every WHATWG label. */
    private static final Map<String, String> DETECTOR_ALIASES = Map.of("tis620", "tis-620");

    private PageCharset() {}

    /**
     * Decodes a page the owner's client sent: as UTF-8 when it is valid UTF-8 (a browser serialises
     * the page it shows in UTF-8, whatever charset its markup still declares), else as a fetched
     * page without a {@code Content-Type} header.
     */
    public static Decoded decodeSent(byte[] bytes) {
        return decode(bytes, isValidUtf8(bytes, bytes.length) ? "text/html; charset=utf-8" : null);
    }

    /** Decodes all of {@code bytes}; see {@link #decode(byte[], int, String)}. */
    public static Decoded decode(byte[] bytes, String contentTypeHeader) {
        return decode(bytes, bytes.length, contentTypeHeader);
    }

    /**
     * Decodes the first {@code length} bytes.
     *
     * @param contentTypeHeader the response's {@code Content-Type} header, or {@code null} when it
     *     had none
     */
    public static Decoded decode(byte[] bytes, int length, String contentTypeHeader) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.checkFromIndexSize(0, length, bytes.length);
        Optional<Decoded> withBom = fromBom(bytes, length);
        if (withBom.isPresent()) {
            return withBom.get();
        }
        Optional<Charset> declared =
                ContentType.parse(contentTypeHeader)
                        .flatMap(ContentType::charset)
                        .flatMap(EncodingLabels::lookup);
        if (declared.isPresent()) {
            return decoded(bytes, 0, length, declared.get(), Source.HTTP_HEADER);
        }
        Optional<Charset> meta = prescan(bytes, length);
        if (meta.isPresent()) {
            return decoded(bytes, 0, length, meta.get(), Source.META);
        }
        if (length > PRESCAN_BYTES) {
            Optional<Charset> late = lateMeta(bytes, length);
            if (late.isPresent()) {
                return decoded(bytes, 0, length, late.get(), Source.LATE_META);
            }
        }
        return detect(bytes, length)
                .map(charset -> decoded(bytes, 0, length, charset, Source.DETECTED))
                .orElseGet(() -> decoded(bytes, 0, length, WINDOWS_1252, Source.DEFAULT));
    }

    private static Optional<Decoded> fromBom(byte[] b, int length) {
        if (length >= 3 && b[0] == (byte) 0xef && b[1] == (byte) 0xbb && b[2] == (byte) 0xbf) {
            return Optional.of(decoded(b, 3, length, StandardCharsets.UTF_8, Source.BOM));
        }
        if (length >= 2 && b[0] == (byte) 0xfe && b[1] == (byte) 0xff) {
            return Optional.of(decoded(b, 2, length, StandardCharsets.UTF_16BE, Source.BOM));
        }
        if (length >= 2 && b[0] == (byte) 0xff && b[1] == (byte) 0xfe) {
            return Optional.of(decoded(b, 2, length, StandardCharsets.UTF_16LE, Source.BOM));
        }
        return Optional.empty();
    }

    /**
     * The charset named by the first {@code <meta charset>} or {@code <meta http-equiv=
     * "content-type" content="...; charset=...">} in the first 5 KiB that names a known one. A
     * UTF-16 label means UTF-8 here, as in browsers: a page that can be prescanned as ASCII is not
     * UTF-16.
     */
    static Optional<Charset> prescan(byte[] bytes, int length) {
        String head =
                new String(bytes, 0, Math.min(length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        return declared(MetaTags.scan(head, head.length()));
    }

    /** The charset of the first {@code <meta>} that declares a known one, as the parser sees it. */
    static Optional<Charset> lateMeta(byte[] bytes, int length) {
        String page = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        return declared(MetaTags.scanAsParser(page, page.length()));
    }

    private static Optional<Charset> declared(List<Map<String, String>> metas) {
        for (Map<String, String> meta : metas) {
            Optional<String> label = Optional.empty();
            if (meta.containsKey("charset")) {
                label = Optional.of(meta.get("charset"));
            } else if (meta.getOrDefault("http-equiv", "").equalsIgnoreCase("content-type")
                    && meta.containsKey("content")) {
                // compared exactly, as the prescan does: "Content-Type " is another name
                label = charsetInContent(meta.get("content"));
            }
            Optional<Charset> charset = label.flatMap(EncodingLabels::lookup);
            if (charset.isPresent()) {
                Charset found = charset.get();
                boolean utf16 =
                        found.equals(StandardCharsets.UTF_16BE)
                                || found.equals(StandardCharsets.UTF_16LE);
                return Optional.of(utf16 ? StandardCharsets.UTF_8 : found);
            }
        }
        return Optional.empty();
    }

    /** The HTML standard's "extract a character encoding from a meta element" algorithm. */
    static Optional<String> charsetInContent(String content) {
        String lower = content.toLowerCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int at = lower.indexOf("charset", from);
            if (at < 0) {
                return Optional.empty();
            }
            int i = at + "charset".length();
            while (i < lower.length() && MetaTags.isSpace(lower.charAt(i))) {
                i++;
            }
            if (i >= lower.length() || lower.charAt(i) != '=') {
                from = at + 1;
                continue;
            }
            i++;
            while (i < lower.length() && MetaTags.isSpace(lower.charAt(i))) {
                i++;
            }
            if (i >= lower.length()) {
                return Optional.empty();
            }
            char quote = lower.charAt(i);
            if (quote == '"' || quote == '\'') {
                int close = lower.indexOf(quote, i + 1);
                return close < 0 ? Optional.empty() : Optional.of(content.substring(i + 1, close));
            }
            int end = i;
            while (end < lower.length()
                    && !MetaTags.isSpace(lower.charAt(end))
                    && lower.charAt(end) != ';') {
                end++;
            }
            return Optional.of(content.substring(i, end));
        }
    }

    /**
     * Nothing for plain ASCII (the default then reads it the same as UTF-8 would); UTF-8 when the
     * bytes are valid UTF-8; else the detector's guess if it is a trusted one.
     */
    static Optional<Charset> detect(byte[] bytes, int length) {
        if (isAscii(bytes, length)) {
            return Optional.empty();
        }
        if (isValidUtf8(bytes, length)) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        UniversalDetector detector = new UniversalDetector();
        int fed = 0;
        int limit = Math.min(length, DETECTOR_BYTES);
        while (fed < limit && !detector.isDone()) {
            int chunk = Math.min(8192, limit - fed);
            detector.handleData(bytes, fed, chunk);
            fed += chunk;
        }
        detector.dataEnd();
        String guess = detector.getDetectedCharset();
        if (guess == null) {
            return Optional.empty();
        }
        String label = guess.toLowerCase(Locale.ROOT);
        if (DISTRUSTED_GUESSES.contains(label)) {
            return Optional.empty();
        }
        return EncodingLabels.lookup(DETECTOR_ALIASES.getOrDefault(label, label));
    }

    static boolean isAscii(byte[] b, int length) {
        for (int i = 0; i < length; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the bytes are well-formed UTF-8 (no overlong forms, surrogates or values past
     * U+10FFFF). A sequence cut off by the end of the bytes is allowed, since a capped body can end
     * anywhere.
     */
    static boolean isValidUtf8(byte[] b, int length) {
        int i = 0;
        while (i < length) {
            int lead = b[i] & 0xff;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int count;
            int min;
            int max = 0xbf;
            if (lead >= 0xc2 && lead <= 0xdf) {
                count = 1;
                min = 0x80;
            } else if (lead >= 0xe0 && lead <= 0xef) {
                count = 2;
                min = lead == 0xe0 ? 0xa0 : 0x80;
                max = lead == 0xed ? 0x9f : 0xbf;
            } else if (lead >= 0xf0 && lead <= 0xf4) {
                count = 3;
                min = lead == 0xf0 ? 0x90 : 0x80;
                max = lead == 0xf4 ? 0x8f : 0xbf;
            } else {
                return false;
            }
            for (int k = 1; k <= count; k++) {
                if (i + k >= length) {
                    return true;
                }
                int next = b[i + k] & 0xff;
                int lo = k == 1 ? min : 0x80;
                int hi = k == 1 ? max : 0xbf;
                if (next < lo || next > hi) {
                    return false;
                }
            }
            i += count + 1;
        }
        return true;
    }

    private static Decoded decoded(
            byte[] bytes, int offset, int length, Charset charset, Source source) {
        return new Decoded(new String(bytes, offset, length - offset, charset), charset, source);
    }
}
