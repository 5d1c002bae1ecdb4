package dev.linkcrawl.backfill;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * What a backfill invocation answers and logs, as JSON: for each object of an S3 event its key, its
 * outcome and, for an import, its counts; for a scheduled run what the re-crawl queued.
 */
final class BackfillSummary {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BackfillSummary() {}

    /** An object under {@code imports/} that is not an upload to import. */
    static ObjectNode ignored(ImportKey.Ignored ignored) {
        return JSON.createObjectNode()
                .put("key", ignored.key())
                .put("outcome", "ignored")
                .put("reason", ignored.reason().code());
    }

    /** An upload gone before its import began. */
    static ObjectNode missing(ImportUpload upload) {
        return JSON.createObjectNode().put("key", upload.key()).put("outcome", "missing");
    }

    /** An upload read, wholly or not: its counts, and the key of its result beside it. */
    static ObjectNode imported(ImportUpload upload, ImportResult result) {
        return result.summary().put("outcome", "imported").put("result", upload.resultKey());
    }

    /**
     * A scheduled run at {@code scheduledAt}: what the re-crawl queued, or, when there is no index
     * to find the links due ({@code result} empty), that nothing was.
     */
    static ObjectNode recrawl(Instant scheduledAt, Optional<RecrawlLinks.Result> result) {
        ObjectNode answer = JSON.createObjectNode().put("scheduledAt", scheduledAt.toString());
        if (result.isEmpty()) {
            return answer.put("recrawl", "not_available")
                    .put(
                            "detail",
                            "OPENSEARCH_ENDPOINT is not set, so the links due for a re-crawl cannot"
                                    + " be found; nothing was queued");
        }
        return answer.put("recrawl", result.get().complete() ? "done" : "incomplete")
                .put("crawledBefore", result.get().crawledBefore().toString())
                .put("selected", result.get().selected())
                .put("enqueued", result.get().enqueued())
                .put("notEnqueued", result.get().notEnqueued());
    }
}
