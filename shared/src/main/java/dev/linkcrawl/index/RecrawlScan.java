package dev.linkcrawl.index;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkcrawl.link.LinkId;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.Pit;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@link LinkIndex#forEachDueForRecrawl} on OpenSearch: the links crawled or last attempted before
 * a time, and those whose crawl failed retryably, least recently attempted first, read page by page
 * through a point in time so the scan sees one state of the index however long it takes.
 */
final class RecrawlScan {

    /** Pages of the re-crawl scan: 500 links per request. */
    static final int RECRAWL_PAGE_SIZE = 500;

    /** How long the scan's point in time lives between two pages. */
    private static final String SCAN_KEEP_ALIVE = "2m";

    /**
     * Least recently attempted first; a document written before {@code lastAttemptAt} existed has
     * not been attempted since, so it comes first, by crawl time.
     */
    private static final List<SortOptions> OLDEST_FIRST =
            List.of(
                    SortOptions.of(
                            o ->
                                    o.field(
                                            f ->
                                                    f.field("lastAttemptAt")
                                                            .order(SortOrder.Asc)
                                                            .missing(FieldValue.of("_first")))),
                    SortOptions.of(o -> o.field(f -> f.field("crawledAt").order(SortOrder.Asc))),
                    SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));

    private static final List<String> RECRAWL_FIELDS =
            List.of("owner", "url", "submittedAt", "tags", "note");

    private final OpenSearchTarget target;
    private final OpenSearchClient client;
    private final String indexName;

    RecrawlScan(OpenSearchTarget target) {
        this.target = target;
        this.client = target.client();
        this.indexName = target.indexName();
    }

    /** See {@link LinkIndex#forEachDueForRecrawl}. */
    int forEachDue(Instant crawledBefore, int limit, Consumer<RecrawlCandidate> visitor) {
        Objects.requireNonNull(crawledBefore, "crawledBefore");
        Objects.requireNonNull(visitor, "visitor");
        if (limit <= 0) {
            return 0;
        }
        String pitId;
        try {
            pitId =
                    client.createPit(
                                    p -> p.index(indexName).keepAlive(t -> t.time(SCAN_KEEP_ALIVE)))
                            .pitId();
        } catch (OpenSearchException e) {
            if (OpenSearchTarget.indexNotFound(e)) {
                return 0;
            }
            throw target.failure("open a point in time on", e);
        } catch (IOException | SdkException e) {
            throw target.failure("open a point in time on", e);
        }
        try {
            return scan(pitId, crawledBefore, limit, visitor);
        } finally {
            try {
                client.deletePit(d -> d.pitId(pitId));
            } catch (OpenSearchException | IOException | SdkException e) {
                // The point in time expires on its own after SCAN_KEEP_ALIVE.
            }
        }
    }

    private int scan(
            String pitId, Instant crawledBefore, int limit, Consumer<RecrawlCandidate> visitor) {
        long before = crawledBefore.toEpochMilli();
        // Queued links and tombstones have neither time, and are never failed: never due.
        Query attemptedLongAgo =
                Query.of(q -> q.range(r -> r.field("lastAttemptAt").lt(JsonData.of(before))));
        Query crawledLongAgo =
                Query.of(q -> q.range(r -> r.field("crawledAt").lt(JsonData.of(before))));
        Query attemptRecorded = Query.of(q -> q.exists(e -> e.field("lastAttemptAt")));
        Query staleBeforeAttempts =
                Query.of(q -> q.bool(b -> b.filter(crawledLongAgo).mustNot(attemptRecorded)));
        Query stale =
                Query.of(
                        q ->
                                q.bool(
                                        b ->
                                                b.should(attemptedLongAgo, staleBeforeAttempts)
                                                        .minimumShouldMatch("1")));
        Query retryable =
                Query.of(q -> q.term(t -> t.field("failure.retryable").value(FieldValue.of(true))));
        Query failedRetryably =
                Query.of(
                        q -> q.bool(b -> b.filter(LinkSearch.term("status", "failed"), retryable)));
        Query due =
                Query.of(
                        q -> q.bool(b -> b.should(stale, failedRetryably).minimumShouldMatch("1")));
        List<FieldValue> after = null;
        int visited = 0;
        while (visited < limit) {
            int size = Math.min(RECRAWL_PAGE_SIZE, limit - visited);
            List<FieldValue> searchAfter = after;
            SearchResponse<JsonNode> response;
            try {
                response =
                        client.search(
                                s -> {
                                    s.pit(
                                                    new Pit.Builder()
                                                            .id(pitId)
                                                            .keepAlive(SCAN_KEEP_ALIVE)
                                                            .build())
                                            .query(due)
                                            .sort(OLDEST_FIRST)
                                            .size(size)
                                            .trackTotalHits(t -> t.enabled(false))
                                            .source(
                                                    src ->
                                                            src.filter(
                                                                    f ->
                                                                            f.includes(
                                                                                    RECRAWL_FIELDS)));
                                    if (searchAfter != null) {
                                        s.searchAfter(searchAfter);
                                    }
                                    return s;
                                },
                                JsonNode.class);
            } catch (OpenSearchException e) {
                throw target.failure("re-crawl scan", e);
            } catch (IOException | SdkException e) {
                throw target.failure("re-crawl scan", e);
            }
            List<Hit<JsonNode>> hits = response.hits().hits();
            for (Hit<JsonNode> hit : hits) {
                visitor.accept(recrawlCandidate(hit));
                visited++;
            }
            if (hits.size() < size) {
                break;
            }
            after = hits.getLast().sort();
        }
        return visited;
    }

    private static RecrawlCandidate recrawlCandidate(Hit<JsonNode> hit) {
        JsonNode source = hit.source();
        List<String> tags = new ArrayList<>();
        if (source.path("tags").isArray()) {
            source.path("tags").forEach(tag -> tags.add(tag.asText()));
        }
        JsonNode submittedAt = source.path("submittedAt");
        JsonNode note = source.path("note");
        return new RecrawlCandidate(
                new LinkId(hit.id()),
                source.path("owner").asText(),
                source.path("url").asText(),
                submittedAt.isTextual() ? Instant.parse(submittedAt.asText()) : null,
                tags,
                note.isTextual() ? note.asText() : null);
    }
}
