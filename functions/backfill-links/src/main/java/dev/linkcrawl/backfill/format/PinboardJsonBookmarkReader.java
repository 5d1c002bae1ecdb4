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
 * Pinboard's JSON export, read with Jackson's streaming parser one object at a time: {@code
 * [{"href": "…", "description": "title", "extended": "note", "tags": "a b", "time":
 * "2014-05-29T06:23:59Z"}, …]}. {@code tags} is space-separated (an array of strings is accepted
 * too); other fields are skipped without being decoded, whatever their size.
 *
 * <p>JSON cannot be resynchronised after an error, so broken JSON, or a string longer than {@value
 * #MAX_STRING_CHARS} characters in a field that is read, ends the file at that line; the entries
 * before it stand.
 */
final class PinboardJsonBookmarkReader implements BookmarkReader {

    /** The longest string read from a field that is kept: 1 MiB of characters. */
    static final int MAX_STRING_CHARS = 1024 * 1024;

    /** Nesting deeper than this is malformed: 32 (the format needs 2). */
    static final int MAX_NESTING_DEPTH = 32;

    private static final JsonFactory FACTORY =
            JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder()
                                    .maxStringLength(MAX_STRING_CHARS)
                                    .maxNestingDepth(MAX_NESTING_DEPTH)
                                    .build())
                    .build();

    private final JsonParser parser;
    private boolean started;
    private boolean finished;

    PinboardJsonBookmarkReader(Reader reader) throws IOException {
        this.parser = FACTORY.createParser(reader);
    }

    @Override
    public ImportFormat format() {
        return ImportFormat.PINBOARD_JSON;
    }

    @Override
    public Optional<ImportEntry> next() throws IOException {
        if (finished) {
            return Optional.empty();
        }
        try {
            if (!started) {
                started = true;
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    return end(ParseProblem.NOT_AN_ARRAY);
                }
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                finished = true;
                return Optional.empty();
            }
            if (token == null) {
                return end(ParseProblem.MALFORMED_JSON);
            }
            int line = parser.currentTokenLocation().getLineNr();
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return Optional.of(new ImportEntry.Malformed(line, ParseProblem.NOT_AN_OBJECT));
            }
            return Optional.of(readObject(line));
        } catch (StreamConstraintsException e) {
            return end(ParseProblem.VALUE_TOO_LONG);
        } catch (JsonProcessingException e) {
            return end(ParseProblem.MALFORMED_JSON);
        }
    }

    private ImportEntry readObject(int line) throws IOException {
        String href = null;
        String title = null;
        String note = null;
        String time = null;
        List<String> tags = List.of();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "href" -> href = text(value);
                case "description" -> title = text(value);
                case "extended" -> note = text(value);
                case "time" -> time = text(value);
                case "tags" -> tags = tags(value);
                default -> parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new UnclosedObjectException(parser);
        }
        if (href == null || href.isBlank()) {
            return new ImportEntry.Malformed(line, ParseProblem.MISSING_URL);
        }
        return new ImportEntry.Bookmark(
                line, href.strip(), title, tags, note, ExportTimestamps.fromIso(time));
    }

    /** A string value, or null for anything else (which is skipped). */
    private String text(JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    private List<String> tags(JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return Arrays.asList(parser.getText().split("\\s+"));
        }
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            if (token == JsonToken.VALUE_STRING && tags.size() < ImportEntry.Bookmark.MAX_TAGS) {
                tags.add(parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        return tags;
    }

    /** The input ended inside an object. */
    private static final class UnclosedObjectException extends JsonProcessingException {
        UnclosedObjectException(JsonParser parser) {
            super("the input ends inside an object", parser.currentLocation());
        }
    }

    private Optional<ImportEntry> end(ParseProblem problem) {
        finished = true;
        return Optional.of(
                new ImportEntry.Malformed(parser.currentLocation().getLineNr(), problem));
    }
}
