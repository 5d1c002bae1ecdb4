package dev.linkcrawl.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EmptyReceiveTurnsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Duration PAUSE = Duration.ofMillis(100);

    @Test
    void receiversThatFoundNothingTogetherAskOneAfterAnother() {
        EmptyReceiveTurns turns = new EmptyReceiveTurns(4);

        assertThat(turns.nextTurn(NOW, PAUSE)).isEqualTo(NOW.plusMillis(25));
        assertThat(turns.nextTurn(NOW, PAUSE)).isEqualTo(NOW.plusMillis(50));
        assertThat(turns.nextTurn(NOW, PAUSE)).isEqualTo(NOW.plusMillis(75));
        assertThat(turns.nextTurn(NOW, PAUSE)).isEqualTo(NOW.plusMillis(100));
    }

    @Test
    void aReceiverBackFromItsTurnWaitsBehindTheTurnsAlreadyGiven() {
        EmptyReceiveTurns turns = new EmptyReceiveTurns(4);
        for (int i = 0; i < 4; i++) {
            turns.nextTurn(NOW, PAUSE);
        }

        assertThat(turns.nextTurn(NOW.plusMillis(25), PAUSE)).isEqualTo(NOW.plusMillis(125));
    }

    @Test
    void afterAQuietSpellTheNextTurnIsOneSpacingAway() {
        EmptyReceiveTurns turns = new EmptyReceiveTurns(4);
        turns.nextTurn(NOW, PAUSE);

        assertThat(turns.nextTurn(NOW.plusSeconds(10), PAUSE))
                .isEqualTo(NOW.plusSeconds(10).plusMillis(25));
    }

    @Test
    void asksAsOftenAsReceiversRestingTheWholePause() {
        EmptyReceiveTurns turns = new EmptyReceiveTurns(4);
        Instant last = NOW;
        for (int i = 0; i < 40; i++) {
            last = turns.nextTurn(NOW, PAUSE);
        }

        assertThat(last).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void refusesNoReceivers() {
        assertThatThrownBy(() -> new EmptyReceiveTurns(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("receivers must be at least 1");
    }
}
