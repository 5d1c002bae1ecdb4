package dev.linkcrawl.link;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a crawl that failed transiently comes back: after the n-th failed delivery, the n-th delay
 * (the last one for every later failure), each spread by ±25% so that links that failed together do
 * not all come back together. A site's {@code Retry-After} replaces the scheduled delay, kept
 * within the schedule's bounds (its first and last delay). Default: 30 seconds, 2 minutes, 8
 * minutes, 30 minutes ({@code RETRY_DELAYS_SECONDS=30,120,480,1800}).
 *
 * @param delays each at least one second and at most 12 hours (SQS's visibility timeout limit), in
 *     order
 */
public record RetrySchedule(List<Duration> delays) {

    /** SQS's longest visibility timeout: 12 hours. */
    public static final Duration LONGEST = Duration.ofHours(12);

    /** 30 s, 2 min, 8 min, 30 min. */
    public static final RetrySchedule DEFAULT =
            new RetrySchedule(
                    List.of(
                            Duration.ofSeconds(30),
                            Duration.ofMinutes(2),
                            Duration.ofMinutes(8),
                            Duration.ofMinutes(30)));

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule needs at least one delay");
        }
        for (int i = 0; i < delays.size(); i++) {
            Duration delay = Objects.requireNonNull(delays.get(i), "delay");
            if (delay.compareTo(Duration.ofSeconds(1)) < 0 || delay.compareTo(LONGEST) > 0) {
                throw new IllegalArgumentException(
                        "each retry delay must be from 1 second to 12 hours");
            }
            if (i > 0 && delay.compareTo(delays.get(i - 1)) < 0) {
                throw new IllegalArgumentException("retry delays must not get shorter");
            }
        }
    }

    /** Parses whole seconds, comma-separated, such as {@code 30,120,480,1800}. */
    public static RetrySchedule parseSeconds(String text) {
        try {
            return new RetrySchedule(
                    java.util.Arrays.stream(text.split(","))
                            .map(String::strip)
                            .map(Long::parseLong)
                            .map(Duration::ofSeconds)
                            .toList());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "expected whole seconds separated by commas, such as 30,120,480,1800", e);
        }
    }

    /**
     * How long to wait after failed delivery number {@code receiveCount} (1 for the first).
     *
     * @param retryAfter the site's {@code Retry-After}, if it gave one
     * @param random a source of numbers in [0, 1) for the spread
     */
    public Duration after(int receiveCount, Optional<Duration> retryAfter, DoubleSupplier random) {
        Duration first = delays.getFirst();
        Duration last = delays.getLast();
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return asked.compareTo(first) < 0 ? first : asked.compareTo(last) > 0 ? last : asked;
        }
        Duration scheduled = delays.get(Math.min(Math.max(receiveCount, 1), delays.size()) - 1);
        double spread = 0.75 + 0.5 * random.getAsDouble();
        long millis = Math.round(scheduled.toMillis() * spread);
        return Duration.ofMillis(Math.min(millis, LONGEST.toMillis()));
    }
}
