package dev.linkcrawl.backfill.format;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Firefox's JSON bookmark backup (Library → Import and Backup → Backup…, {@code
 * bookmarks-YYYY-MM-DD.json}), as its {@code BookmarkJSONUtils} writes it: a tree of places
 *
 * <pre>{@code
 * {"guid": "root________", "title": "", "type": "text/x-moz-place-container", "root": "placesRoot",
 *  "children": [{"guid": "toolbar_____", "title": "toolbar", "root": "toolbarFolder",
 *                "type": "text/x-moz-place-container",
 *                "children": [{"title": "Rust", "dateAdded": 1700000000000000,
 *                              "type": "text/x-moz-place", "uri": "https://…", "tags": "a,b"}]}]}
 * }</pre>
 *
 * Read as a stream of tokens, never as a tree. Each {@code text/x-moz-place} is a bookmark: its
 * {@code tags} (comma-separated) come first, then the titles of the folders it sits in, outermost
 * first, except Firefox's own root folders (those with a {@code root} field), as the Netscape HTML
 * reader does. {@code dateAdded} is in microseconds. Older backups keep a note as the {@value
 * #DESCRIPTION_ANNOTATION} annotation in {@code annos}; it becomes the note. Separators and folders
 * are no bookmarks.
 */
final class FirefoxJsonBookmarkReader implements BookmarkReader {

    /** The type of a bookmark (folders and separators have others). */
    static final String PLACE = "text/x-moz-place";

    /** The annotation older Firefox versions kept a bookmark's description in. */
    static final String DESCRIPTION_ANNOTATION = "bookmarkProperties/description";

    /** One object of the tree being read. */
    private static final class Place {
        final int line;
        String title;
        String uri;
        String tags;
        String dateAdded;
        String type;
        String root;
        String note;
        boolean inChildren;

        Place(int line) {
            this.line = line;
        }
    }

    private final JsonExport json;

    /** The objects being read, innermost first. */
    private final Deque<Place> places = new ArrayDeque<>();

    /** The names of the folders whose children are being read, innermost first ("" for a root). */
    private final Deque<String> folders = new ArrayDeque<>();

    /** Whether the document's own object has been entered. */
    private boolean rooted;

    FirefoxJsonBookmarkReader(Reader reader) throws IOException {
        this.json = new JsonExport(reader);
    }

    @Override
    public ImportFormat format() {
        return ImportFormat.FIREFOX_JSON;
    }

    @Override
    public Optional<ImportEntry> next() throws IOException {
        return json.next(JsonToken.START_OBJECT, ParseProblem.UNSUPPORTED_FORMAT, this::step);
    }

    private Optional<ImportEntry> step() throws IOException {
        if (!rooted) {
            rooted = true;
            places.push(new Place(json.line()));
        }
        while (!places.isEmpty()) {
            Place place = places.peek();
            JsonToken token = json.token();
            if (place.inChildren) {
                if (token == JsonToken.END_ARRAY) {
                    place.inChildren = false;
                    folders.pop();
                } else if (token == JsonToken.START_OBJECT) {
                    places.push(new Place(json.line()));
                } else {
                    json.skip();
                }
                continue;
            }
            if (token != JsonToken.FIELD_NAME) {
                places.pop();
                Optional<ImportEntry> entry = entry(place);
                if (entry.isPresent()) {
                    return entry;
                }
                continue;
            }
            field(place, json.field(), json.token());
        }
        return Optional.empty();
    }

    private void field(Place place, String field, JsonToken value) throws IOException {
        switch (field) {
            case "children" -> {
                if (value == JsonToken.START_ARRAY) {
                    place.inChildren = true;
                    folders.push(place.root == null && place.title != null ? place.title : "");
                } else {
                    json.skip();
                }
            }
            case "title" -> place.title = json.text(value);
            case "uri" -> place.uri = json.text(value);
            case "tags" -> place.tags = json.text(value);
            case "dateAdded" -> place.dateAdded = json.scalar(value);
            case "type" -> place.type = json.text(value);
            case "root" -> place.root = json.text(value);
            case "annos" -> place.note = description(value);
            default -> json.skip();
        }
    }

    private Optional<ImportEntry> entry(Place place) {
        if (!PLACE.equals(place.type)) {
            return Optional.empty();
        }
        if (place.uri == null || place.uri.isBlank()) {
            return Optional.of(new ImportEntry.Malformed(place.line, ParseProblem.MISSING_URL));
        }
        List<String> tags = new ArrayList<>();
        if (place.tags != null) {
            tags.addAll(List.of(place.tags.split(",")));
        }
        for (var folder = folders.descendingIterator(); folder.hasNext(); ) {
            String name = folder.next();
            if (!name.isBlank()) {
                tags.add(name);
            }
        }
        return Optional.of(
                new ImportEntry.Bookmark(
                        place.line,
                        place.uri.strip(),
                        place.title,
                        tags,
                        place.note,
                        ExportTimestamps.fromEpoch(place.dateAdded)));
    }

    /** The description annotation among {@code annos}, or null. */
    private String description(JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            json.skip();
            return null;
        }
        String description = null;
        JsonToken token;
        while ((token = json.token()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                json.skip();
                continue;
            }
            String name = null;
            String text = null;
            while (json.token() == JsonToken.FIELD_NAME) {
                String field = json.field();
                JsonToken fieldValue = json.token();
                switch (field) {
                    case "name" -> name = json.text(fieldValue);
                    case "value" -> text = json.text(fieldValue);
                    default -> json.skip();
                }
            }
            if (DESCRIPTION_ANNOTATION.equals(name)) {
                description = text;
            }
        }
        return description;
    }
}
