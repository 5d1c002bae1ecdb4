package dev.linkcrawl.backfill;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.linkcrawl.config.Settings;
import dev.linkcrawl.prime.SnapStartPriming;
import dev.linkcrawl.testing.ConnectionTrap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackfillLinksHandlerPrimingTest {

    @Test
    void theHandlerRegistersPrimingThatRunsWithoutTheNetwork() {
        try (ConnectionTrap trap = ConnectionTrap.open()) {
            // Every endpoint the handler knows leads to the trap, which fails if reached.
            BackfillLinksHandler handler =
                    new BackfillLinksHandler(
                            Settings.from(
                                    Map.of(
                                            "QUEUE_URL",
                                            trap.endpoint() + "/000000000000/BackfillQueue",
                                            "AWS_ENDPOINT_URL_SQS",
                                            trap.endpoint().toString(),
                                            "AWS_ENDPOINT_URL_S3",
                                            trap.endpoint().toString(),
                                            "OPENSEARCH_ENDPOINT",
                                            trap.endpoint().toString(),
                                            "OPENSEARCH_AUTH",
                                            "none")));
            SnapStartPriming priming = handler.priming().orElseThrow();

            assertThatCode(() -> priming.beforeCheckpoint(null)).doesNotThrowAnyException();
        }
    }
}
