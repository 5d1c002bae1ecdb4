package dev.linkcrawl.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.linkcrawl.config.Settings;
import dev.linkcrawl.prime.SnapStartPriming;
import dev.linkcrawl.testing.ConnectionTrap;
import dev.linkcrawl.url.UrlPolicy;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmitLinkHandlerPrimingTest {

    @Test
    void theHandlerRegistersPrimingThatRunsWithoutTheNetwork() {
        try (ConnectionTrap trap = ConnectionTrap.open()) {
            // Every endpoint the handler knows leads to the trap, which fails if reached.
            SubmitLinkHandler handler =
                    new SubmitLinkHandler(
                            Settings.from(
                                    Map.of(
                                            "QUEUE_URL",
                                            trap.endpoint() + "/000000000000/CrawlQueue",
                                            "AWS_ENDPOINT_URL_SQS",
                                            trap.endpoint().toString(),
                                            "OPENSEARCH_ENDPOINT",
                                            trap.endpoint().toString())));
            SnapStartPriming priming = handler.priming().orElseThrow();

            assertThatCode(() -> priming.beforeCheckpoint(null)).doesNotThrowAnyException();
        }
    }

    @Test
    void handlersBuiltAroundTestCollaboratorsRegisterNothing() {
        SubmitLinkHandler handler =
                new SubmitLinkHandler(
                        new SubmitLink(
                                new InMemoryCrawlQueue(), UrlPolicy.DEFAULT, Clock.systemUTC()));

        assertThat(handler.priming()).isEmpty();
    }
}
