package dev.linkcrawl.crawl.fetch;

import dev.linkcrawl.url.LinkUrl;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The file name to show for content that is not a page: the {@code filename*} or {@code filename}
 * of a {@code Content-Disposition} header (RFC 6266), else the last segment of the URL path. Only
 * the base name is kept (no directories), control characters are dropped, and it is cut at 255
 * characters.
 */
final class FileName {

    static final int MAX_LENGTH = 255;

    private FileName() {}

    static Optional<String> of(String contentDisposition, LinkUrl url) {
        return fromDisposition(contentDisposition).or(() -> fromPath(url));
    }

    static Optional<String> fromDisposition(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Optional<String> plain = Optional.empty();
        Optional<String> extended = Optional.empty();
        for (String parameter : splitParameters(header)) {
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = parameter.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = parameter.substring(equals + 1).strip();
            if (name.equals("filename*") && extended.isEmpty()) {
                extended = decodeExtended(value);
            } else if (name.equals("filename") && plain.isEmpty()) {
                plain = Optional.of(unquote(value));
            }
        }
        Optional<String> fallback = plain;
        return extended.or(() -> fallback).flatMap(FileName::clean);
    }

    static Optional<String> fromPath(LinkUrl url) {
        String value = url.value();
        int authority = value.indexOf("//") + 2;
        int pathStart = value.indexOf('/', authority);
        if (pathStart < 0) {
            return Optional.empty();
        }
        int query = value.indexOf('?', pathStart);
        String path = query < 0 ? value.substring(pathStart) : value.substring(pathStart, query);
        String segment = path.substring(path.lastIndexOf('/') + 1);
        return clean(percentDecode(segment, StandardCharsets.UTF_8));
    }

    /** Splits on {@code ;} outside double quotes. */
    private static List<String> splitParameters(String header) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < header.length()) {
                current.append(c).append(header.charAt(++i));
                continue;
            }
            if (c == ';' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String value) {
        if (value.length() < 2 || !value.startsWith("\"") || !value.endsWith("\"")) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                c = value.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** RFC 5987 {@code charset'language'percent-encoded}; UTF-8 and ISO-8859-1 only. */
    private static Optional<String> decodeExtended(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return Optional.empty();
        }
        String charsetName = value.substring(0, first).strip().toLowerCase(Locale.ROOT);
        Charset charset =
                switch (charsetName) {
                    case "utf-8" -> StandardCharsets.UTF_8;
                    case "iso-8859-1" -> StandardCharsets.ISO_8859_1;
                    default -> null;
                };
        if (charset == null) {
            return Optional.empty();
        }
        return Optional.of(percentDecode(value.substring(second + 1), charset));
    }

    private static String percentDecode(String text, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '%' && i + 2 < text.length()) {
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high >= 0 && low >= 0) {
                    bytes.write(high * 16 + low);
                    i += 3;
                    continue;
                }
            }
            int codePoint = text.codePointAt(i);
            bytes.writeBytes(Character.toString(codePoint).getBytes(charset));
            i += Character.charCount(codePoint);
        }
        return bytes.toString(charset);
    }

    private static Optional<String> clean(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder out = new StringBuilder();
        base.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(out::appendCodePoint);
        String cleaned = out.toString().strip();
        if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
            return Optional.empty();
        }
        if (cleaned.length() > MAX_LENGTH) {
            int cut = MAX_LENGTH;
            if (Character.isHighSurrogate(cleaned.charAt(cut - 1))) {
                cut--;
            }
            cleaned = cleaned.substring(0, cut);
        }
        return Optional.of(cleaned);
    }
}
