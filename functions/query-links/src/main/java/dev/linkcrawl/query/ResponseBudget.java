package dev.linkcrawl.query;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keeps a response within Lambda's limit on what a synchronous invocation returns: 6 MB, counted on
 * the proxy response as a whole, in which the body is a JSON string. A body is therefore escaped
 * twice: once as the JSON it is ({@code "} becomes {@code \"}), once as a string in the envelope
 * ({@code \"} becomes {@code \\\"}), so one control character of a page's text ({@code \u0001} in
 * the body, {@code \\u0001} in the envelope) costs 7 bytes.
 *
 * <p>Bytes are counted as the most escaping JSON writer would write them, so the bound does not
 * depend on which serialiser the runtime uses: every control character, {@code <>&'=} (HTML-safe
 * writers escape them) and U+2028/U+2029 as a 6-byte {@code \}{@code uXXXX}, every other non-ASCII
 * UTF-16 unit as 6 bytes too (ASCII-only writers), {@code "} and {@code \} as 2.
 *
 * <p>The budget for a body, {@value #BODY_BYTES} bytes in the envelope, leaves a megabyte under the
 * smaller reading of "6 MB" (6,000,000 bytes; AWS counts 6,291,556) for the status, headers and the
 * envelope itself.
 */
final class ResponseBudget {

    /** Lambda's limit on a synchronous response, read as 6,000,000 bytes. */
    static final long LAMBDA_RESPONSE_LIMIT = 6_000_000;

    /** What a body may take once written into the proxy response: 5,000,000 bytes. */
    static final long BODY_BYTES = 5_000_000;

    private ResponseBudget() {}

    /** Whether {@code body} fits {@link #BODY_BYTES} once written into the proxy response. */
    static boolean fits(String body) {
        return envelopeBytes(body) <= BODY_BYTES;
    }

    /** The bytes {@code body} takes as a JSON string in the proxy response, quotes excluded. */
    static long envelopeBytes(CharSequence body) {
        long bytes = 0;
        for (int i = 0; i < body.length(); i++) {
            bytes += envelopeBytes(body.charAt(i));
        }
        return bytes;
    }

    /**
     * Cuts the {@code text} of a document's JSON so that the whole body fits, at a code point
     * boundary, and sets {@code textTruncated} when it did; a body that fits is left alone. Every
     * other field of a capped document ({@link dev.linkcrawl.index.DocumentLimits}) takes at most
     * about a megabyte in the envelope, so the text always has room left.
     */
    static void fitText(ObjectNode document) {
        String text = document.path("text").asText("");
        if (fits(document.toString())) {
            return;
        }
        document.put("text", "");
        document.put("textTruncated", true);
        long room = BODY_BYTES - envelopeBytes(document.toString());
        long used = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int units = Character.charCount(codePoint);
            long cost = 0;
            for (int j = end; j < end + units; j++) {
                cost += envelopeBytesInBody(text.charAt(j));
            }
            if (used + cost > room) {
                break;
            }
            used += cost;
            end += units;
        }
        document.put("text", text.substring(0, end));
    }

    /** What one character of the body costs in the envelope. */
    static int envelopeBytes(char c) {
        if (c == '"' || c == '\\') {
            return 2;
        }
        if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\'' || c == '=' || c >= 0x80) {
            return 6;
        }
        return 1;
    }

    /**
     * What one character of a string value costs in the envelope, after the body's own escaping:
     * {@code "} and {@code \} become two characters (4 bytes), a control character at most {@code
     * \}{@code u00XX} (7 bytes).
     */
    static int envelopeBytesInBody(char c) {
        if (c == '"' || c == '\\') {
            return 4;
        }
        if (c < 0x20) {
            return 7;
        }
        return envelopeBytes(c);
    }
}
