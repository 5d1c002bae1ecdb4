package dev.linkcrawl.crawl.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The effective deadline of one fetch: the configured fetch deadline, shortened when the function
 * has less time left than that, so that indexing still has {@code margin} after the fetch.
 */
public final class FetchDeadline {

    private FetchDeadline() {}

    /**
     * {@code now + min(configured, remaining - margin)}, never earlier than {@code now}: an
     * invocation with no time to spare gets a deadline that has already come, so the fetch fails at
     * once with {@link FailureCode#TIMEOUT} instead of starting.
     *
     * @param configured the configured fetch deadline ({@code FETCH_DEADLINE_MS}, default 15 s)
     * @param remainingMillis what the Lambda context reports as remaining time
     * @param margin the time kept back for extraction and indexing
     */
    public static Instant of(
            Instant now, Duration configured, long remainingMillis, Duration margin) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(configured, "configured");
        Objects.requireNonNull(margin, "margin");
        if (configured.isNegative() || margin.isNegative()) {
            throw new IllegalArgumentException("configured and margin cannot be negative");
        }
        Duration available = Duration.ofMillis(remainingMillis).minus(margin);
        Duration budget = available.compareTo(configured) < 0 ? available : configured;
        return budget.isNegative() ? now : now.plus(budget);
    }
}
