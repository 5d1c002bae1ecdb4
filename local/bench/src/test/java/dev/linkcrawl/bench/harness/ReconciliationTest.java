package dev.linkcrawl.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    @Test
    void holdsWhenEveryAcceptedLinkIsADocumentOrADeadLetter() {
        Reconciliation reconciliation =
                new Reconciliation(Set.of("a", "b", "c"), Set.of("a", "b"), Set.of("c"), Set.of());

        assertThat(reconciliation.holds()).isTrue();
        assertThat(reconciliation.lost()).isEmpty();
    }

    @Test
    void anAcceptedLinkFoundNowhereIsLost() {
        Reconciliation reconciliation =
                new Reconciliation(Set.of("a", "b"), Set.of("a"), Set.of(), Set.of());

        assertThat(reconciliation.lost()).containsExactly("b");
        assertThat(reconciliation.holds()).isFalse();
    }

    @Test
    void aLinkNobodyWasToldWasAcceptedIsUnexpectedUnlessItsOutcomeWasUnknown() {
        Reconciliation reconciliation =
                new Reconciliation(Set.of("a"), Set.of("a", "x", "y"), Set.of(), Set.of("y"));

        assertThat(reconciliation.unexpected()).containsExactly("x");
        assertThat(reconciliation.holds()).isFalse();
    }

    @Test
    void aLastDeliveryThatFailedTransientlyCountsOnceThoughItIsBothADocumentAndADeadLetter() {
        Reconciliation reconciliation =
                new Reconciliation(Set.of("a", "b"), Set.of("a", "b"), Set.of("b"), Set.of());

        assertThat(reconciliation.both()).containsExactly("b");
        assertThat(reconciliation.holds()).isTrue();
        assertThat(reconciliation.line("s", Duration.ofMillis(12)))
                .isEqualTo(
                        "scenario=s accepted=2 documents=2 dlq=1 both=1 lost=0 unexpected=0 ms=12");
    }
}
