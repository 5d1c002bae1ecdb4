package dev.linkcrawl.backfill;

import java.util.List;

/**
 * An import stopped for a reason a later attempt can get past (the queue or the bucket was
 * unavailable). Failing the invocation makes Lambda retry the event, which is harmless: the links
 * already queued are queued again with the same ids. The result object was written first.
 */
public final class ImportIncompleteException extends RuntimeException {
    private final List<String> keys;

    public ImportIncompleteException(List<String> keys) {
        super("import stopped early, to be retried: " + String.join(", ", keys));
        this.keys = List.copyOf(keys);
    }

    /** The uploads whose import should run again. */
    public List<String> keys() {
        return keys;
    }
}
