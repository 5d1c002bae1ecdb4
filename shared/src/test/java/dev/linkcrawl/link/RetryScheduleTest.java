package dev.linkcrawl.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final RetrySchedule SCHEDULE = RetrySchedule.DEFAULT;

    @Test
    void eachFailureWaitsLongerThanTheOneBefore() {
        assertThat(SCHEDULE.after(1, Optional.empty(), () -> 0.5))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(SCHEDULE.after(2, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofMinutes(2));
        assertThat(SCHEDULE.after(3, Optional.empty(), () -> 0.5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(SCHEDULE.after(4, Optional.empty(), () -> 0.5))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void failuresPastTheScheduleKeepItsLastDelay() {
        assertThat(SCHEDULE.after(9, Optional.empty(), () -> 0.5))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void jitterSpreadsADelayByAQuarterEitherWay() {
        assertThat(SCHEDULE.after(2, Optional.empty(), () -> 0.0))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(SCHEDULE.after(2, Optional.empty(), () -> 0.999999))
                .isBetween(Duration.ofSeconds(149), Duration.ofSeconds(150));
    }

    @Test
    void aSitesRetryAfterReplacesTheScheduledDelay() {
        assertThat(SCHEDULE.after(1, Optional.of(Duration.ofMinutes(5)), () -> 0.5))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aRetryAfterShorterThanTheFirstDelayWaitsTheFirstDelay() {
        assertThat(SCHEDULE.after(3, Optional.of(Duration.ofSeconds(1)), () -> 0.5))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aRetryAfterLongerThanTheLastDelayWaitsTheLastDelay() {
        assertThat(SCHEDULE.after(1, Optional.of(Duration.ofDays(2)), () -> 0.5))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void parsesWholeSecondsSeparatedByCommas() {
        assertThat(RetrySchedule.parseSeconds("1, 2,4"))
                .isEqualTo(
                        new RetrySchedule(
                                List.of(
                                        Duration.ofSeconds(1),
                                        Duration.ofSeconds(2),
                                        Duration.ofSeconds(4))));
    }

    @Test
    void refusesDelaysThatGetShorter() {
        assertThatThrownBy(() -> RetrySchedule.parseSeconds("60,30"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shorter");
    }

    @Test
    void refusesADelayPastSqsVisibilityLimit() {
        assertThatThrownBy(() -> RetrySchedule.parseSeconds("30,50000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12 hours");
    }

    @Test
    void refusesWordsForSeconds() {
        assertThatThrownBy(() -> RetrySchedule.parseSeconds("30s,2m"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole seconds");
    }
}
