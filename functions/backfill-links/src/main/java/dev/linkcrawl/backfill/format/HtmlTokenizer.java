package dev.linkcrawl.backfill.format;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Splits HTML into start tags, end tags and text, one token at a time, holding a bounded amount of
 * text whatever the input: text beyond {@value #MAX_TEXT_CHARS} characters and attribute values
 * beyond {@value #MAX_ATTRIBUTE_CHARS} are read past, not kept, and only the attributes the caller
 * asks for are kept at all (a Firefox {@code ICON} data URL of any size costs nothing). Comments,
 * doctypes and processing instructions are skipped. It does not build a tree: the bookmark reader
 * only needs the sequence.
 */
final class HtmlTokenizer {

    /** Text kept per token: 8192 characters. */
    static final int MAX_TEXT_CHARS = 8192;

    /**
     * Attribute value kept: 8192 characters. A longer {@code HREF} is still longer than any URL
     * accepted, so cutting it never turns a refused URL into an accepted one.
     */
    static final int MAX_ATTRIBUTE_CHARS = 8192;

    /** Tag and attribute names kept: 32 characters (longer ones match nothing). */
    private static final int MAX_NAME_CHARS = 32;

    /** A piece of HTML, with the line it starts on. */
    sealed interface Token {
        int line();
    }

    /** {@code <NAME attr="value">}: name uppercase, only the kept attributes (names uppercase). */
    record StartTag(String name, Map<String, String> attributes, int line) implements Token {}

    /** {@code </NAME>}, name uppercase. */
    record EndTag(String name, int line) implements Token {}

    /** Text between tags with character references decoded; never only whitespace. */
    record Text(String text, int line) implements Token {}

    private final LineCountingReader source;
    private final Set<String> keptAttributes;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder scratch = new StringBuilder();
    private boolean tagStarted;
    private int tagLine;

    /**
     * @param keptAttributes uppercase names of the attributes whose values are kept
     */
    HtmlTokenizer(LineCountingReader source, Set<String> keptAttributes) {
        this.source = Objects.requireNonNull(source, "source");
        this.keptAttributes = Set.copyOf(keptAttributes);
    }

    /** The next token, or empty at the end of the input. */
    Optional<Token> next() throws IOException {
        text.setLength(0);
        int textLine = source.line();
        boolean onlyWhitespace = true;
        while (true) {
            if (tagStarted) {
                tagStarted = false;
                Optional<Token> tag = readTag(tagLine);
                if (tag.isPresent()) {
                    return tag;
                }
                textLine = source.line();
                continue;
            }
            int c = source.read();
            if (c == -1) {
                return onlyWhitespace ? Optional.empty() : Optional.of(text(textLine));
            }
            if (c == '<' && startsTag(source.peek())) {
                tagStarted = true;
                tagLine = source.line();
                if (!onlyWhitespace) {
                    return Optional.of(text(textLine));
                }
                text.setLength(0);
                continue;
            }
            if (onlyWhitespace && !Character.isWhitespace(c)) {
                onlyWhitespace = false;
                textLine = source.line();
            }
            if (text.length() < MAX_TEXT_CHARS) {
                text.append((char) c);
            }
        }
    }

    private Text text(int line) {
        return new Text(CharacterReferences.decode(text), line);
    }

    private static boolean startsTag(int c) {
        return c == '/' || c == '!' || c == '?' || Character.isLetter(c);
    }

    /** Reads what follows a {@code <}; empty for comments and declarations. */
    private Optional<Token> readTag(int line) throws IOException {
        int c = source.peek();
        if (c == '!') {
            source.read();
            if (source.peek() == '-') {
                source.read();
                if (source.peek() == '-') {
                    source.read();
                    skipComment();
                    return Optional.empty();
                }
            }
            skipPast('>');
            return Optional.empty();
        }
        if (c == '?') {
            skipPast('>');
            return Optional.empty();
        }
        if (c == '/') {
            source.read();
            String name = readName();
            skipPast('>');
            return name.isEmpty() ? Optional.empty() : Optional.of(new EndTag(name, line));
        }
        String name = readName();
        return Optional.of(new StartTag(name, readAttributes(), line));
    }

    private String readName() throws IOException {
        scratch.setLength(0);
        int c = source.peek();
        while (c != -1 && c != '>' && c != '/' && !Character.isWhitespace(c)) {
            source.read();
            if (scratch.length() <= MAX_NAME_CHARS) {
                scratch.append((char) c);
            }
            c = source.peek();
        }
        return scratch.toString().toUpperCase(Locale.ROOT);
    }

    private Map<String, String> readAttributes() throws IOException {
        Map<String, String> attributes = new HashMap<>();
        while (true) {
            skipWhitespace();
            int c = source.peek();
            if (c == -1) {
                return attributes;
            }
            if (c == '>') {
                source.read();
                return attributes;
            }
            if (c == '/') {
                source.read();
                continue;
            }
            String name = readAttributeName();
            skipWhitespace();
            String value = "";
            boolean kept = keptAttributes.contains(name);
            if (source.peek() == '=') {
                source.read();
                skipWhitespace();
                value = readValue(kept);
            }
            if (kept) {
                attributes.putIfAbsent(name, value);
            }
        }
    }

    private String readAttributeName() throws IOException {
        scratch.setLength(0);
        // The first character is taken whatever it is, so a stray '=' or quote cannot stall us.
        int c = source.read();
        scratch.append((char) c);
        c = source.peek();
        while (c != -1 && c != '=' && c != '>' && c != '/' && !Character.isWhitespace(c)) {
            source.read();
            if (scratch.length() <= MAX_NAME_CHARS) {
                scratch.append((char) c);
            }
            c = source.peek();
        }
        return scratch.toString().toUpperCase(Locale.ROOT);
    }

    private String readValue(boolean kept) throws IOException {
        scratch.setLength(0);
        int c = source.peek();
        if (c == '"' || c == '\'') {
            int quote = source.read();
            c = source.read();
            while (c != -1 && c != quote) {
                if (kept && scratch.length() < MAX_ATTRIBUTE_CHARS) {
                    scratch.append((char) c);
                }
                c = source.read();
            }
        } else {
            while (c != -1 && c != '>' && !Character.isWhitespace(c)) {
                source.read();
                if (kept && scratch.length() < MAX_ATTRIBUTE_CHARS) {
                    scratch.append((char) c);
                }
                c = source.peek();
            }
        }
        return kept ? CharacterReferences.decode(scratch) : "";
    }

    private void skipWhitespace() throws IOException {
        int c = source.peek();
        while (c != -1 && Character.isWhitespace(c)) {
            source.read();
            c = source.peek();
        }
    }

    private void skipPast(char end) throws IOException {
        int c = source.read();
        while (c != -1 && c != end) {
            c = source.read();
        }
    }

    private void skipComment() throws IOException {
        int dashes = 0;
        int c = source.read();
        while (c != -1) {
            if (c == '>' && dashes >= 2) {
                return;
            }
            dashes = c == '-' ? dashes + 1 : 0;
            c = source.read();
        }
    }
}
