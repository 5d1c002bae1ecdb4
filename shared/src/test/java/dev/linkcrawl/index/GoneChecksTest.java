package dev.linkcrawl.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoneChecksTest {

    private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant SECOND = Instant.parse("2026-02-01T00:00:00Z");

    @Test
    void theFirstAttemptThatFindsThePageGoneStartsTheCountAndDatesIt() {
        Optional<GoneChecks> after = GoneChecks.after(Optional.empty(), true, FIRST);

        assertThat(after).contains(new GoneChecks(1, FIRST));
        assertThat(after.orElseThrow().gone()).isFalse();
    }

    @Test
    void theSecondInARowMarksTheLinkGoneSinceTheFirst() {
        Optional<GoneChecks> after =
                GoneChecks.after(Optional.of(new GoneChecks(1, FIRST)), true, SECOND);

        assertThat(after).contains(new GoneChecks(2, FIRST));
        assertThat(after.orElseThrow().gone()).isTrue();
    }

    @Test
    void aSecondSignWithinADayOfTheFirstIsTheSameCheck() {
        GoneChecks first = new GoneChecks(1, FIRST);

        assertThat(GoneChecks.after(Optional.of(first), true, FIRST.plusSeconds(3)))
                .contains(first);
    }

    @Test
    void anotherFailureBetweenThemEndsTheRun() {
        assertThat(GoneChecks.after(Optional.of(new GoneChecks(1, FIRST)), false, SECOND))
                .isEmpty();
    }

    @Test
    void anotherFailureLeavesAGoneLinkGone() {
        GoneChecks gone = new GoneChecks(2, FIRST);

        assertThat(GoneChecks.after(Optional.of(gone), false, SECOND)).contains(gone);
    }

    @Test
    void readsTheChecksOfADocument() {
        LinkDocument document =
                LinkDocument.builder(
                                "alice", "https://example.com/", LinkDocument.Status.GONE, SECOND)
                        .goneChecks(2)
                        .goneSince(FIRST)
                        .build();

        assertThat(GoneChecks.of(document)).contains(new GoneChecks(2, FIRST));
    }
}
