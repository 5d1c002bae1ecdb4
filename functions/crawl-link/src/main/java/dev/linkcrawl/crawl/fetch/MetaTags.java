package dev.linkcrawl.crawl.fetch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the {@code <meta>} tags at the start of a page without parsing it, the way the HTML5
 * encoding prescan does: comments are skipped, other tags are stepped over attribute by attribute
 * (so a {@code >} inside a quoted value does not end them), and everything else is ignored. A tag
 * that the end of the text cuts off is no tag, as in the prescan and the tokenizer.
 *
 * <p>Attribute names are lowercased; values are kept as written, since a refresh URL is case
 * sensitive. Character references are not decoded.
 */
final class MetaTags {

    /**
     * Elements whose content the HTML tokenizer reads as text (noscript too, since browsers run
     * scripts), so a {@code <meta>} there is none.
     */
    private static final Set<String> RAW_TEXT =
            Set.of(
                    "script",
                    "style",
                    "textarea",
                    "title",
                    "xmp",
                    "iframe",
                    "noembed",
                    "noframes",
                    "noscript",
                    "plaintext");

    private final CharSequence text;
    private final int end;
    private final boolean asParser;
    private int pos;
    private boolean cutOff;

    private MetaTags(CharSequence text, int limit, boolean asParser) {
        this.text = text;
        this.end = Math.min(limit, text.length());
        this.asParser = asParser;
    }

    /** The attributes of every {@code <meta>} tag within the first {@code limit} characters. */
    static List<Map<String, String>> scan(CharSequence text, int limit) {
        return new MetaTags(text, limit, false).scan();
    }

    /**
     * Like {@link #scan}, but as the HTML parser sees the page: the content of {@code script},
     * {@code style}, {@code textarea} and the other raw-text elements is skipped, since a {@code
     * <meta>} written there is text.
     */
    static List<Map<String, String>> scanAsParser(CharSequence text, int limit) {
        return new MetaTags(text, limit, true).scan();
    }

    private List<Map<String, String>> scan() {
        List<Map<String, String>> metas = new ArrayList<>();
        while (pos < end) {
            if (startsWith("<!--")) {
                int close = indexOf("-->", pos + 2);
                if (close < 0) {
                    break;
                }
                pos = close + 3;
            } else if (startsWithIgnoreCase("<meta")
                    && pos + 5 < end
                    && (isSpace(text.charAt(pos + 5)) || text.charAt(pos + 5) == '/')) {
                pos += 6;
                Map<String, String> attributes = attributes();
                if (cutOff) {
                    break;
                }
                metas.add(attributes);
            } else if (at('<') && pos + 1 < end && isTagStart(pos + 1)) {
                pos++;
                int nameStart = pos;
                while (pos < end && !isSpace(text.charAt(pos)) && text.charAt(pos) != '>') {
                    pos++;
                }
                String name = text.subSequence(nameStart, pos).toString().toLowerCase(Locale.ROOT);
                attributes();
                if (asParser && RAW_TEXT.contains(name)) {
                    int close = indexOfIgnoreCase("</" + name, pos);
                    if (close < 0) {
                        break;
                    }
                    pos = close;
                }
            } else if (startsWith("<!") || startsWith("</") || startsWith("<?")) {
                int close = indexOf(">", pos + 2);
                if (close < 0) {
                    break;
                }
                pos = close + 1;
            } else {
                pos++;
            }
        }
        return metas;
    }

    private boolean isTagStart(int at) {
        char c = text.charAt(at);
        if (isAsciiLetter(c)) {
            return true;
        }
        return c == '/' && at + 1 < end && isAsciiLetter(text.charAt(at + 1));
    }

    /** Reads attributes up to and including the closing {@code >}; the first of a name wins. */
    private Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        while (true) {
            while (pos < end && (isSpace(text.charAt(pos)) || text.charAt(pos) == '/')) {
                pos++;
            }
            if (pos >= end) {
                cutOff = true;
                return attributes;
            }
            if (text.charAt(pos) == '>') {
                pos++;
                return attributes;
            }
            StringBuilder name = new StringBuilder();
            String value = "";
            boolean hasValue = false;
            while (pos < end) {
                char c = text.charAt(pos);
                if (c == '=' && !name.isEmpty()) {
                    pos++;
                    hasValue = true;
                    break;
                }
                if (isSpace(c)) {
                    while (pos < end && isSpace(text.charAt(pos))) {
                        pos++;
                    }
                    if (pos < end && text.charAt(pos) == '=') {
                        pos++;
                        hasValue = true;
                    }
                    break;
                }
                if (c == '/' || c == '>') {
                    break;
                }
                name.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
                pos++;
            }
            if (hasValue) {
                value = value();
            }
            attributes.putIfAbsent(name.toString(), value);
        }
    }

    private String value() {
        while (pos < end && isSpace(text.charAt(pos))) {
            pos++;
        }
        if (pos >= end) {
            return "";
        }
        char first = text.charAt(pos);
        StringBuilder value = new StringBuilder();
        if (first == '"' || first == '\'') {
            pos++;
            while (pos < end && text.charAt(pos) != first) {
                value.append(text.charAt(pos++));
            }
            if (pos >= end) {
                cutOff = true;
            }
            pos++;
            return value.toString();
        }
        while (pos < end && !isSpace(text.charAt(pos)) && text.charAt(pos) != '>') {
            value.append(text.charAt(pos++));
        }
        return value.toString();
    }

    private boolean at(char c) {
        return pos < end && text.charAt(pos) == c;
    }

    private boolean startsWith(String prefix) {
        if (pos + prefix.length() > end) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(pos + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean startsWithIgnoreCase(String prefix) {
        if (pos + prefix.length() > end) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = text.charAt(pos + i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int indexOfIgnoreCase(String lowerNeedle, int from) {
        for (int i = from; i + lowerNeedle.length() <= end; i++) {
            pos = i;
            if (startsWithIgnoreCase(lowerNeedle)) {
                return i;
            }
        }
        return -1;
    }

    private int indexOf(String needle, int from) {
        outer:
        for (int i = from; i + needle.length() <= end; i++) {
            for (int j = 0; j < needle.length(); j++) {
                if (text.charAt(i + j) != needle.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
