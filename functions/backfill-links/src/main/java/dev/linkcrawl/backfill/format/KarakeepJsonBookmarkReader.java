package dev.linkcrawl.backfill.format;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Optional;

/**
 * Karakeep's (formerly Hoarder's) JSON export, as its exporter writes it:
 *
 * <pre>{@code
 * {"bookmarks": [{"createdAt": 1700000000, "title": "…", "tags": ["a"], "lists": ["id"],
 *                 "content": {"type": "link", "url": "https://…"}, "note": "…",
 *                 "archived": false}, …],
 *  "lists": [{"id": "…", "name": "…", …}]}
 * }</pre>
 *
 * {@code createdAt} is in epoch seconds. A bookmark whose {@code content} is a text note ({@code
 * "type": "text"}) or empty has no URL to import: it is reported as {@code not_a_link}. The lists
 * come after the bookmarks, so a bookmark's list names cannot be known while it is read: lists are
 * not kept.
 */
final class KarakeepJsonBookmarkReader implements BookmarkReader {

    private final JsonExport json;
    private boolean inBookmarks;

    KarakeepJsonBookmarkReader(Reader reader) throws IOException {
        this.json = new JsonExport(reader);
    }

    @Override
    public ImportFormat format() {
        return ImportFormat.KARAKEEP_JSON;
    }

    @Override
    public Optional<ImportEntry> next() throws IOException {
        return json.next(JsonToken.START_OBJECT, ParseProblem.UNSUPPORTED_FORMAT, this::step);
    }

    private Optional<ImportEntry> step() throws IOException {
        while (true) {
            if (inBookmarks) {
                JsonToken token = json.token();
                if (token == JsonToken.END_ARRAY) {
                    inBookmarks = false;
                    continue;
                }
                int line = json.line();
                if (token != JsonToken.START_OBJECT) {
                    json.skip();
                    return Optional.of(new ImportEntry.Malformed(line, ParseProblem.NOT_AN_OBJECT));
                }
                return Optional.of(bookmark(line));
            }
            if (json.token() != JsonToken.FIELD_NAME) {
                return Optional.empty();
            }
            String field = json.field();
            JsonToken value = json.token();
            if (field.equals("bookmarks") && value == JsonToken.START_ARRAY) {
                inBookmarks = true;
            } else {
                json.skip();
            }
        }
    }

    private ImportEntry bookmark(int line) throws IOException {
        String url = null;
        String title = null;
        String note = null;
        String createdAt = null;
        List<String> tags = List.of();
        while (json.token() == JsonToken.FIELD_NAME) {
            String field = json.field();
            JsonToken value = json.token();
            switch (field) {
                case "content" -> url = contentUrl(value);
                case "title" -> title = json.text(value);
                case "note" -> note = json.text(value);
                case "createdAt" -> createdAt = json.scalar(value);
                case "tags" -> tags = json.strings(value, ",");
                default -> json.skip();
            }
        }
        if (url == null || url.isBlank()) {
            return new ImportEntry.Malformed(line, ParseProblem.NOT_A_LINK);
        }
        return new ImportEntry.Bookmark(
                line, url.strip(), title, tags, note, ExportTimestamps.fromEpoch(createdAt));
    }

    /** The {@code url} of a {@code content} object, or null (a text note, or no content). */
    private String contentUrl(JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            json.skip();
            return null;
        }
        String url = null;
        while (json.token() == JsonToken.FIELD_NAME) {
            String field = json.field();
            JsonToken fieldValue = json.token();
            if (field.equals("url")) {
                url = json.text(fieldValue);
            } else {
                json.skip();
            }
        }
        return url;
    }
}
