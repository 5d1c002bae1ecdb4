package dev.linkcrawl.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.index.LinkIndexException;
import dev.linkcrawl.testing.InMemoryLinkIndex;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryLinksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryLinkIndex index = new InMemoryLinkIndex();
    private final QueryLinks queryLinks = new QueryLinks(index);
    private final Optional<String> sampleId = Optional.of(SavedLinks.SAMPLE_ID.value());

    @BeforeEach
    void saveTheSampleLink() {
        index.put(SavedLinks.SAMPLE_ID, SavedLinks.sample());
    }

    @Test
    void findsTheOwnersLinkAsItsJsonWithItsId() throws Exception {
        QueryLinks.Outcome outcome = queryLinks.get(SavedLinks.SAMPLE_OWNER, sampleId);

        assertThat(outcome).isInstanceOf(QueryLinks.Outcome.Found.class);
        assertThat(JSON.readTree(((QueryLinks.Outcome.Found) outcome).json()).path("id").asText())
                .isEqualTo(SavedLinks.SAMPLE_ID.value());
    }

    @Test
    void anotherOwnersLinkAndAMalformedIdAreNotFound() {
        assertThat(queryLinks.get("someone-else", sampleId))
                .isEqualTo(new QueryLinks.Outcome.NotFound(QueryLinks.NOT_FOUND));
        assertThat(queryLinks.delete(SavedLinks.SAMPLE_OWNER, Optional.of("not-a-link-id")))
                .isEqualTo(new QueryLinks.Outcome.NotFound(QueryLinks.NOT_FOUND));
        assertThat(queryLinks.get(SavedLinks.SAMPLE_OWNER, Optional.empty()))
                .isEqualTo(new QueryLinks.Outcome.NotFound(QueryLinks.NOT_FOUND));
    }

    @Test
    void deletesTheOwnersLink() {
        assertThat(queryLinks.delete(SavedLinks.SAMPLE_OWNER, sampleId))
                .isEqualTo(new QueryLinks.Outcome.Deleted());
        assertThat(index.deleted(SavedLinks.SAMPLE_ID)).isTrue();
    }

    @Test
    void listsAPageWithItsNextCursor() throws Exception {
        QueryLinks.Outcome outcome =
                queryLinks.search(SavedLinks.SAMPLE_OWNER, "q=slow", Map.of("q", "slow"));

        assertThat(outcome).isInstanceOf(QueryLinks.Outcome.Listed.class);
        assertThat(JSON.readTree(((QueryLinks.Outcome.Listed) outcome).json()).path("items"))
                .hasSize(1);
    }

    @Test
    void refusedParametersNeverReachTheIndex() {
        index.failWith(LinkIndexException.Reason.UNREACHABLE);

        assertThat(queryLinks.search(SavedLinks.SAMPLE_OWNER, "size=0", Map.of("size", "0")))
                .isInstanceOf(QueryLinks.Outcome.Refused.class);
    }

    @Test
    void anIndexFailureIsAnOutcomeThatSaysWhetherRetryingHelps() {
        index.failWith(LinkIndexException.Reason.THROTTLED);
        QueryLinks.Outcome throttled = queryLinks.get(SavedLinks.SAMPLE_OWNER, sampleId);
        index.failWith(LinkIndexException.Reason.DENIED);
        QueryLinks.Outcome denied = queryLinks.search(SavedLinks.SAMPLE_OWNER, "", Map.of());

        assertThat(throttled)
                .isInstanceOfSatisfying(
                        QueryLinks.Outcome.IndexUnavailable.class,
                        unavailable -> {
                            assertThat(unavailable.retryable()).isTrue();
                            assertThat(unavailable.reason())
                                    .isEqualTo(LinkIndexException.Reason.THROTTLED);
                            assertThat(unavailable.problem().status()).isEqualTo(503);
                        });
        assertThat(denied)
                .isInstanceOfSatisfying(
                        QueryLinks.Outcome.IndexUnavailable.class,
                        unavailable -> assertThat(unavailable.retryable()).isFalse());
    }
}
