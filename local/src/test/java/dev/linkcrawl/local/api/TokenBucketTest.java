package dev.linkcrawl.local.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.local.template.RouteThrottle;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void letsABurstThroughAtOnce() {
        TokenBucket bucket = new TokenBucket(new RouteThrottle(50, 100), NOW);

        for (int i = 0; i < 100; i++) {
            assertThat(bucket.tryTake(NOW)).as("request %d", i).isTrue();
        }
    }

    @Test
    void refusesTheRequestPastTheBurst() {
        TokenBucket bucket = new TokenBucket(new RouteThrottle(50, 100), NOW);
        for (int i = 0; i < 100; i++) {
            bucket.tryTake(NOW);
        }

        assertThat(bucket.tryTake(NOW)).isFalse();
    }

    @Test
    void refillsAtTheRate() {
        TokenBucket bucket = new TokenBucket(new RouteThrottle(50, 100), NOW);
        for (int i = 0; i < 100; i++) {
            bucket.tryTake(NOW);
        }

        assertThat(bucket.tryTake(NOW.plusMillis(19))).isFalse();
        assertThat(bucket.tryTake(NOW.plusMillis(20))).isTrue();
        assertThat(bucket.tryTake(NOW.plusMillis(20))).isFalse();
    }

    @Test
    void holdsNoMoreThanTheBurstAfterAQuietSpell() {
        TokenBucket bucket = new TokenBucket(new RouteThrottle(50, 2), NOW);
        Instant later = NOW.plusSeconds(60);

        assertThat(bucket.tryTake(later)).isTrue();
        assertThat(bucket.tryTake(later)).isTrue();
        assertThat(bucket.tryTake(later)).isFalse();
    }
}
