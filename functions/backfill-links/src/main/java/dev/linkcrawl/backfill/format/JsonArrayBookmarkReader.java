package dev.linkcrawl.backfill.format;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Optional;

/**
 * A JSON export that is an array of bookmark objects, read one object at a time; which field holds
 * what depends on the {@link Layout}:
 *
 * <ul>
 *   <li>Pinboard: {@code [{"href": "…", "description": "title", "extended": "note", "tags": "a b",
 *       "time": "2014-05-29T06:23:59Z"}, …]}; {@code tags} is space-separated (an array of strings
 *       is accepted too).
 *   <li>Omnivore ({@code metadata_*.json} of its export): {@code [{"url": "…", "title": "…",
 *       "labels": ["a"], "savedAt": "2024-01-01T10:00:00.000Z", "description": …}, …]}. Omnivore
 *       keeps no note of the user's in this file: {@code description} is the page's own summary,
 *       which the crawl extracts again, so it is not kept as a note.
 * </ul>
 *
 * Other fields are skipped without being decoded, whatever their size.
 */
final class JsonArrayBookmarkReader implements BookmarkReader {

    /** Which field of an element holds what. */
    enum Layout {
        PINBOARD(ImportFormat.PINBOARD_JSON, "href", "description", "extended", "time", "tags"),
        OMNIVORE(ImportFormat.OMNIVORE_JSON, "url", "title", null, "savedAt", "labels");

        private final ImportFormat format;
        private final String url;
        private final String title;
        private final String note;
        private final String time;
        private final String tags;

        Layout(
                ImportFormat format,
                String url,
                String title,
                String note,
                String time,
                String tags) {
            this.format = format;
            this.url = url;
            this.title = title;
            this.note = note;
            this.time = time;
            this.tags = tags;
        }
    }

    private final JsonExport json;
    private final Layout layout;

    JsonArrayBookmarkReader(Reader reader, Layout layout) throws IOException {
        this.json = new JsonExport(reader);
        this.layout = layout;
    }

    @Override
    public ImportFormat format() {
        return layout.format;
    }

    @Override
    public Optional<ImportEntry> next() throws IOException {
        return json.next(JsonToken.START_ARRAY, ParseProblem.NOT_AN_ARRAY, this::step);
    }

    private Optional<ImportEntry> step() throws IOException {
        JsonToken token = json.token();
        if (token == JsonToken.END_ARRAY) {
            return Optional.empty();
        }
        int line = json.line();
        if (token != JsonToken.START_OBJECT) {
            json.skip();
            return Optional.of(new ImportEntry.Malformed(line, ParseProblem.NOT_AN_OBJECT));
        }
        return Optional.of(readObject(line));
    }

    private ImportEntry readObject(int line) throws IOException {
        String url = null;
        String title = null;
        String note = null;
        String time = null;
        List<String> tags = List.of();
        while (json.token() == JsonToken.FIELD_NAME) {
            String field = json.field();
            JsonToken value = json.token();
            if (field.equals(layout.url)) {
                url = json.text(value);
            } else if (field.equals(layout.title)) {
                title = json.text(value);
            } else if (field.equals(layout.note)) {
                note = json.text(value);
            } else if (field.equals(layout.time)) {
                time = json.text(value);
            } else if (field.equals(layout.tags)) {
                tags = json.strings(value, "\\s+");
            } else {
                json.skip();
            }
        }
        if (url == null || url.isBlank()) {
            return new ImportEntry.Malformed(line, ParseProblem.MISSING_URL);
        }
        return new ImportEntry.Bookmark(
                line, url.strip(), title, tags, note, ExportTimestamps.fromIso(time));
    }
}
