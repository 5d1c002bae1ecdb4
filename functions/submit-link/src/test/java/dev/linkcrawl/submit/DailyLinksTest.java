package dev.linkcrawl.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.testing.InMemoryOwnerQuotas;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DailyLinksTest {

    private static final Instant EVENING = Instant.parse("2026-12-06T22:30:00Z");

    private final InMemoryOwnerQuotas quotas = new InMemoryOwnerQuotas();
    private final DailyLinks daily = new DailyLinks(Optional.of(quotas), 2);

    @Test
    void countsLinksUpToTheLimit() {
        assertThat(daily.admit("alice", EVENING)).isInstanceOf(DailyLinks.Admission.Counted.class);
        assertThat(daily.admit("alice", EVENING)).isInstanceOf(DailyLinks.Admission.Counted.class);
    }

    @Test
    void pastTheLimitTheWaitRunsToMidnightUtc() {
        daily.admit("alice", EVENING);
        daily.admit("alice", EVENING);

        assertThat(daily.admit("alice", EVENING))
                .isEqualTo(new DailyLinks.Admission.Reached(2, Duration.ofMinutes(90)));
    }

    @Test
    void theNextUtcDayCountsAfresh() {
        daily.admit("alice", EVENING);
        daily.admit("alice", EVENING);

        assertThat(daily.admit("alice", EVENING.plus(Duration.ofHours(2))))
                .isInstanceOf(DailyLinks.Admission.Counted.class);
    }

    @Test
    void countsThatCannotBeReachedLetTheLinkThroughAndSayWhy() {
        quotas.unavailable(true);

        assertThat(daily.admit("alice", EVENING))
                .isInstanceOfSatisfying(
                        DailyLinks.Admission.Uncounted.class,
                        uncounted -> assertThat(uncounted.why()).isPresent());
    }

    @Test
    void countsThatJustFailedAreNotAskedForTenSecondsThenCountAgain() {
        quotas.unavailable(true);
        daily.admit("alice", EVENING);
        quotas.unavailable(false);

        DailyLinks.Admission paused = daily.admit("alice", EVENING.plusSeconds(9));
        DailyLinks.Admission asked = daily.admit("alice", EVENING.plusSeconds(10));

        assertThat(paused)
                .isInstanceOfSatisfying(
                        DailyLinks.Admission.Uncounted.class,
                        uncounted ->
                                assertThat(uncounted.why().orElseThrow()).contains("not asked"));
        assertThat(asked).isEqualTo(new DailyLinks.Admission.Counted());
    }

    @Test
    void zeroMeansNoLimitAndNoCount() {
        DailyLinks unlimited = new DailyLinks(Optional.of(quotas.unavailable(true)), 0);

        assertThat(unlimited.admit("alice", EVENING))
                .isEqualTo(new DailyLinks.Admission.Uncounted(Optional.empty()));
    }

    @Test
    void anOwnerPastTheLimitThroughThisInstanceIsRefusedWhileTheCountsAreDown() {
        quotas.unavailable(true);
        daily.admit("alice", EVENING);
        daily.admit("alice", EVENING);

        assertThat(daily.admit("alice", EVENING))
                .isEqualTo(new DailyLinks.Admission.Reached(2, Duration.ofMinutes(90)));
    }

    @Test
    void anotherOwnerStillGoesThroughUncountedWhileTheCountsAreDown() {
        quotas.unavailable(true);
        daily.admit("alice", EVENING);
        daily.admit("alice", EVENING);

        assertThat(daily.admit("bob", EVENING)).isInstanceOf(DailyLinks.Admission.Uncounted.class);
    }

    @Test
    void linksCountedBeforeTheCountsWentDownCountHereToo() {
        daily.admit("alice", EVENING);
        quotas.unavailable(true);
        daily.admit("alice", EVENING);

        assertThat(daily.admit("alice", EVENING)).isInstanceOf(DailyLinks.Admission.Reached.class);
    }
}
