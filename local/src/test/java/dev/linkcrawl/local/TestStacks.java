package dev.linkcrawl.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkcrawl.local.events.LocalEventBus;
import dev.linkcrawl.local.lambda.InvocationLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** The dev stack as the ITs run it, and what they wait for on it. */
final class TestStacks {

    private TestStacks() {}

    /**
     * The project's template on free ports, its state in {@code state}, the crawler allowed to
     * fetch the loopback site at {@code siteHostPort}.
     */
    static DevStack start(Path state, String siteHostPort, InvocationLog log) throws IOException {
        return DevStack.start(
                new DevStack.Options(
                        Path.of("../template.yaml"),
                        state,
                        0,
                        0,
                        0,
                        0,
                        Map.of(),
                        Map.of("ALLOWED_PRIVATE_HOSTS", siteHostPort)),
                log,
                Clock.systemUTC());
    }

    /**
     * The first event of {@code detailType} about {@code url} the stack in {@code state} recorded,
     * waiting for it up to {@code limit}; {@code logged} explains a wait that ends without it.
     */
    static JsonNode awaitEvent(
            Path state, String detailType, String url, Duration limit, Supplier<String> logged)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            for (JsonNode event : LocalEventBus.read(state)) {
                if (event.path("detail-type").asText().equals(detailType)
                        && event.path("detail").path("url").asText().equals(url)) {
                    return event;
                }
            }
            assertThat(System.nanoTime())
                    .as(
                            "no "
                                    + detailType
                                    + " for "
                                    + url
                                    + " in "
                                    + LocalEventBus.read(state)
                                    + "\n"
                                    + logged.get())
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
