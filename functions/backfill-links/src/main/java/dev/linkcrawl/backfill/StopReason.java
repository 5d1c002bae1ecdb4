package dev.linkcrawl.backfill;

import dev.linkcrawl.limit.LimitName;
import java.util.Locale;
import java.util.Optional;

/** Why an import ended before the end of its file. */
public enum StopReason {
    /** The queue did not answer after every attempt; running the import again may succeed. */
    QUEUE_UNAVAILABLE(true),
    /** The object could not be read to its end; running the import again may succeed. */
    READ_FAILED(true),
    /** The function was about to run out of time; the rest of the file was not read. */
    TIME_LIMIT(false),
    /**
     * The file holds more links than {@link ImportLimits#maxLinks()}: the first ones are queued.
     */
    TOO_MANY_LINKS(false, LimitName.IMPORT_LINKS),
    /**
     * The owner had {@link ImportLimits#importsAtOnce()} other imports being read; nothing was
     * read, and running the import again later reads it.
     */
    TOO_MANY_IMPORTS(true, LimitName.IMPORTS_AT_ONCE),
    /** The file cannot be read past this point (broken JSON, no url column, binary…). */
    PARSE_ERROR(false);

    private final boolean retryable;
    private final Optional<LimitName> limit;

    StopReason(boolean retryable) {
        this(retryable, null);
    }

    StopReason(boolean retryable, LimitName limit) {
        this.retryable = retryable;
        this.limit = Optional.ofNullable(limit);
    }

    /** The per-owner limit this stop is, if it is one. */
    public Optional<LimitName> limit() {
        return limit;
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
