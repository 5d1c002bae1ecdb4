package dev.linkcrawl.submit;

import java.util.List;
import java.util.Objects;

/**
 * A validated {@code POST /links} body: the URL exactly as sent (the URL rules run later, in {@link
 * SubmitLink}), and the user's tags and note.
 */
public record SubmitRequest(String url, List<String> tags, String note) {

    /** At most this many tags per link. */
    public static final int MAX_TAGS = 32;

    /** A tag is at most this many characters. */
    public static final int MAX_TAG_LENGTH = 64;

    /** A note is at most this many characters. */
    public static final int MAX_NOTE_LENGTH = 4096;

    public SubmitRequest {
        Objects.requireNonNull(url, "url");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
