package dev.linkcrawl.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.config.Settings;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.testing.backend.TestOpenSearch;
import dev.linkcrawl.testing.backend.TestOpenSearchExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The submit function's plain-REST writer of queued links against OpenSearch, read back through the
 * index client: it follows the same rules as {@link LinkIndex#putQueued}.
 */
@ExtendWith(TestOpenSearchExtension.class)
class OpenSearchQueuedLinksIT {

    private static final AtomicInteger INDEX_NUMBER = new AtomicInteger();

    private final TestOpenSearch openSearch;
    private final NodeHttp http;
    private final String indexName = "queued-it-" + INDEX_NUMBER.incrementAndGet();
    private final OpenSearchLinkIndex index;
    private final OpenSearchQueuedLinks queuedLinks;

    OpenSearchQueuedLinksIT(TestOpenSearch openSearch) {
        this.openSearch = openSearch;
        this.http = new NodeHttp(openSearch.endpoint());
        this.index =
                OpenSearchLinkIndex.create(
                        openSearch.endpoint(), openSearch.auth(), null, null, indexName);
        this.queuedLinks =
                OpenSearchQueuedLinks.create(
                        Settings.from(
                                Map.of(
                                        "OPENSEARCH_ENDPOINT",
                                        openSearch.endpoint().toString(),
                                        "OPENSEARCH_AUTH",
                                        openSearch.authSetting(),
                                        "AWS_REGION",
                                        "us-east-1",
                                        "INDEX_NAME",
                                        indexName)),
                        Duration.ofSeconds(5));
    }

    @AfterEach
    void close() {
        index.close();
        queuedLinks.close();
    }

    @Test
    void writesAQueuedLinkTheIndexReadsBack() {
        index.ensureIndex();
        LinkId id = SampleDocuments.randomId();
        LinkDocument queued = SampleDocuments.queued("alice", Instant.now());

        assertThat(queuedLinks.putQueued(id, queued)).isTrue();

        assertThat(index.get("alice", id)).contains(queued);
    }

    @Test
    void leavesACrawledPageAsItIs() {
        index.ensureIndex();
        LinkId id = SampleDocuments.randomId();
        LinkDocument crawled = SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT);
        index.put(id, crawled);

        assertThat(queuedLinks.putQueued(id, SampleDocuments.queued("alice", Instant.now())))
                .isFalse();

        assertThat(index.get("alice", id)).contains(crawled);
    }

    @Test
    void writesOverTheTombstoneOfAnEarlierDeletion() {
        index.ensureIndex();
        LinkId id = SampleDocuments.randomId();
        index.put(id, SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT));
        index.delete("alice", id);
        LinkDocument again = SampleDocuments.queued("alice", Instant.now().plusSeconds(1));

        assertThat(queuedLinks.putQueued(id, again)).isTrue();

        assertThat(index.get("alice", id)).contains(again);
    }

    @Test
    void createsTheIndexWithItsMappingWhenItIsTheFirstToWrite() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument queued = SampleDocuments.queued("alice", Instant.now());

        assertThat(queuedLinks.putQueued(id, queued)).isTrue();

        assertThat(
                        http.ok("GET", "/" + indexName + "/_mapping", null)
                                .path(indexName)
                                .path("mappings")
                                .path("dynamic")
                                .asText())
                .isEqualTo("strict");
        assertThat(index.get("alice", id)).contains(queued);
    }
}
