package dev.linkcrawl.crawl.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A forgiving JSON reader for JSON-LD blocks found in web pages.
 *
 * <p>Pages in the wild ship JSON-LD with raw newlines inside strings, trailing commas, comments,
 * HTML comment wrappers and several top-level values; a strict parser would drop the whole block.
 * This reader accepts all of those, returns {@link Map}, {@link List}, {@link String}, {@link
 * Double}, {@link Boolean} or {@link #NULL}, and gives up (empty result) only on input it cannot
 * make sense of. Nesting deeper than {@value #MAX_DEPTH} levels is refused, so hostile input cannot
 * exhaust the stack.
 *
 * <p>Not Jackson's parser with its lenient {@code JsonReadFeature}s, tried in its place: it read
 * every JSON-LD block of the vendored WCXB sample pages as this reader does, but drops the whole
 * block on a missing comma between members, doubled commas in an object, {@code undefined} or
 * another bare word, or a malformed unicode escape, which no feature allows; only a lexer of our
 * own in front of it could recover them, and that and the skipping of wrappers between values made
 * it no shorter than this reader.
 */
public final class LenientJson {

    /** Maximum nesting depth accepted: 64 levels. */
    public static final int MAX_DEPTH = 64;

    /** Marker for a JSON {@code null} inside containers (maps and lists hold no Java nulls). */
    public static final Object NULL = new Object();

    private final String text;
    private int pos;

    private LenientJson(String text) {
        this.text = text;
    }

    /** Parses one JSON value; several top-level values (JSON lines) are returned as a list. */
    public static Optional<Object> parse(String text) {
        LenientJson reader = new LenientJson(text);
        try {
            List<Object> values = new ArrayList<>();
            reader.skipNoise();
            while (reader.pos < text.length()) {
                values.add(reader.value(0));
                reader.skipNoise();
                if (reader.pos < text.length() && text.charAt(reader.pos) == ';') {
                    reader.pos++;
                    reader.skipNoise();
                }
            }
            if (values.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(values.size() == 1 ? values.get(0) : values);
        } catch (Malformed e) {
            return Optional.empty();
        }
    }

    private static final class Malformed extends Exception {
        Malformed() {
            super(null, null, false, false);
        }
    }

    private Object value(int depth) throws Malformed {
        if (depth > MAX_DEPTH) {
            throw new Malformed();
        }
        skipNoise();
        if (pos >= text.length()) {
            throw new Malformed();
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
            case '\'':
                return string(c);
            default:
                return bare();
        }
    }

    private Map<String, Object> object(int depth) throws Malformed {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        while (true) {
            skipNoise();
            if (pos >= text.length()) {
                return map;
            }
            char c = text.charAt(pos);
            if (c == '}') {
                pos++;
                return map;
            }
            if (c == ',') {
                pos++;
                continue;
            }
            String key;
            if (c == '"' || c == '\'') {
                key = string(c);
            } else {
                Object bare = bare();
                key = String.valueOf(bare == NULL ? "null" : bare);
            }
            skipNoise();
            if (pos < text.length() && text.charAt(pos) == ':') {
                pos++;
            } else {
                throw new Malformed();
            }
            Object v = value(depth + 1);
            map.putIfAbsent(key, v);
        }
    }

    private List<Object> array(int depth) throws Malformed {
        pos++;
        List<Object> list = new ArrayList<>();
        while (true) {
            skipNoise();
            if (pos >= text.length()) {
                return list;
            }
            char c = text.charAt(pos);
            if (c == ']') {
                pos++;
                return list;
            }
            if (c == ',') {
                pos++;
                continue;
            }
            list.add(value(depth + 1));
        }
    }

    private String string(char quote) throws Malformed {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    if (pos + 4 <= text.length()) {
                        try {
                            sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                            pos += 4;
                        } catch (NumberFormatException ex) {
                            sb.append('u');
                        }
                    } else {
                        sb.append('u');
                    }
                }
                default -> sb.append(e);
            }
        }
        throw new Malformed();
    }

    private Object bare() throws Malformed {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ',' || c == '}' || c == ']' || c == ':' || Character.isWhitespace(c)) {
                break;
            }
            pos++;
        }
        String word = text.substring(start, pos);
        if (word.isEmpty()) {
            throw new Malformed();
        }
        switch (word) {
            case "null", "undefined":
                return NULL;
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                try {
                    return Double.parseDouble(word);
                } catch (NumberFormatException e) {
                    return word;
                }
        }
    }

    /** Skips whitespace, comments and HTML comment or CDATA wrappers around the JSON. */
    private void skipNoise() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                pos++;
            } else if (text.startsWith("//", pos)) {
                int end = text.indexOf('\n', pos);
                pos = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                pos = end < 0 ? text.length() : end + 2;
            } else if (text.startsWith("<!--", pos)) {
                pos += 4;
            } else if (text.startsWith("-->", pos)) {
                pos += 3;
            } else if (text.startsWith("<![CDATA[", pos)) {
                pos += 9;
            } else if (text.startsWith("]]>", pos)) {
                pos += 3;
            } else {
                return;
            }
        }
    }
}
