package dev.linkcrawl.backfill.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A JSON export read with Jackson's streaming parser, one token at a time, whatever its size: the
 * limits and the error handling every JSON reader shares, and the few value shapes exports use.
 *
 * <p>JSON cannot be resynchronised after an error, so broken JSON, or a string longer than {@value
 * #MAX_STRING_CHARS} characters in a field that is read, ends the file at that line; the entries
 * before it stand. Fields that are not read are skipped without being decoded, whatever their size.
 */
final class JsonExport {

    /** The longest string read from a field that is kept: 1 MiB of characters. */
    static final int MAX_STRING_CHARS = 1024 * 1024;

    /**
     * Nesting deeper than this is malformed: 256, so Firefox backups (two levels a folder) may hold
     * folders 127 deep.
     */
    static final int MAX_NESTING_DEPTH = 256;

    private static final JsonFactory FACTORY =
            JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder()
                                    .maxStringLength(MAX_STRING_CHARS)
                                    .maxNestingDepth(MAX_NESTING_DEPTH)
                                    .build())
                    .build();

    /** One step of a reader: the next entry, or empty at the end of the document. */
    interface Step {
        Optional<ImportEntry> next() throws IOException;
    }

    private final JsonParser parser;
    private boolean finished;
    private boolean opened;

    JsonExport(Reader reader) throws IOException {
        this.parser = FACTORY.createParser(reader);
    }

    /**
     * Runs {@code step}, turning broken JSON and too long values into the entry that ends the file;
     * nothing is read after an end. The first call reads the document's first token: a document
     * that does not open with {@code opening} ends at once with {@code otherwise}.
     */
    Optional<ImportEntry> next(JsonToken opening, ParseProblem otherwise, Step step)
            throws IOException {
        if (finished) {
            return Optional.empty();
        }
        try {
            if (!opened) {
                opened = true;
                if (parser.nextToken() != opening) {
                    return end(otherwise);
                }
            }
            Optional<ImportEntry> entry = step.next();
            if (entry.isEmpty()
                    || entry.get() instanceof ImportEntry.Malformed malformed
                            && malformed.problem().endsFile()) {
                finished = true;
            }
            return entry;
        } catch (StreamConstraintsException e) {
            return end(ParseProblem.VALUE_TOO_LONG);
        } catch (JsonProcessingException e) {
            return end(ParseProblem.MALFORMED_JSON);
        }
    }

    /** The entry that ends the file for {@code problem}, at the parser's line. */
    Optional<ImportEntry> end(ParseProblem problem) {
        finished = true;
        return Optional.of(
                new ImportEntry.Malformed(parser.currentLocation().getLineNr(), problem));
    }

    /** The next token; the input ending inside the document is malformed JSON. */
    JsonToken token() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new UnexpectedEndException(parser);
        }
        return token;
    }

    /** The line of the current token (1-based). */
    int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    /** The current field name. */
    String field() throws IOException {
        return parser.currentName();
    }

    /** Skips the value {@code value} starts, if it is an object or an array. */
    void skip() throws IOException {
        parser.skipChildren();
    }

    /** A string value, or null for anything else (which is skipped). */
    String text(JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    /** A string or number value as text (epoch times are numbers), or null for anything else. */
    String scalar(JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    /**
     * Tags written as one string split on {@code separator}, or as an array of strings; anything
     * else is no tags.
     */
    List<String> strings(JsonToken value, String separator) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return Arrays.asList(parser.getText().split(separator));
        }
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        JsonToken token;
        while ((token = token()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.VALUE_STRING && strings.size() < ImportEntry.Bookmark.MAX_TAGS) {
                strings.add(parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        return strings;
    }

    /** The {@code name} of each object of an array (Linkwarden's tags); anything else is none. */
    List<String> names(JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return List.of();
        }
        List<String> names = new ArrayList<>();
        JsonToken token;
        while ((token = token()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            while (token() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken fieldValue = token();
                String name = field.equals("name") ? text(fieldValue) : skipped();
                if (name != null && names.size() < ImportEntry.Bookmark.MAX_TAGS) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private String skipped() throws IOException {
        parser.skipChildren();
        return null;
    }

    /** The input ended inside the document. */
    private static final class UnexpectedEndException extends JsonProcessingException {
        UnexpectedEndException(JsonParser parser) {
            super("the input ends inside the document", parser.currentLocation());
        }
    }
}
