package dev.linkcrawl.crawl.extract;

import java.util.Locale;
import org.jsoup.internal.StringUtil;

/**
 * How metadata values are cleaned: entities decoded once more and whitespace collapsed, compared on
 * letters and digits only, relative URLs made absolute.
 */
public final class MetaText {

    private MetaText() {}

    /**
     * Whitespace collapsed to single spaces, and entities decoded once more: many sites escape
     * their metadata twice ({@code &amp;#39;}), which an HTML parser decodes only once.
     */
    static String collapse(String s) {
        if (s.indexOf('&') >= 0) {
            s = org.jsoup.parser.Parser.unescapeEntities(s, false);
        }
        return collapseSpace(s);
    }

    static String collapseSpace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The letters and digits of {@code s}, lower-cased: how two names are compared. */
    public static String simplify(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    static boolean looksLikeUrl(String s) {
        return s.startsWith("http://")
                || s.startsWith("https://")
                || s.startsWith("www.")
                || s.startsWith("@");
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String absolute(String base, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        String h = href.strip();
        if (h.startsWith("data:") || h.startsWith("javascript:")) {
            return null;
        }
        String abs = StringUtil.resolve(base, h);
        return abs.isEmpty() ? (h.startsWith("http") ? h : null) : abs;
    }

    /** Lower-cases only when needed: most class names already are. */
    static String lower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'A' && c <= 'Z') || c > 0x7f) {
                return s.toLowerCase(Locale.ROOT);
            }
        }
        return s;
    }
}
