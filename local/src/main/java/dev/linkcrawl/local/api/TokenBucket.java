package dev.linkcrawl.local.api;

import dev.linkcrawl.local.template.RouteThrottle;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A route's throttle as API Gateway applies it: a token bucket that holds up to the burst limit,
 * starts full and refills at the rate limit; each request takes a token, and a request that finds
 * none is answered 429 (<a
 * href="https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html">HTTP
 * API throttling</a>). Without it one client could post locally many times faster than the deployed
 * API lets anyone, and the dev stack would be measured under floods that cannot reach it.
 */
final class TokenBucket {

    private final RouteThrottle throttle;
    private double tokens;
    private Instant filledAt;

    TokenBucket(RouteThrottle throttle, Instant now) {
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.tokens = throttle.burstLimit();
        this.filledAt = Objects.requireNonNull(now, "now");
    }

    /** Takes a token for a request arriving at {@code now}; false when there is none. */
    synchronized boolean tryTake(Instant now) {
        Duration elapsed = Duration.between(filledAt, now);
        if (elapsed.isPositive()) {
            tokens =
                    Math.min(
                            throttle.burstLimit(),
                            tokens + throttle.rateLimit() * elapsed.toNanos() / 1e9);
            filledAt = now;
        }
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
