package dev.linkcrawl.backfill;

import java.util.Locale;

/** Why an import ended before the end of its file. */
public enum StopReason {
    /** The queue did not answer after every attempt; running the import again may succeed. */
    QUEUE_UNAVAILABLE(true),
    /** The object could not be read to its end; running the import again may succeed. */
    READ_FAILED(true),
    /** The function was about to run out of time; the rest of the file was not read. */
    TIME_LIMIT(false),
    /** The file holds more links than {@link ImportLimits#maxLinks()}. */
    TOO_MANY_LINKS(false),
    /** The file cannot be read past this point (broken JSON, no url column, binary…). */
    PARSE_ERROR(false);

    private final boolean retryable;

    StopReason(boolean retryable) {
        this.retryable = retryable;
    }

    /** The stable snake_case code written in the result. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether invoking the import again can get further. */
    public boolean retryable() {
        return retryable;
    }
}
