package dev.linkcrawl.backfill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.backfill.format.ImportFormat;
import dev.linkcrawl.backfill.format.UnsupportedContent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one import did, as written beside the upload ({@code <key>.result.json}):
 *
 * <pre>{@code
 * {"key": "imports/alice/bookmarks.html", "format": "netscape_html", "complete": true,
 *  "accepted": 120, "duplicates": 3, "invalid": 2, "notEnqueued": 0,
 *  "errors": [{"line": 14, "reason": "blocked_scheme"}], "errorsOmitted": 0,
 *  "stopped": null, "finishedAt": "2026-11-27T10:30:00Z"}
 * }</pre>
 *
 * A file no reader understands says what it looks like: {@code "format": "unsupported",
 * "unsupported": {"looksLike": "json_object", "keys": ["posts", "user"]}} (the field is absent for
 * every other file).
 *
 * <p>An import stopped at a per-owner limit names it: {@code "stopped": {"line": 100001, "reason":
 * "too_many_links", "limit": "import_links", "max": 100000}}.
 *
 * @param key the upload's key
 * @param format the format the file was read as
 * @param unsupported what the file looks like, when no reader understands it
 * @param accepted distinct valid links the queue stored
 * @param duplicates valid links whose id was already met in this file (sent once)
 * @param invalid entries refused: a URL the rules refuse ({@code reason} is its {@code UrlProblem}
 *     code) or an entry that could not be read ({@code reason} is its {@code ParseProblem} code)
 * @param notEnqueued valid links the queue did not store after every attempt ({@code reason} {@code
 *     not_enqueued}); running the import again sends them again
 * @param errors the first line errors, in file order, invalid and not enqueued alike
 * @param errorsOmitted line errors not listed (beyond {@link ImportLimits#maxErrorsListed()})
 * @param stopped where and why reading stopped early; empty when the whole file was read
 * @param finishedAt when the import ended
 */
public record ImportResult(
        String key,
        ImportFormat format,
        Optional<UnsupportedContent> unsupported,
        int accepted,
        int duplicates,
        int invalid,
        int notEnqueued,
        List<LineError> errors,
        int errorsOmitted,
        Optional<Stop> stopped,
        Instant finishedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line of the file that did not become a queued link. */
    public record LineError(int line, String reason) {
        public LineError {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Reading stopped at {@code line} for {@code reason}. That line was not imported (for {@code
     * read_failed} it is the last line read before the failure, which was); nothing after it was
     * read. A stop at a per-owner limit ({@link StopReason#limit()}) carries the limit's value.
     */
    public record Stop(int line, StopReason reason, OptionalInt max) {
        public Stop {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(max, "max");
        }

        public Stop(int line, StopReason reason) {
            this(line, reason, OptionalInt.empty());
        }
    }

    public ImportResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(unsupported, "unsupported");
        Objects.requireNonNull(stopped, "stopped");
        Objects.requireNonNull(finishedAt, "finishedAt");
        errors = List.copyOf(errors);
    }

    /** Whether the whole file was read. */
    public boolean complete() {
        return stopped.isEmpty();
    }

    /** The counts as JSON (without the error list), for the function's answer and logs. */
    public ObjectNode summary() {
        ObjectNode node = counts();
        putStopped(node);
        return node;
    }

    /**
     * What is written beside the upload when reading begins, {@code {"key", "complete": false,
     * "startedAt"}}: until the final result replaces it, the import is visibly not complete, so one
     * whose function crashed or timed out never passes for done.
     */
    public static byte[] started(String key, Instant startedAt) {
        ObjectNode node = JSON.createObjectNode();
        node.put("key", key);
        node.put("complete", false);
        node.put("startedAt", startedAt.toString());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    /** The result document written beside the upload. */
    public byte[] toJson() {
        ObjectNode node = counts();
        ArrayNode list = node.putArray("errors");
        for (LineError error : errors) {
            list.addObject().put("line", error.line()).put("reason", error.reason());
        }
        node.put("errorsOmitted", errorsOmitted);
        putStopped(node);
        node.put("finishedAt", finishedAt.toString());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    private ObjectNode counts() {
        ObjectNode node = JSON.createObjectNode();
        node.put("key", key);
        node.put("format", format.wireName());
        unsupported.ifPresent(
                content -> {
                    ObjectNode looks =
                            node.putObject("unsupported")
                                    .put("looksLike", content.looksLike().wireName());
                    content.keys().forEach(looks.putArray("keys")::add);
                });
        node.put("complete", complete());
        node.put("accepted", accepted);
        node.put("duplicates", duplicates);
        node.put("invalid", invalid);
        node.put("notEnqueued", notEnqueued);
        return node;
    }

    private void putStopped(ObjectNode node) {
        if (stopped.isPresent()) {
            Stop stop = stopped.get();
            ObjectNode stoppedNode =
                    node.putObject("stopped")
                            .put("line", stop.line())
                            .put("reason", stop.reason().code());
            stop.reason().limit().ifPresent(limit -> stoppedNode.put("limit", limit.code()));
            stop.max().ifPresent(max -> stoppedNode.put("max", max));
        } else {
            node.putNull("stopped");
        }
    }
}
