package dev.linkcrawl.backfill.format;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Linkwarden's JSON backup (Settings → Data → Export), which is the user record with its
 * collections and their links:
 *
 * <pre>{@code
 * {"name": "…", "username": "…", …,
 *  "collections": [{"id": 1, "name": "Reading", "description": "", "parentId": null, …,
 *                   "links": [{"name": "title", "type": "url", "description": "note",
 *                              "url": "https://…", "createdAt": "2024-05-01T10:00:00.000Z",
 *                              "tags": [{"id": 3, "name": "rust", …}], …}]}],
 *  "pinnedLinks": […], "whitelistedUsers": []}
 * }</pre>
 *
 * A link's tags come first, then its collection's name as a folder tag, except Linkwarden's default
 * {@value #DEFAULT_COLLECTION} collection (as a browser's root folders are no tags). The name is
 * known when the exporter writes it before the links, as it does; a collection whose name came
 * after its links would give no folder tag. A link without a URL (a file uploaded to Linkwarden) is
 * reported as {@code not_a_link}. {@code pinnedLinks} repeat links of the collections and are not
 * read.
 */
final class LinkwardenJsonBookmarkReader implements BookmarkReader {

    /** The collection Linkwarden files links into when none is chosen: {@value}. */
    static final String DEFAULT_COLLECTION = "Unorganized";

    private enum Place {
        TOP,
        COLLECTIONS,
        COLLECTION,
        LINKS
    }

    private final JsonExport json;
    private Place place = Place.TOP;
    private String collection;

    LinkwardenJsonBookmarkReader(Reader reader) throws IOException {
        this.json = new JsonExport(reader);
    }

    @Override
    public ImportFormat format() {
        return ImportFormat.LINKWARDEN_JSON;
    }

    @Override
    public Optional<ImportEntry> next() throws IOException {
        return json.next(JsonToken.START_OBJECT, ParseProblem.UNSUPPORTED_FORMAT, this::step);
    }

    private Optional<ImportEntry> step() throws IOException {
        while (true) {
            switch (place) {
                case TOP -> {
                    if (json.token() != JsonToken.FIELD_NAME) {
                        return Optional.empty();
                    }
                    String field = json.field();
                    JsonToken value = json.token();
                    if (field.equals("collections") && value == JsonToken.START_ARRAY) {
                        place = Place.COLLECTIONS;
                    } else {
                        json.skip();
                    }
                }
                case COLLECTIONS -> {
                    JsonToken token = json.token();
                    if (token == JsonToken.END_ARRAY) {
                        place = Place.TOP;
                    } else if (token == JsonToken.START_OBJECT) {
                        collection = null;
                        place = Place.COLLECTION;
                    } else {
                        json.skip();
                    }
                }
                case COLLECTION -> {
                    if (json.token() != JsonToken.FIELD_NAME) {
                        place = Place.COLLECTIONS;
                        continue;
                    }
                    String field = json.field();
                    JsonToken value = json.token();
                    if (field.equals("name")) {
                        collection = json.text(value);
                    } else if (field.equals("links") && value == JsonToken.START_ARRAY) {
                        place = Place.LINKS;
                    } else {
                        json.skip();
                    }
                }
                case LINKS -> {
                    JsonToken token = json.token();
                    if (token == JsonToken.END_ARRAY) {
                        place = Place.COLLECTION;
                        continue;
                    }
                    int line = json.line();
                    if (token != JsonToken.START_OBJECT) {
                        json.skip();
                        return Optional.of(
                                new ImportEntry.Malformed(line, ParseProblem.NOT_AN_OBJECT));
                    }
                    return Optional.of(link(line));
                }
            }
        }
    }

    private ImportEntry link(int line) throws IOException {
        String url = null;
        String title = null;
        String note = null;
        String createdAt = null;
        List<String> tags = new ArrayList<>();
        while (json.token() == JsonToken.FIELD_NAME) {
            String field = json.field();
            JsonToken value = json.token();
            switch (field) {
                case "url" -> url = json.text(value);
                case "name" -> title = json.text(value);
                case "description" -> note = json.text(value);
                case "createdAt" -> createdAt = json.text(value);
                case "tags" -> tags.addAll(json.names(value));
                default -> json.skip();
            }
        }
        if (url == null || url.isBlank()) {
            return new ImportEntry.Malformed(line, ParseProblem.NOT_A_LINK);
        }
        if (collection != null && !collection.strip().equals(DEFAULT_COLLECTION)) {
            tags.add(collection);
        }
        return new ImportEntry.Bookmark(
                line, url.strip(), title, tags, note, ExportTimestamps.fromIso(createdAt));
    }
}
