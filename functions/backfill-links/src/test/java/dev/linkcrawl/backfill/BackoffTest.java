package dev.linkcrawl.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theDefaultPauseDoublesFromOneHundredMilliseconds() {
        assertThat(Backoff.DEFAULT.maxAttempts()).isEqualTo(5);
        assertThat(
                        java.util.stream.IntStream.rangeClosed(1, 4)
                                .mapToObj(Backoff.DEFAULT::delayAfter))
                .containsExactly(
                        Duration.ofMillis(100),
                        Duration.ofMillis(200),
                        Duration.ofMillis(400),
                        Duration.ofMillis(800));
    }

    @Test
    void thePauseNeverExceedsTheCeiling() {
        Backoff backoff = new Backoff(50, Duration.ofMillis(300), Duration.ofSeconds(1));

        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayAfter(49)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void refusesNoAttemptsAndACeilingBelowTheFirstPause() {
        assertThatThrownBy(() -> new Backoff(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
