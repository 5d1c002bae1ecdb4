package dev.linkcrawl.prime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {

    @Test
    void runsItsWorkBeforeTheCheckpoint() {
        AtomicInteger runs = new AtomicInteger();
        SnapStartPriming priming = SnapStartPriming.register(runs::incrementAndGet);

        priming.beforeCheckpoint(null);

        assertThat(runs).hasValue(1);
    }

    @Test
    void registeringOutsideACracRuntimeRunsNothing() {
        AtomicInteger runs = new AtomicInteger();

        SnapStartPriming.register(runs::incrementAndGet);

        assertThat(runs).hasValue(0);
    }

    @Test
    void aFailingPrimingFailsTheCheckpoint() {
        SnapStartPriming priming =
                SnapStartPriming.register(
                        () -> {
                            throw new IllegalStateException("priming broke");
                        });

        assertThatThrownBy(() -> priming.beforeCheckpoint(null)).hasMessage("priming broke");
    }
}
