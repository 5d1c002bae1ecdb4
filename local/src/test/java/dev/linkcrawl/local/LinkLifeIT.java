package dev.linkcrawl.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.local.lambda.InvocationLog;
import dev.linkcrawl.local.sqs.LocalSqs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A link's life through the whole dev stack, every service on loopback: visible as {@code queued}
 * from its 202, and deleted for good when the owner deletes it before or during its crawl.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class LinkLifeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** How long a page under /slow/ takes: long enough to act while its fetch is in flight. */
    private static final Duration SLOW = Duration.ofSeconds(3);

    @TempDir static Path state;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final InvocationLog log =
            new InvocationLog(new PrintStream(logged, true, StandardCharsets.UTF_8));
    private LoopbackSite site;
    private DevStack stack;

    @BeforeAll
    void start() throws Exception {
        site = new LoopbackSite(SLOW);
        stack = TestStacks.start(state, site.hostPort(), log);
        // The first save of a fresh stack creates the links index, which a cold local node can
        // take longer to do than the API waits (that link shows once crawled): done before the
        // tests, as any stack in use has done it.
        String first = site.url("/first");
        save("zoe", first);
        ImportCommandIT.awaitCrawled("zoe", first, stack, Duration.ofSeconds(60));
        // If that save timed out on the index, the API leaves the index alone for 10 s.
        Thread.sleep(Duration.ofSeconds(10));
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
    void aSavedLinkIsQueuedFromItsAcceptanceThenCrawled() throws Exception {
        String url = site.url("/slow/visible");

        String id = save("alice", url);
        HttpResponse<String> right = api("GET", "/links/" + id, "alice");

        assertThat(right.statusCode())
                .as(right.body() + logged.toString(StandardCharsets.UTF_8))
                .isEqualTo(200);
        JsonNode queued = JSON.readTree(right.body());
        assertThat(queued.get("status").asText()).isEqualTo("queued");
        assertThat(queued.get("url").asText()).isEqualTo(url);
        assertThat(listed("alice", "status=queued", id, Duration.ofSeconds(5))).isTrue();
        JsonNode crawled =
                ImportCommandIT.awaitCrawled("alice", url, stack, Duration.ofSeconds(30));
        assertThat(crawled.get("title").asText()).isEqualTo("Page /slow/visible");
    }

    @Test
    void aLinkDeletedRightAfterItsSaveStaysDeleted() throws Exception {
        String url = site.url("/slow/deleted-at-once");
        String id = save("bob", url);

        assertThat(api("DELETE", "/links/" + id, "bob").statusCode()).isEqualTo(204);

        awaitCrawlEnd(id);
        assertThat(api("GET", "/links/" + id, "bob").statusCode()).isEqualTo(404);
        assertThat(listed("bob", "", id, Duration.ofSeconds(2))).isFalse();
        assertThat(deadLetters()).isZero();
    }

    @Test
    void aLinkDeletedWhileItsFetchIsInFlightStaysDeleted() throws Exception {
        String url = site.url("/slow/deleted-in-flight");
        String id = save("carol", url);
        awaitRequested("/slow/deleted-in-flight");

        assertThat(api("DELETE", "/links/" + id, "carol").statusCode()).isEqualTo(204);

        awaitCrawlEnd(id);
        assertThat(logged.toString(StandardCharsets.UTF_8))
                .contains("crawl id=" + id + " receive=1 outcome=deleted");
        assertThat(api("GET", "/links/" + id, "carol").statusCode()).isEqualTo(404);
        assertThat(deadLetters()).isZero();
    }

    @Test
    void savingADeletedLinkAgainIsANewSave() throws Exception {
        String url = site.url("/saved-again");
        String id = save("dave", url);
        ImportCommandIT.awaitCrawled("dave", url, stack, Duration.ofSeconds(30));
        api("DELETE", "/links/" + id, "dave");

        assertThat(save("dave", url)).isEqualTo(id);

        JsonNode again = JSON.readTree(api("GET", "/links/" + id, "dave").body());
        assertThat(again.get("status").asText()).isIn("queued", "crawled");
        ImportCommandIT.awaitCrawled("dave", url, stack, Duration.ofSeconds(30));
    }

    private String save(String owner, String url) throws Exception {
        LinksApi.Answer answer =
                new LinksApi(stack.endpoints().apiUrl(), site.hostPort()).post(owner, url);
        assertThat(answer.status()).as(logged.toString(StandardCharsets.UTF_8)).isEqualTo(202);
        return answer.id();
    }

    private HttpResponse<String> api(String method, String path, String owner) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(stack.endpoints().apiUrl().resolve(path))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + owner)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Whether {@code GET /links?query} lists {@code id} within {@code limit} (search refreshes).
     */
    private boolean listed(String owner, String query, String id, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        do {
            JsonNode items =
                    JSON.readTree(api("GET", "/links?" + query, owner).body()).get("items");
            for (JsonNode item : items) {
                if (item.get("id").asText().equals(id)) {
                    return true;
                }
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return false;
    }

    private void awaitRequested(String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!site.requested().contains(path)) {
            assertThat(System.nanoTime()).as(path + " never fetched").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Waits for the crawl function's line about {@code id}'s crawl. */
    private void awaitCrawlEnd(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!logged.toString(StandardCharsets.UTF_8).contains("crawl id=" + id)) {
            assertThat(System.nanoTime())
                    .as("no crawl of " + id + " in " + logged.toString(StandardCharsets.UTF_8))
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private int deadLetters() {
        try (SqsClient sqs = LocalSqs.client(stack.endpoints().sqsEndpoint())) {
            int total = 0;
            for (String queue : new String[] {"CrawlDeadLetterQueue", "BackfillDeadLetterQueue"}) {
                String url = stack.endpoints().queues().get(queue).url();
                total +=
                        Integer.parseInt(
                                sqs.getQueueAttributes(
                                                a ->
                                                        a.queueUrl(url)
                                                                .attributeNames(
                                                                        QueueAttributeName
                                                                                .APPROXIMATE_NUMBER_OF_MESSAGES))
                                        .attributes()
                                        .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
            }
            return total;
        }
    }
}
