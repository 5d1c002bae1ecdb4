package dev.linkcrawl.crawl.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FullOwnersTest {

    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    private final FullOwners owners = new FullOwners();

    @Test
    void remembersAnOwnerFoundFull() {
        owners.foundFull(QueueRole.CRAWL, "alice", NOW);

        assertThat(owners.lately(QueueRole.CRAWL, "alice", NOW.plusSeconds(29))).isTrue();
    }

    @Test
    void forgetsItAfterThirtySeconds() {
        owners.foundFull(QueueRole.CRAWL, "alice", NOW);

        assertThat(owners.lately(QueueRole.CRAWL, "alice", NOW.plus(FullOwners.REMEMBERED)))
                .isFalse();
    }

    @Test
    void forgetsItOnceItGotAPlace() {
        owners.foundFull(QueueRole.CRAWL, "alice", NOW);
        owners.foundRoom(QueueRole.CRAWL, "alice");

        assertThat(owners.lately(QueueRole.CRAWL, "alice", NOW)).isFalse();
    }

    @Test
    void keepsEachQueueApart() {
        owners.foundFull(QueueRole.BACKFILL, "alice", NOW);

        assertThat(owners.lately(QueueRole.CRAWL, "alice", NOW)).isFalse();
    }

    @Test
    void neverKnowsAnOwnerItWasNotTold() {
        assertThat(owners.lately(QueueRole.CRAWL, "bob", NOW)).isFalse();
    }
}
