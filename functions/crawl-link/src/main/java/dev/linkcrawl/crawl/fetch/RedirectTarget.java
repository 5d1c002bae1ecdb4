package dev.linkcrawl.crawl.fetch;

import dev.linkcrawl.url.LinkUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a redirect's {@code Location} (or a meta refresh URL) into an absolute URL string, resolved
 * against the URL that answered, for the URL rules to judge. It only resolves; it never decides
 * what is allowed.
 *
 * <p>Servers send what browsers accept, so spaces and non-ASCII characters outside the authority
 * are percent-encoded (UTF-8) first, as browsers do, and leading and trailing spaces and control
 * characters are trimmed. Everything else (control characters inside, backslashes, credentials,
 * other schemes) is passed on for the URL rules to refuse.
 */
final class RedirectTarget {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final String NEEDS_ENCODING = " \"<>[]^`{|}";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RedirectTarget() {}

    /** The absolute target, or empty when {@code location} cannot be read as a URL reference. */
    static Optional<String> resolve(LinkUrl base, String location) {
        String trimmed = trim(location);
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        String encoded = encode(trimmed);
        if (SCHEME.matcher(encoded).find()) {
            return Optional.of(encoded);
        }
        if (encoded.startsWith("?")) {
            // RFC 3986 keeps the whole base path for a query-only reference; java.net.URI follows
            // RFC 2396 and would drop its last segment. A LinkUrl has no fragment, and its first
            // '?' starts the query.
            int query = base.value().indexOf('?');
            return Optional.of(
                    (query < 0 ? base.value() : base.value().substring(0, query)) + encoded);
        }
        try {
            return Optional.of(new URI(base.value()).resolve(new URI(encoded)).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Drops leading and trailing C0 controls and spaces, as the URL standard does. */
    private static String trim(String location) {
        int start = 0;
        int end = location.length();
        while (start < end && location.charAt(start) <= 0x20) {
            start++;
        }
        while (end > start && location.charAt(end - 1) <= 0x20) {
            end--;
        }
        return location.substring(start, end);
    }

    /** Percent-encodes spaces, non-ASCII and unsafe characters outside the authority. */
    static String encode(String reference) {
        int authorityEnd = authorityEnd(reference);
        StringBuilder out = new StringBuilder(reference.length() + 16);
        out.append(reference, 0, authorityEnd);
        for (int i = authorityEnd; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c == '%' && !isPercentEscape(reference, i)) {
                out.append("%25");
            } else if (c > 0x7e || NEEDS_ENCODING.indexOf(c) >= 0) {
                int codePoint = reference.codePointAt(i);
                if (Character.charCount(codePoint) == 2) {
                    i++;
                }
                for (byte b : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Where the scheme and authority (if any) end: the part left as written. */
    private static int authorityEnd(String reference) {
        int start;
        var scheme = SCHEME.matcher(reference);
        if (scheme.find()) {
            start = scheme.end();
        } else {
            start = 0;
        }
        if (!reference.startsWith("//", start)) {
            return start;
        }
        int end = start + 2;
        while (end < reference.length() && "/?#".indexOf(reference.charAt(end)) < 0) {
            end++;
        }
        return end;
    }

    private static boolean isPercentEscape(String s, int at) {
        return at + 2 < s.length() && isHex(s.charAt(at + 1)) && isHex(s.charAt(at + 2));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
