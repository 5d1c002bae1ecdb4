package dev.linkcrawl.backfill.format;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a file no reader understands looks like, for the import's result: {@code {"looksLike":
 * "json_object", "keys": ["posts", "user"]}}, so the owner sees what was uploaded instead of a bare
 * refusal.
 *
 * @param looksLike the kind of content
 * @param keys for JSON, the top-level keys of an object or the keys of an array's first object, as
 *     far as the first bytes go, at most {@value #MAX_KEYS} of at most {@value #MAX_KEY_CHARS}
 *     characters each; empty otherwise
 */
public record UnsupportedContent(Kind looksLike, List<String> keys) {

    /** Keys listed at most: 32. */
    public static final int MAX_KEYS = 32;

    /** A longer key is cut: 64 characters. */
    public static final int MAX_KEY_CHARS = 64;

    /** The kinds of content told apart. */
    public enum Kind {
        /** Bytes that are no text: a gzip, an image… */
        BINARY,
        /** A zip holding no export file: no {@code metadata_*.json}, {@code part_*.csv}… */
        ZIP,
        /** A JSON object of no supported export's shape. */
        JSON_OBJECT,
        /** A JSON array of objects of no supported export's shape. */
        JSON_ARRAY;

        /** The name written in import results, for example {@code json_object}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public UnsupportedContent {
        Objects.requireNonNull(looksLike, "looksLike");
        keys =
                keys.stream()
                        .limit(MAX_KEYS)
                        .map(
                                key ->
                                        key.length() > MAX_KEY_CHARS
                                                ? key.substring(0, MAX_KEY_CHARS)
                                                : key)
                        .toList();
    }
}
