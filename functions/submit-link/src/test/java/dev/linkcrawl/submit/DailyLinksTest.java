package dev.linkcrawl.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.testing.InMemoryOwnerQuotas;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DailyLinksTest {

    private static final Instant EVENING = Instant.parse("2026-12-06T22:30:00Z");
    private static final java.time.LocalDate DAY = java.time.LocalDate.parse("2026-12-06");

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
        DailyLinks roomy = new DailyLinks(Optional.of(quotas), 1_000);
        quotas.unavailable(true);
        roomy.admit("alice", EVENING);
        quotas.unavailable(false);

        DailyLinks.Admission paused = roomy.admit("alice", EVENING.plusSeconds(9));
        DailyLinks.Admission asked = roomy.admit("alice", EVENING.plusSeconds(10));

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

    @Test
    void anOwnerSavingInARowIsCountedAheadInBlocksThatDouble() {
        DailyLinks roomy = new DailyLinks(Optional.of(quotas), 1_000);

        for (int i = 0; i < 15; i++) {
            assertThat(roomy.admit("alice", EVENING.plusSeconds(i)))
                    .isEqualTo(new DailyLinks.Admission.Counted());
        }

        assertThat(quotas.countUpdates()).isEqualTo(4); // 1 + 2 + 4 + 8
    }

    @Test
    void savesFurtherApartThanARowAreCountedOneByOne() {
        DailyLinks roomy = new DailyLinks(Optional.of(quotas), 1_000);

        roomy.admit("alice", EVENING);
        roomy.admit("alice", EVENING.plus(DailyLinks.ROW));
        roomy.admit("alice", EVENING.plus(DailyLinks.ROW.multipliedBy(2)));

        assertThat(quotas.countUpdates()).isEqualTo(3);
        assertThat(quotas.countLinks(dev.linkcrawl.link.TenantKey.of("alice"), DAY, 1_000, 1_000))
                .isEqualTo(997);
    }

    @Test
    void linksCountedAheadNeverPassTheLimit() {
        DailyLinks five = new DailyLinks(Optional.of(quotas), 5);

        for (int i = 0; i < 5; i++) {
            assertThat(five.admit("alice", EVENING)).isEqualTo(new DailyLinks.Admission.Counted());
        }

        assertThat(five.admit("alice", EVENING)).isInstanceOf(DailyLinks.Admission.Reached.class);
    }

    @Test
    void linksCountedAheadAreNotSpentOnTheNextDay() {
        DailyLinks roomy = new DailyLinks(Optional.of(quotas), 1_000);
        for (int i = 0; i < 4; i++) {
            roomy.admit("alice", EVENING); // asks 1, 2, 4: three counted ahead are left
        }

        roomy.admit("alice", EVENING.plus(Duration.ofHours(2)));

        assertThat(quotas.countUpdates()).isEqualTo(4);
    }

    @Test
    void anotherOwnerIsNotCountedAheadBySomeoneElsesRow() {
        DailyLinks roomy = new DailyLinks(Optional.of(quotas), 1_000);
        for (int i = 0; i < 4; i++) {
            roomy.admit("alice", EVENING);
        }

        roomy.admit("bob", EVENING);

        assertThat(quotas.countLinks(dev.linkcrawl.link.TenantKey.of("bob"), DAY, 1_000, 1_000))
                .isEqualTo(999);
    }

    @Test
    void linksLetThroughUncountedStillCountOnceTheCountsAnswerAgain() {
        quotas.unavailable(true);
        daily.admit("alice", EVENING);
        quotas.unavailable(false);
        daily.admit("alice", EVENING.plusSeconds(20)); // the shared count says 1 of 2

        assertThat(daily.admit("alice", EVENING.plusSeconds(40)))
                .isInstanceOf(DailyLinks.Admission.Reached.class);
    }
}
