package dev.linkcrawl.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FairDeliveryTest {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    private final FairDelivery fair = new FairDelivery();

    @Test
    void withoutNoisyTenantsTheOldestWaitingMessageGoesFirst() {
        fair.sent("a", T0);
        fair.sent("b", T0.plusSeconds(1));

        assertThat(fair.next(waiting("b", T0.plusSeconds(1), "a", T0), T0.plusSeconds(2)))
                .contains("a");
    }

    @Test
    void aTenantHoldingMostOfTheProcessingTimeWaitsWhileAQuietTenantHasAMessage() {
        for (int i = 0; i < 10; i++) {
            fair.sent("flood", T0);
            fair.started("flood", T0);
        }
        fair.sent("quiet", T0.plusSeconds(4));
        Instant now = T0.plusSeconds(5);

        assertThat(fair.isNoisy("flood", true, now)).isTrue();
        assertThat(fair.next(waiting("flood", T0, "quiet", T0.plusSeconds(4)), now))
                .contains("quiet");
    }

    @Test
    void aNoisyTenantIsStillServedWhenNoQuietMessageWaits() {
        for (int i = 0; i < 10; i++) {
            fair.sent("flood", T0);
            fair.started("flood", T0);
        }

        assertThat(fair.next(waiting("flood", T0), T0.plusSeconds(5))).contains("flood");
    }

    @Test
    void thirtyInFlightAboveTenPercentMakeATenantNoisyBeforeAnyTimeHasPassed() {
        for (int i = 0; i < FairDelivery.MIN_IN_FLIGHT; i++) {
            fair.sent("many", T0);
            fair.started("many", T0);
        }
        for (int i = 0; i < 200; i++) {
            fair.sent("other" + i, T0);
            fair.started("other" + i, T0);
        }

        assertThat(fair.isNoisy("many", true, T0)).isTrue();
        assertThat(fair.isNoisy("other1", true, T0)).isFalse();
    }

    @Test
    void twentyNineInFlightAreNotEnoughForTheConcurrencyShare() {
        for (int i = 0; i < FairDelivery.MIN_IN_FLIGHT - 1; i++) {
            fair.sent("many", T0);
            fair.started("many", T0);
        }
        for (int i = 0; i < 200; i++) {
            fair.sent("other" + i, T0);
            fair.started("other" + i, T0);
        }

        assertThat(fair.isNoisy("many", true, T0)).isFalse();
    }

    @Test
    void aTenantWithAnEmptyBacklogIsNeverNoisy() {
        fair.sent("flood", T0);
        fair.started("flood", T0);

        assertThat(fair.isNoisy("flood", false, T0.plusSeconds(10))).isFalse();
    }

    @Test
    void aTenantThatSentNothingForFiveMinutesIsQuietAgain() {
        fair.sent("flood", T0);
        fair.started("flood", T0);
        fair.sent("other", T0);
        fair.started("other", T0);
        fair.finished("other", T0, T0.plusMillis(100));

        Instant later = T0.plus(FairDelivery.QUIET_AFTER).plusSeconds(1);

        assertThat(fair.isNoisy("flood", true, T0.plusSeconds(30))).isTrue();
        assertThat(fair.isNoisy("flood", true, later)).isFalse();
    }

    @Test
    void processingTimeOlderThanTheWindowNoLongerCounts() {
        fair.sent("slow", T0);
        fair.started("slow", T0);
        fair.finished("slow", T0, T0.plusSeconds(15));
        fair.sent("fast", T0.plus(FairDelivery.PROCESSING_WINDOW));
        fair.started("fast", T0.plus(FairDelivery.PROCESSING_WINDOW));
        Instant now = T0.plus(FairDelivery.PROCESSING_WINDOW).plusSeconds(20);
        fair.finished("fast", T0.plus(FairDelivery.PROCESSING_WINDOW), now.minusSeconds(19));
        fair.sent("slow", now);

        assertThat(fair.isNoisy("slow", true, now)).isFalse();
    }

    @Test
    void amongNoisyTenantsTheOneWithFewestInFlightGoesFirst() {
        for (int i = 0; i < 6; i++) {
            fair.sent("big", T0);
            fair.started("big", T0);
        }
        for (int i = 0; i < 3; i++) {
            fair.sent("small", T0.plusSeconds(1));
            fair.started("small", T0.plusSeconds(1));
        }
        Instant now = T0.plusSeconds(10);

        assertThat(fair.isNoisy("big", true, now)).isTrue();
        assertThat(fair.isNoisy("small", true, now)).isTrue();
        assertThat(fair.next(waiting("big", T0, "small", T0.plusSeconds(1)), now))
                .contains("small");
    }

    @Test
    void nothingWaitingMeansNothingToDeliver() {
        assertThat(fair.next(Map.of(), T0)).isEmpty();
    }

    @Test
    void finishedMessagesLeaveFlight() {
        fair.sent("a", T0);
        fair.started("a", T0);
        fair.started("a", T0.plusSeconds(1));
        fair.finished("a", T0, T0.plusSeconds(2));

        assertThat(fair.inFlight("a")).isEqualTo(1);
    }

    private static Map<String, Instant> waiting(Object... tenantsAndTimes) {
        Map<String, Instant> waiting = new LinkedHashMap<>();
        for (int i = 0; i < tenantsAndTimes.length; i += 2) {
            waiting.put((String) tenantsAndTimes[i], (Instant) tenantsAndTimes[i + 1]);
        }
        return waiting;
    }
}
