package dev.linkcrawl.backfill.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The start of a JSON document, read as far as the first bytes of the file go: the top-level keys
 * of an object (and its short string values), or the keys of an array's first object. Enough to
 * tell the JSON exports apart by their content, whatever the file is called:
 *
 * <ul>
 *   <li>an array whose first object has {@code href}, or whose first element is no object, or whose
 *       first object goes on past the first bytes with neither {@code href} nor {@code url} before
 *       the cut: {@link ImportFormat#PINBOARD_JSON};
 *   <li>an array whose first object has {@code url} and one of {@code slug}, {@code savedAt},
 *       {@code labels}: {@link ImportFormat#OMNIVORE_JSON};
 *   <li>an object with {@code bookmarks}: {@link ImportFormat#KARAKEEP_JSON};
 *   <li>an object with {@code collections}: {@link ImportFormat#LINKWARDEN_JSON};
 *   <li>an object with {@code children}, a {@code type} starting {@code text/x-moz-place} or {@code
 *       "root": "placesRoot"}: {@link ImportFormat#FIREFOX_JSON};
 *   <li>anything else: {@link ImportFormat#UNSUPPORTED}, with the keys found.
 * </ul>
 */
final class JsonHead {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** String values longer than this are not kept: 256 characters. */
    private static final int MAX_VALUE_CHARS = 256;

    private final boolean array;
    private final List<String> keys = new ArrayList<>();
    private final Map<String, String> values = new HashMap<>();
    private boolean firstIsObject;
    private boolean firstClosed;

    private JsonHead(boolean array) {
        this.array = array;
    }

    /** Reads the start of {@code text}, which begins with <code>[</code> or <code>{</code>. */
    static JsonHead of(String text) {
        JsonHead head = new JsonHead(text.startsWith("["));
        try (JsonParser parser = FACTORY.createParser(text)) {
            parser.nextToken();
            if (!head.array) {
                head.readObject(parser);
            } else if (parser.nextToken() == JsonToken.START_OBJECT) {
                head.firstIsObject = true;
                head.readObject(parser);
                head.firstClosed = true;
            }
        } catch (IOException e) {
            // The first bytes end inside the document, or it is broken: what was read decides.
        }
        return head;
    }

    private void readObject(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (keys.size() < UnsupportedContent.MAX_KEYS) {
                keys.add(key);
            }
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_STRING && parser.getTextLength() <= MAX_VALUE_CHARS) {
                values.put(key, parser.getText());
            } else {
                parser.skipChildren();
            }
        }
    }

    /** The format the document looks like. */
    ImportFormat format() {
        if (array) {
            if (!firstIsObject || keys.contains("href")) {
                return ImportFormat.PINBOARD_JSON;
            }
            if (keys.contains("url")
                    && (keys.contains("slug")
                            || keys.contains("savedAt")
                            || keys.contains("labels"))) {
                return ImportFormat.OMNIVORE_JSON;
            }
            // A first object larger than the first bytes, with no url before the cut, may be
            // Pinboard's (its reader reports what it finds); one with a url is another app's.
            return firstClosed || keys.contains("url")
                    ? ImportFormat.UNSUPPORTED
                    : ImportFormat.PINBOARD_JSON;
        }
        if (keys.contains("bookmarks")) {
            return ImportFormat.KARAKEEP_JSON;
        }
        if (keys.contains("collections")) {
            return ImportFormat.LINKWARDEN_JSON;
        }
        if (keys.contains("children")
                || values.getOrDefault("type", "").startsWith(FirefoxJsonBookmarkReader.PLACE)
                || "placesRoot".equals(values.get("root"))) {
            return ImportFormat.FIREFOX_JSON;
        }
        return ImportFormat.UNSUPPORTED;
    }

    /** What the document looks like, for a result that refuses it. */
    UnsupportedContent unsupported() {
        return new UnsupportedContent(
                array ? UnsupportedContent.Kind.JSON_ARRAY : UnsupportedContent.Kind.JSON_OBJECT,
                keys);
    }
}
