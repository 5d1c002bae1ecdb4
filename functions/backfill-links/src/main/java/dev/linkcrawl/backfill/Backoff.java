package dev.linkcrawl.backfill;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a batch is sent again: the delay doubles after each attempt, up to a
 * ceiling. There is no jitter: one import sends one batch at a time, so there is no herd of clients
 * to spread out.
 *
 * @param maxAttempts attempts per batch, the first included
 * @param firstDelay the pause after the first failed attempt
 * @param maxDelay the longest pause
 */
public record Backoff(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    /** 5 attempts, pausing 100, 200, 400 and 800 ms between them (at most 2 s). */
    public static final Backoff DEFAULT =
            new Backoff(5, Duration.ofMillis(100), Duration.ofSeconds(2));

    public Backoff {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= firstDelay <= maxDelay");
        }
    }

    /** The pause after failed attempt {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
        Duration delay = firstDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
