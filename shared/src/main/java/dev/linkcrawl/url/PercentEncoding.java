package dev.linkcrawl.url;

import java.nio.charset.StandardCharsets;

/**
 * Puts the percent-encoding of a path or query into one form, so equal resources get equal text:
 * escapes in uppercase hex, escapes of unreserved characters decoded ({@code %7E} → {@code ~}),
 * other escapes kept (decoding {@code %2F} or {@code %26} would change the meaning), characters RFC
 * 3986 does not allow raw encoded (non-ASCII as UTF-8), and a {@code %} that starts no escape
 * written as {@code %25}. The result is always a valid RFC 3986 component.
 */
enum PercentEncoding {
    /** RFC 3986 {@code path}: pchar and {@code /}. */
    PATH(":@/"),
    /** RFC 3986 {@code query}: pchar, {@code /} and {@code ?}. */
    QUERY(":@/?");

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final String SUB_DELIMS = "!$&'()*+,;=";

    private final boolean[] raw = new boolean[128];

    PercentEncoding(String extra) {
        for (char c = 0; c < 128; c++) {
            raw[c] = isUnreserved(c) || SUB_DELIMS.indexOf(c) >= 0 || extra.indexOf(c) >= 0;
        }
    }

    String normalise(String component) {
        StringBuilder out = new StringBuilder(component.length() + 16);
        for (int i = 0; i < component.length(); ) {
            char c = component.charAt(i);
            if (c == '%') {
                int high = i + 2 < component.length() ? hex(component.charAt(i + 1)) : -1;
                int low = high >= 0 ? hex(component.charAt(i + 2)) : -1;
                if (low < 0) {
                    out.append("%25");
                    i++;
                    continue;
                }
                int octet = (high << 4) | low;
                if (isUnreserved(octet)) {
                    out.append((char) octet);
                } else {
                    escape(out, octet);
                }
                i += 3;
            } else if (c < 128) {
                if (raw[c]) {
                    out.append(c);
                } else {
                    escape(out, c);
                }
                i++;
            } else {
                int codePoint = component.codePointAt(i);
                for (byte b : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8)) {
                    escape(out, b & 0xff);
                }
                i += Character.charCount(codePoint);
            }
        }
        return out.toString();
    }

    private static void escape(StringBuilder out, int octet) {
        out.append('%').append(HEX[octet >> 4]).append(HEX[octet & 0xf]);
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~';
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
