package dev.linkcrawl.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReceiveWaitTest {

    @Test
    void longPollsAQueueOfFewMessages() {
        ReceiveWait wait = ReceiveWait.forQueueOf(ReceiveWait.LONG_POLL_MOST, 1);

        assertThat(wait.seconds()).isEqualTo(1);
        assertThat(wait.pauseWhenEmpty()).isEqualTo(Duration.ZERO);
    }

    @Test
    void asksWithoutWaitingAndRestsWhenTheQueueHoldsAFlood() {
        ReceiveWait wait = ReceiveWait.forQueueOf(ReceiveWait.LONG_POLL_MOST + 1, 1);

        assertThat(wait.seconds()).isZero();
        assertThat(wait.pauseWhenEmpty()).isEqualTo(ReceiveWait.PAUSE);
    }
}
