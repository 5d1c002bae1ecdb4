package dev.linkcrawl.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ListingPaceTest {

    private final ListingPace pace = new ListingPace(Duration.ofMillis(250));

    @Test
    void startsAtTheQuickest() {
        assertThat(pace.next()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void restsTwiceAsLongAfterEachListingThatFoundNothingUpToFourTimesTheQuickest() {
        pace.listed(false);
        assertThat(pace.next()).isEqualTo(Duration.ofMillis(500));
        pace.listed(false);
        assertThat(pace.next()).isEqualTo(Duration.ofSeconds(1));
        pace.listed(false);
        assertThat(pace.next()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aNewObjectBringsBackTheQuickest() {
        pace.listed(false);
        pace.listed(false);

        pace.listed(true);

        assertThat(pace.next()).isEqualTo(Duration.ofMillis(250));
    }
}
