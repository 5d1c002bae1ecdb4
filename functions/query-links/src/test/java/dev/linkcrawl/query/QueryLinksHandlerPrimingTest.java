package dev.linkcrawl.query;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.linkcrawl.config.Settings;
import dev.linkcrawl.prime.SnapStartPriming;
import dev.linkcrawl.testing.ConnectionTrap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryLinksHandlerPrimingTest {

    @Test
    void theHandlerRegistersPrimingThatRunsWithoutTheNetwork() {
        try (ConnectionTrap trap = ConnectionTrap.open()) {
            // The index endpoint leads to the trap, which fails if reached.
            QueryLinksHandler handler =
                    new QueryLinksHandler(
                            Settings.from(
                                    Map.of(
                                            "OPENSEARCH_ENDPOINT",
                                            trap.endpoint().toString(),
                                            "OPENSEARCH_AUTH",
                                            "none")));
            SnapStartPriming priming = handler.priming().orElseThrow();

            assertThatCode(() -> priming.beforeCheckpoint(null)).doesNotThrowAnyException();
        }
    }
}
