package dev.linkcrawl.backfill.format;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One entry of a bookmark export, with the line it starts on (1-based). */
public sealed interface ImportEntry {

    /** The line of the file the entry starts on. */
    int line();

    /**
     * A bookmark as the export wrote it. The URL is not checked yet (the URL rules run on it
     * later); the rest is cleaned here so every format yields the same shapes.
     *
     * @param line the line the entry starts on
     * @param url the URL exactly as exported (entities decoded), unchecked
     * @param title the export's title, at most {@value #MAX_TITLE_CHARS} characters, or empty
     * @param tags the export's tags: stripped, without duplicates, each at most {@value
     *     #MAX_TAG_CHARS} characters and free of control characters, at most {@value #MAX_TAGS}
     * @param note the export's note or description, at most {@value #MAX_NOTE_CHARS} characters, or
     *     null
     * @param addedAt when the user saved it, or null when the export does not say
     */
    record Bookmark(
            int line, String url, String title, List<String> tags, String note, Instant addedAt)
            implements ImportEntry {

        /** At most this many tags are kept (the same limit as {@code POST /links}): 32. */
        public static final int MAX_TAGS = 32;

        /** A longer tag is dropped (the same limit as {@code POST /links}): 64 characters. */
        public static final int MAX_TAG_CHARS = 64;

        /** A longer note is cut (the same limit as {@code POST /links}): 4096 characters. */
        public static final int MAX_NOTE_CHARS = 4096;

        /** A longer title is cut: 1024 characters. */
        public static final int MAX_TITLE_CHARS = 1024;

        public Bookmark {
            Objects.requireNonNull(url, "url");
            title = title == null ? "" : cut(title.strip(), MAX_TITLE_CHARS);
            tags = cleanTags(tags == null ? List.of() : tags);
            if (note != null) {
                note = note.strip();
                note = note.isEmpty() ? null : cut(note, MAX_NOTE_CHARS);
            }
        }

        private static List<String> cleanTags(List<String> raw) {
            Set<String> kept = new LinkedHashSet<>();
            for (String tag : raw) {
                if (kept.size() == MAX_TAGS) {
                    break;
                }
                String value = tag == null ? "" : tag.strip();
                if (!value.isEmpty()
                        && value.length() <= MAX_TAG_CHARS
                        && value.codePoints().noneMatch(Bookmark::isInvisible)) {
                    kept.add(value);
                }
            }
            return List.copyOf(new ArrayList<>(kept));
        }

        private static boolean isInvisible(int codePoint) {
            int type = Character.getType(codePoint);
            return type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
        }

        private static String cut(String text, int max) {
            if (text.length() <= max) {
                return text;
            }
            // Never split a surrogate pair: a lone surrogate cannot be encoded as UTF-8.
            int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
            return text.substring(0, end);
        }
    }

    /** An entry that is not a usable bookmark, and why. */
    record Malformed(int line, ParseProblem problem) implements ImportEntry {
        public Malformed {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
