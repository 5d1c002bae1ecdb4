package dev.linkcrawl.crawl.fetch;

import java.util.Map;
import java.util.Optional;

/**
 * Finds a {@code <meta http-equiv="refresh" content="N; url=...">} that a crawl follows as a
 * redirect hop: one near the start of the page (the first 32 KiB of text) whose delay is at most 5
 * seconds and that names a URL. Longer delays are pages that reload themselves (news front pages),
 * not redirects; a refresh without a URL reloads the same page and is ignored.
 */
final class MetaRefresh {

    /** The longest delay still taken as a redirect: 5 seconds. */
    static final int MAX_DELAY_SECONDS = 5;

    /** How far into the decoded page the refresh is looked for: 32 KiB of text (32,768 chars). */
    static final int SCAN_CHARS = 32 * 1024;

    private MetaRefresh() {}

    /** The raw target of a short refresh (to be resolved against the page URL), if any. */
    static Optional<String> target(CharSequence html) {
        for (Map<String, String> meta : MetaTags.scan(html, SCAN_CHARS)) {
            if (meta.getOrDefault("http-equiv", "").strip().equalsIgnoreCase("refresh")
                    && meta.containsKey("content")) {
                return parseContent(decodeReferences(meta.get("content")));
            }
        }
        return Optional.empty();
    }

    /**
     * Parses a refresh {@code content} value as the HTML standard does ("shared declarative refresh
     * steps"): a delay in seconds, then an optional {@code ;} or {@code ,}, then an optional {@code
     * url=}, then the URL, possibly quoted. Empty when the delay is too long or there is no URL.
     */
    static Optional<String> parseContent(String content) {
        int i = skipSpace(content, 0);
        int digits = i;
        while (i < content.length() && isAsciiDigit(content.charAt(i))) {
            i++;
        }
        if (i == digits && (i >= content.length() || content.charAt(i) != '.')) {
            return Optional.empty();
        }
        if (i > digits) {
            String delay = content.substring(digits, i);
            if (delay.length() > 9 || Long.parseLong(delay) > MAX_DELAY_SECONDS) {
                return Optional.empty();
            }
        }
        while (i < content.length()
                && (isAsciiDigit(content.charAt(i)) || content.charAt(i) == '.')) {
            i++;
        }
        if (i >= content.length()) {
            return Optional.empty();
        }
        char separator = content.charAt(i);
        if (separator != ';' && separator != ',' && !MetaTags.isSpace(separator)) {
            return Optional.empty();
        }
        i = skipSpace(content, i);
        if (i < content.length() && (content.charAt(i) == ';' || content.charAt(i) == ',')) {
            i = skipSpace(content, i + 1);
        }
        if (i >= content.length()) {
            return Optional.empty();
        }
        if (content.regionMatches(true, i, "url", 0, 3)) {
            int afterUrl = skipSpace(content, i + 3);
            if (afterUrl < content.length() && content.charAt(afterUrl) == '=') {
                i = skipSpace(content, afterUrl + 1);
            }
        }
        String url = content.substring(i);
        if (!url.isEmpty() && (url.charAt(0) == '"' || url.charAt(0) == '\'')) {
            char quote = url.charAt(0);
            int close = url.indexOf(quote, 1);
            url = close < 0 ? url.substring(1) : url.substring(1, close);
        }
        url = url.strip();
        return url.isEmpty() ? Optional.empty() : Optional.of(url);
    }

    /** Decodes the character references a URL in an attribute commonly holds. */
    static String decodeReferences(String value) {
        if (value.indexOf('&') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            int semicolon = c == '&' ? value.indexOf(';', i) : -1;
            if (semicolon > i + 1 && semicolon - i <= 10) {
                String name = value.substring(i + 1, semicolon);
                Optional<String> replacement = reference(name);
                if (replacement.isPresent()) {
                    out.append(replacement.get());
                    i = semicolon + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static Optional<String> reference(String name) {
        String named =
                switch (name) {
                    case "amp" -> "&";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    default -> null;
                };
        if (named != null) {
            return Optional.of(named);
        }
        try {
            int code;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                code = Integer.parseInt(name.substring(2), 16);
            } else if (name.startsWith("#")) {
                code = Integer.parseInt(name.substring(1));
            } else {
                return Optional.empty();
            }
            return Character.isValidCodePoint(code) && code != 0
                    ? Optional.of(Character.toString(code))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int skipSpace(String s, int from) {
        int i = from;
        while (i < s.length() && MetaTags.isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
