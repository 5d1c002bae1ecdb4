package dev.linkcrawl.crawl.fetch;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed {@code Content-Type} header: the media type and its {@code charset} parameter.
 *
 * @param mediaType lowercase {@code type/subtype}, for example {@code text/html}
 * @param charset the {@code charset} parameter as written (unquoted), if any; not validated
 */
record ContentType(String mediaType, Optional<String> charset) {

    ContentType {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(charset, "charset");
    }

    /** Parses a header value; empty when it is missing or has no {@code type/subtype}. */
    static Optional<ContentType> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.split(";", -1);
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        int slash = mediaType.indexOf('/');
        if (slash <= 0
                || slash == mediaType.length() - 1
                || mediaType.indexOf('/', slash + 1) >= 0
                || !mediaType.chars().allMatch(ContentType::isTokenOrSlash)) {
            return Optional.empty();
        }
        Optional<String> charset = Optional.empty();
        for (int i = 1; i < parts.length && charset.isEmpty(); i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            if (equals <= 0
                    || !parameter.substring(0, equals).strip().equalsIgnoreCase("charset")) {
                continue;
            }
            String value = parameter.substring(equals + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (!value.isEmpty()) {
                charset = Optional.of(value);
            }
        }
        return Optional.of(new ContentType(mediaType, charset));
    }

    /** Whether this is a type the crawler parses: {@code text/html} or XHTML. */
    boolean isHtml() {
        return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
    }

    private static boolean isTokenOrSlash(int c) {
        return c == '/' || (c > 0x20 && c < 0x7f && "()<>@,;:\\\"[]?={}".indexOf(c) < 0);
    }
}
