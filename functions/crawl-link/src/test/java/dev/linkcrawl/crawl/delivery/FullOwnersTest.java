package dev.linkcrawl.crawl.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FullOwnersTest {

    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
    private static final OwnerShare.Entry.Full TURN_IN_A_MINUTE =
            new OwnerShare.Entry.Full(10, NOW.plusSeconds(60));
    private final FullOwners owners = new FullOwners();

    @Test
    void remembersAnOwnerFoundFull() {
        owners.foundFull(QueueRole.CRAWL, "alice", NOW, TURN_IN_A_MINUTE);

        assertThat(owners.lately(QueueRole.CRAWL, "alice", NOW.plusSeconds(29))).isTrue();
    }

    @Test
    void forgetsItAfterThirtySeconds() {
        owners.foundFull(QueueRole.CRAWL, "alice", NOW, TURN_IN_A_MINUTE);

        assertThat(owners.lately(QueueRole.CRAWL, "alice", NOW.plus(FullOwners.REMEMBERED)))
                .isFalse();
    }

    @Test
    void keepsEachQueueApart() {
        owners.foundFull(QueueRole.BACKFILL, "alice", NOW, TURN_IN_A_MINUTE);

        assertThat(owners.lately(QueueRole.CRAWL, "alice", NOW)).isFalse();
    }

    @Test
    void neverKnowsAnOwnerItWasNotTold() {
        assertThat(owners.lately(QueueRole.CRAWL, "bob", NOW)).isFalse();
    }

    @Test
    void knowsATurnFurtherAwayThanTheHorizon() {
        owners.foundFull(QueueRole.CRAWL, "alice", NOW, TURN_IN_A_MINUTE);

        assertThat(owners.turnBeyond(QueueRole.CRAWL, "alice", NOW, Duration.ofSeconds(60)))
                .contains(TURN_IN_A_MINUTE);
    }

    @Test
    void aTurnThatCameNearerThanTheHorizonIsAskedForAgain() {
        owners.foundFull(QueueRole.CRAWL, "alice", NOW, TURN_IN_A_MINUTE);

        assertThat(
                        owners.turnBeyond(
                                QueueRole.CRAWL,
                                "alice",
                                NOW.plusSeconds(1),
                                Duration.ofSeconds(60)))
                .isEmpty();
    }

    @Test
    void handsOutTheTurnsOfABlockSpacedApartAfterTheAskersOwn() {
        owners.foundFull(
                QueueRole.CRAWL,
                "alice",
                NOW,
                new OwnerShare.Entry.Full(10, NOW.plusSeconds(60), 3, Duration.ofSeconds(2)));

        assertThat(owners.reservedTurn(QueueRole.CRAWL, "alice", NOW))
                .contains(new OwnerShare.Entry.Full(10, NOW.plusSeconds(62)));
        assertThat(owners.reservedTurn(QueueRole.CRAWL, "alice", NOW))
                .contains(new OwnerShare.Entry.Full(10, NOW.plusSeconds(64)));
        assertThat(owners.reservedTurn(QueueRole.CRAWL, "alice", NOW)).isEmpty();
    }

    @Test
    void dropsReservedTurnsThatHavePassed() {
        owners.foundFull(
                QueueRole.CRAWL,
                "alice",
                NOW,
                new OwnerShare.Entry.Full(10, NOW.plusSeconds(1), 4, Duration.ofSeconds(1)));

        assertThat(owners.reservedTurn(QueueRole.CRAWL, "alice", NOW.plusSeconds(10))).isEmpty();
        assertThat(owners.reservedTurn(QueueRole.CRAWL, "alice", NOW)).isEmpty();
    }

    @Test
    void asksForTwiceAsManyTurnsEachTimeTheOwnerIsFoundFullAgain() {
        assertThat(owners.turnsToAsk(QueueRole.CRAWL, "alice", NOW)).isEqualTo(1);
        owners.foundFull(QueueRole.CRAWL, "alice", NOW, block(1));
        assertThat(owners.turnsToAsk(QueueRole.CRAWL, "alice", NOW)).isEqualTo(2);
        owners.foundFull(QueueRole.CRAWL, "alice", NOW, block(2));
        assertThat(owners.turnsToAsk(QueueRole.CRAWL, "alice", NOW)).isEqualTo(4);
        owners.foundFull(QueueRole.CRAWL, "alice", NOW, block(16));
        assertThat(owners.turnsToAsk(QueueRole.CRAWL, "alice", NOW))
                .isEqualTo(FullOwners.MOST_TURNS);
    }

    @Test
    void asksForOneTurnOnceTheOwnerIsForgotten() {
        owners.foundFull(QueueRole.CRAWL, "alice", NOW, block(8));

        assertThat(owners.turnsToAsk(QueueRole.CRAWL, "alice", NOW.plus(FullOwners.REMEMBERED)))
                .isEqualTo(1);
    }

    @Test
    void aSingleTurnAnsweredMeanwhileKeepsTheBlock() {
        owners.foundFull(
                QueueRole.CRAWL,
                "alice",
                NOW,
                new OwnerShare.Entry.Full(10, NOW.plusSeconds(60), 2, Duration.ofSeconds(2)));

        owners.foundFull(QueueRole.CRAWL, "alice", NOW, new OwnerShare.Entry.Full(10, NOW));

        assertThat(owners.reservedTurn(QueueRole.CRAWL, "alice", NOW))
                .contains(new OwnerShare.Entry.Full(10, NOW.plusSeconds(62)));
    }

    private static OwnerShare.Entry.Full block(int turns) {
        return new OwnerShare.Entry.Full(10, NOW.plusSeconds(60), turns, Duration.ofSeconds(1));
    }
}
