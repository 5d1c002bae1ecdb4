package dev.linkcrawl.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.local.lambda.InvocationLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page the crawler cannot read, sent by the owner's client through the whole dev stack, every
 * service on loopback: the crawl ends at a bot check and asks for the page, {@code POST
 * /links/{id}/page} hands out an upload, the PUT lands in S3Mock, its notification runs the
 * client-page function, and the link is crawled from the page sent; a re-crawl that meets the bot
 * check again keeps it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(240)
class ClientPageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .proxy(HttpClient.Builder.NO_PROXY)
                    .build();

    /** What the site answers everyone but a browser: a bot check, with a 200. */
    private static final String BOT_CHECK =
            "<html><head><title>Just a moment...</title></head><body>"
                    + "<h1>Checking your browser before accessing the site</h1>"
                    + "<script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1\"></script>"
                    + "</body></html>";

    /** What the owner's browser saw, and sends. */
    private static final String SENT_PAGE =
            "<!doctype html><html lang=en><head><meta charset=utf-8><title>Guarded article</title>"
                    + "</head><body><article><h1>Guarded article</h1>"
                    + "<p>Only a browser that passed the check could read these words about"
                    + " queues, deadlines and the crawler that waited behind a wall.</p>"
                    + "<p>The owner's client sent the page, and the link kept it — même après.</p>"
                    + "</article></body></html>";

    @TempDir static Path state;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final InvocationLog log =
            new InvocationLog(new PrintStream(logged, true, StandardCharsets.UTF_8));
    private LoopbackSite site;
    private DevStack stack;

    @BeforeAll
    void start() throws Exception {
        site = new LoopbackSite(Duration.ZERO, path -> BOT_CHECK);
        stack = TestStacks.start(state, hostPort(), log);
        // The first save of a fresh stack creates the links index (see LinkLifeIT).
        save("zoe", url("/first"));
        awaitEvent("LinkFailed", url("/first"));
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void aPageSentForALinkBehindABotCheckBecomesItsDocumentAndOutlivesARecrawl() throws Exception {
        String url = url("/guarded");
        String id = save("alice", url);
        awaitEvent("LinkFailed", url);
        JsonNode walled = link("alice", id);
        assertThat(walled.path("failure").path("code").asText()).isEqualTo("bot_challenge");
        assertThat(walled.path("needsPage").asBoolean()).isTrue();

        byte[] page = SENT_PAGE.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> started = sendPage("alice", id, "{\"size\": " + page.length + "}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode upload = JSON.readTree(started.body());
        assertThat(upload.path("key").asText()).startsWith("pages/alice/" + id + "/");
        assertThat(put(upload.at("/upload/url").asText(), page)).isEqualTo(200);

        JsonNode announced = awaitEvent("LinkCrawled", url);
        assertThat(announced.at("/detail/title").asText()).isEqualTo("Guarded article");
        JsonNode sent = link("alice", id);
        assertThat(sent.path("status").asText()).isEqualTo("crawled");
        assertThat(sent.path("source").asText()).isEqualTo("client");
        assertThat(sent.path("pageSentAt").asText()).isNotEmpty();
        assertThat(sent.path("url").asText()).isEqualTo(url);
        assertThat(sent.path("text").asText())
                .contains("Only a browser that passed the check", "même après");
        assertThat(sent.has("needsPage")).isFalse();

        save("alice", url);
        JsonNode kept = awaitEvent("LinkKept", url);

        assertThat(kept.at("/detail/failureCode").asText()).isEqualTo("bot_challenge");
        JsonNode after = link("alice", id);
        assertThat(after.path("source").asText()).isEqualTo("client");
        assertThat(after.path("text").asText()).isEqualTo(sent.path("text").asText());
        assertThat(after.path("lastFailure").path("code").asText()).isEqualTo("bot_challenge");
    }

    @Test
    void noOneSendsAPageForALinkThatIsNotTheirs() throws Exception {
        String url = url("/theirs");
        String id = save("bob", url);
        awaitEvent("LinkFailed", url);

        assertThat(sendPage("mallory", id, "{\"size\": 100}").statusCode()).isEqualTo(404);
        assertThat(sendPage("bob", "not-a-link-id", "{\"size\": 100}").statusCode()).isEqualTo(400);
        assertThat(sendPage("bob", id, "{\"size\": 999999999}").statusCode()).isEqualTo(413);
    }

    private String save(String owner, String url) throws Exception {
        LinksApi.Answer answer =
                new LinksApi(stack.endpoints().apiUrl(), hostPort()).post(owner, url);
        assertThat(answer.status()).as(logged.toString(StandardCharsets.UTF_8)).isEqualTo(202);
        return answer.id();
    }

    private HttpResponse<String> sendPage(String owner, String id, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(stack.endpoints().apiUrl().resolve("/links/" + id + "/page"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + owner)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code curl -T page.html "$uploadUrl"}: the body's length is the one signed in. */
    private static int put(String uploadUrl, byte[] page) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(uploadUrl))
                                .timeout(Duration.ofSeconds(20))
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(page))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private JsonNode link(String owner, String id) throws Exception {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(stack.endpoints().apiUrl().resolve("/links/" + id))
                                .timeout(Duration.ofSeconds(20))
                                .header("Authorization", "Bearer " + owner)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The first recorded event of {@code detailType} about {@code url}, waiting for it. */
    private JsonNode awaitEvent(String detailType, String url) throws Exception {
        return TestStacks.awaitEvent(
                state,
                detailType,
                url,
                Duration.ofSeconds(90),
                () -> logged.toString(StandardCharsets.UTF_8));
    }

    private String url(String path) {
        return site.url(path);
    }

    private String hostPort() {
        return site.hostPort();
    }
}
