package dev.linkcrawl.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * The uploads function's plain-REST check that a link is the caller's, against OpenSearch: it
 * answers as {@link LinkIndex#get} would.
 */
@ExtendWith(TestOpenSearchExtension.class)
class OpenSearchSavedLinksIT {

    private static final AtomicInteger INDEX_NUMBER = new AtomicInteger();

    private final String indexName = "saved-it-" + INDEX_NUMBER.incrementAndGet();
    private final OpenSearchLinkIndex index;
    private final OpenSearchSavedLinks savedLinks;

    OpenSearchSavedLinksIT(TestOpenSearch openSearch) {
        this.index =
                OpenSearchLinkIndex.create(
                        openSearch.endpoint(), openSearch.auth(), null, null, indexName);
        this.savedLinks =
                OpenSearchSavedLinks.create(
                        settings(openSearch.endpoint().toString(), openSearch.authSetting()),
                        Duration.ofSeconds(5));
    }

    private Settings settings(String endpoint, String auth) {
        return Settings.from(
                Map.of(
                        "OPENSEARCH_ENDPOINT",
                        endpoint,
                        "OPENSEARCH_AUTH",
                        auth,
                        "AWS_REGION",
                        "us-east-1",
                        "INDEX_NAME",
                        indexName));
    }

    @AfterEach
    void close() {
        index.close();
        savedLinks.close();
    }

    @Test
    void aCrawledOrQueuedLinkIsItsOwnersOnly() {
        LinkId crawled = SampleDocuments.randomId();
        index.put(crawled, SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT));
        LinkId queued = SampleDocuments.randomId();
        index.putQueued(queued, SampleDocuments.queued("alice", Instant.now()));

        assertThat(savedLinks.isSaved("alice", crawled)).isTrue();
        assertThat(savedLinks.isSaved("alice", queued)).isTrue();
        assertThat(savedLinks.isSaved("mallory", crawled)).isFalse();
    }

    @Test
    void aDeletedLinkAndAnIdNeverSavedAreNotSaved() {
        LinkId deleted = SampleDocuments.randomId();
        index.put(deleted, SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT));
        index.delete("alice", deleted);

        assertThat(savedLinks.isSaved("alice", deleted)).isFalse();
        assertThat(savedLinks.isSaved("alice", SampleDocuments.randomId())).isFalse();
    }

    @Test
    void aMissingIndexHoldsNoLinks() {
        assertThat(savedLinks.isSaved("alice", SampleDocuments.randomId())).isFalse();
    }

    @Test
    void anUnreachableIndexIsARetryableFailure() {
        try (OpenSearchSavedLinks nowhere =
                OpenSearchSavedLinks.create(
                        settings("http://127.0.0.1:1", "none"), Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> nowhere.isSaved("alice", SampleDocuments.randomId()))
                    .isInstanceOfSatisfying(
                            LinkIndexException.class, e -> assertThat(e.retryable()).isTrue());
        }
    }
}
