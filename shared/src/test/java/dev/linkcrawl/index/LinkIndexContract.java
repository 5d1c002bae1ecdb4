package dev.linkcrawl.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.link.LinkId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LinkIndex} does, run against OpenSearch ({@code OpenSearchLinkIndexIT}) and the
 * in-memory fake ({@code InMemoryLinkIndexTest}) so the fake cannot drift from the real index.
 */
abstract class LinkIndexContract {

    /** The index under test, created (ensured) and empty of the ids the tests use. */
    abstract LinkIndex index();

    @Test
    void returnsTheStoredDocumentToItsOwner() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument document = SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT);

        assertThat(index().put(id, document)).isEqualTo(PutOutcome.WRITTEN);

        assertThat(index().get("alice", id)).contains(document);
    }

    @Test
    void returnsAFailedCrawlWithItsFailure() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument document = SampleDocuments.failed("alice", SampleDocuments.CRAWLED_AT);

        index().put(id, document);

        assertThat(index().get("alice", id)).contains(document);
    }

    @Test
    void hidesADocumentFromAnotherOwner() {
        LinkId id = SampleDocuments.randomId();
        index().put(id, SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT));

        assertThat(index().get("mallory", id)).isEmpty();
    }

    @Test
    void findsNothingUnderAnUnknownId() {
        assertThat(index().get("alice", SampleDocuments.randomId())).isEmpty();
    }

    @Test
    void keepsTheNewerCrawlWhenAnOlderOneArrivesLate() {
        LinkId id = SampleDocuments.randomId();
        Instant newer = SampleDocuments.CRAWLED_AT;
        LinkDocument newerDocument = SampleDocuments.full("alice", newer);
        index().put(id, newerDocument);

        PutOutcome outcome = index().put(id, SampleDocuments.failed("alice", newer.minusMillis(1)));

        assertThat(outcome).isEqualTo(PutOutcome.STALE);
        assertThat(index().get("alice", id)).contains(newerDocument);
    }

    @Test
    void replacesAnOlderCrawlWithANewerOne() {
        LinkId id = SampleDocuments.randomId();
        index().put(id, SampleDocuments.failed("alice", SampleDocuments.CRAWLED_AT));
        LinkDocument newer =
                SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT.plusMillis(1));

        assertThat(index().put(id, newer)).isEqualTo(PutOutcome.WRITTEN);

        assertThat(index().get("alice", id)).contains(newer);
    }

    @Test
    void reportsTheSameCrawlStoredTwiceAsStale() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument document = SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT);
        index().put(id, document);

        assertThat(index().put(id, document)).isEqualTo(PutOutcome.STALE);
        assertThat(index().get("alice", id)).contains(document);
    }

    @Test
    void deletesTheOwnersDocument() {
        LinkId id = SampleDocuments.randomId();
        index().put(id, SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT));

        assertThat(index().delete("alice", id)).isTrue();

        assertThat(index().get("alice", id)).isEmpty();
    }

    @Test
    void refusesToDeleteAnotherOwnersDocument() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument document = SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT);
        index().put(id, document);

        assertThat(index().delete("mallory", id)).isFalse();

        assertThat(index().get("alice", id)).contains(document);
    }

    @Test
    void reportsNothingDeletedForAnUnknownId() {
        assertThat(index().delete("alice", SampleDocuments.randomId())).isFalse();
    }

    @Test
    void reportsNothingDeletedTheSecondTime() {
        LinkId id = SampleDocuments.randomId();
        index().put(id, SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT));
        index().delete("alice", id);

        assertThat(index().delete("alice", id)).isFalse();
    }

    @Test
    void treatsEnsureIndexAsIdempotent() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument document = SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT);
        index().put(id, document);

        index().ensureIndex();
        index().ensureIndex();

        assertThat(index().get("alice", id)).contains(document);
    }
}
