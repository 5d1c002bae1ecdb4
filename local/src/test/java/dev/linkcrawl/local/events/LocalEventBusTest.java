package dev.linkcrawl.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEventBusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final String PUT =
            """
            {"Entries":[{"EventBusName":"default","Source":"linkcrawl","DetailType":"LinkCrawled",
             "Detail":"{\\"id\\":\\"a295\\",\\"owner\\":\\"alice\\",\\"status\\":\\"crawled\\",\
            \\"url\\":\\"https://example.com/\\",\\"title\\":\\"Example\\"}"}]}
            """;

    @TempDir Path state;
    private final List<String> printed = new CopyOnWriteArrayList<>();
    private LocalEventBus bus;

    @BeforeEach
    void start() throws Exception {
        bus = LocalEventBus.start(state, Clock.fixed(NOW, ZoneOffset.UTC), printed::add);
    }

    @AfterEach
    void stop() {
        bus.close();
    }

    @Test
    void recordsEachEntryAsALineAndAnswersAnEventId() throws Exception {
        HttpResponse<String> response = post("AWSEvents.PutEvents", PUT);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("FailedEntryCount").asInt()).isZero();
        assertThat(answer.get("Entries").get(0).get("EventId").asText()).isNotBlank();
        List<JsonNode> events = LocalEventBus.read(state);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().get("detail-type").asText()).isEqualTo("LinkCrawled");
        assertThat(events.getFirst().get("source").asText()).isEqualTo("linkcrawl");
        assertThat(events.getFirst().get("time").asText()).isEqualTo(NOW.toString());
        assertThat(events.getFirst().get("detail").get("owner").asText()).isEqualTo("alice");
    }

    @Test
    void printsALinePerEvent() throws Exception {
        post("AWSEvents.PutEvents", PUT);

        assertThat(printed)
                .containsExactly("event LinkCrawled crawled https://example.com/ \"Example\"");
    }

    @Test
    void refusesAnyOtherOperation() throws Exception {
        HttpResponse<String> response = post("AWSEvents.ListRules", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(LocalEventBus.read(state)).isEmpty();
    }

    @Test
    void startsWithAnEmptyRecord() throws Exception {
        post("AWSEvents.PutEvents", PUT);
        bus.close();

        bus = LocalEventBus.start(state, Clock.systemUTC(), printed::add);

        assertThat(LocalEventBus.read(state)).isEmpty();
    }

    private HttpResponse<String> post(String target, String body) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create(bus.endpoint() + "/"))
                            .header("X-Amz-Target", target)
                            .header("Content-Type", "application/x-amz-json-1.1")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
