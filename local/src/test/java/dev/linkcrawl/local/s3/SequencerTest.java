package dev.linkcrawl.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SequencerTest {

    @Test
    void valuesGrowEvenWithinOneMicrosecondAndLookLikeS3s() {
        Sequencer sequencer =
                new Sequencer(Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));

        String first = sequencer.next();
        String second = sequencer.next();

        assertThat(first).matches("[0-9A-F]{18}");
        assertThat(Long.parseLong(second, 16)).isEqualTo(Long.parseLong(first, 16) + 1);
    }
}
