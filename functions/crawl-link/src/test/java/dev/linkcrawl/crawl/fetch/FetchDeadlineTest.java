package dev.linkcrawl.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FetchDeadlineTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration CONFIGURED = Duration.ofSeconds(15);
    private static final Duration MARGIN = Duration.ofSeconds(5);

    @Test
    void usesTheConfiguredDeadlineWhenTheFunctionHasTimeToSpare() {
        assertThat(FetchDeadline.of(NOW, CONFIGURED, 29_000, MARGIN))
                .isEqualTo(NOW.plusSeconds(15));
    }

    @Test
    void shortensTheDeadlineToKeepTheIndexingMargin() {
        assertThat(FetchDeadline.of(NOW, CONFIGURED, 12_000, MARGIN)).isEqualTo(NOW.plusSeconds(7));
    }

    @Test
    void givesAnExpiredDeadlineWhenNoTimeIsLeft() {
        assertThat(FetchDeadline.of(NOW, CONFIGURED, 3_000, MARGIN)).isEqualTo(NOW);
        assertThat(FetchDeadline.of(NOW, CONFIGURED, -50, MARGIN)).isEqualTo(NOW);
    }

    @Test
    void refusesNegativeSettings() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FetchDeadline.of(NOW, Duration.ofSeconds(-1), 1_000, MARGIN));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FetchDeadline.of(NOW, CONFIGURED, 1_000, Duration.ofSeconds(-1)));
    }
}
