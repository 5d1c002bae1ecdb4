package dev.linkcrawl.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.limit.OpenSearchOwnerQuotas;
import dev.linkcrawl.link.TenantKey;
import dev.linkcrawl.testing.SampleEvents;
import dev.linkcrawl.testing.backend.TestBackend;
import dev.linkcrawl.testing.backend.TestOpenSearch;
import dev.linkcrawl.testing.backend.TestOpenSearchExtension;
import dev.linkcrawl.testing.backend.TestSqs;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The submit function against a real SQS-compatible server: ElasticMQ on loopback, or LocalStack
 * (see {@link TestBackend}).
 */
@ExtendWith(TestOpenSearchExtension.class)
class SubmitLinkIT {

    private static final AtomicInteger INDEX_NUMBER = new AtomicInteger();

    private static final SampleEvents EVENTS = new SampleEvents("submit-link");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestOpenSearch openSearch;
    private TestSqs sqs;
    private String queueUrl;
    private SubmitLinkHandler handler;

    SubmitLinkIT(TestOpenSearch openSearch) {
        this.openSearch = openSearch;
    }

    private final String indexName = "submit-it-" + INDEX_NUMBER.incrementAndGet();

    /**
     * A node compiles each Painless script on its first use and takes a while to create an index,
     * both longer than the function's 500 ms for a count; on a running cluster either happens once.
     */
    @BeforeEach
    void createTheCountsIndexAndCompileItsScripts() {
        try (OpenSearchOwnerQuotas warm =
                OpenSearchOwnerQuotas.create(
                        Settings.from(
                                Map.of(
                                        "OPENSEARCH_ENDPOINT",
                                        openSearch.endpoint().toString(),
                                        "OPENSEARCH_AUTH",
                                        openSearch.authSetting(),
                                        "INDEX_NAME",
                                        indexName)),
                        Duration.ofSeconds(30))) {
            warm.countLinks(TenantKey.of("warm"), LocalDate.now(), 1, 1);
        }
    }

    @BeforeEach
    void startQueue() {
        sqs = TestBackend.selected().sqs();
        queueUrl = sqs.createQueue("crawl-queue");
        handler = handler(openSearch.endpoint().toString());
    }

    /** A handler whose owners may save {@value #PER_DAY} links a day, counted at {@code index}. */
    private SubmitLinkHandler handler(String openSearchEndpoint) {
        return new SubmitLinkHandler(
                Settings.from(
                        Map.of(
                                "AWS_REGION",
                                sqs.region(),
                                "AWS_ENDPOINT_URL_SQS",
                                sqs.endpoint().toString(),
                                "QUEUE_URL",
                                queueUrl,
                                "OPENSEARCH_ENDPOINT",
                                openSearchEndpoint,
                                "OPENSEARCH_AUTH",
                                openSearch.authSetting(),
                                "INDEX_NAME",
                                indexName,
                                "LINKS_PER_OWNER_PER_DAY",
                                Integer.toString(PER_DAY))));
    }

    private static final int PER_DAY = 3;

    @AfterEach
    void stopQueue() {
        sqs.close();
    }

    @Test
    void submittedLinkLandsOnTheQueueWithTheExactMessageBody() throws Exception {
        APIGatewayV2HTTPResponse response =
                handler.handleRequest(EVENTS.load("valid.json", APIGatewayV2HTTPEvent.class), null);
        assertThat(response.getStatusCode()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(response.getBody());

        List<Message> messages = receive();

        assertThat(messages).hasSize(1);
        JsonNode body = JSON.readTree(messages.getFirst().body());
        String submittedAt = body.get("submittedAt").asText();
        assertThat(body)
                .isEqualTo(
                        JSON.readTree(
                                """
                                {"v":1,"id":"%s","url":"https://example.com/articles/slow-links",
                                 "owner":"user-123","submittedAt":"%s","source":"api",
                                 "tags":["reading","web"],"note":"from the weekly digest"}
                                """
                                        .formatted(accepted.get("id").asText(), submittedAt)));
        assertThat(java.time.Instant.parse(submittedAt))
                .isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now());
    }

    @Test
    void messageGroupIdIsTheOwnersTenantKeySoFairQueuesTellOwnersApart() {
        handler.handleRequest(EVENTS.load("valid.json", APIGatewayV2HTTPEvent.class), null);

        List<Message> messages = receive();

        assertThat(messages).hasSize(1);
        assertThat(messages.getFirst().attributes())
                .containsEntry(
                        MessageSystemAttributeName.MESSAGE_GROUP_ID,
                        TenantKey.of("user-123").value());
    }

    @Test
    void queueServerDownAnswers503WithRetryAfterAndNothingIsAccepted() throws Exception {
        assumeTrue(sqs.canStop(), "only an embedded queue server can be stopped for one test");
        sqs.stop();

        long started = System.nanoTime();
        APIGatewayV2HTTPResponse response =
                handler.handleRequest(EVENTS.load("valid.json", APIGatewayV2HTTPEvent.class), null);
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsKey("Retry-After");
        assertThat(response.getBody())
                .doesNotContain("\"status\":\"queued\"")
                .doesNotContain("id\"");
        assertThat(JSON.readTree(response.getBody()).get("status").asInt()).isEqualTo(503);
        assertThat(tookMs).as("a queue outage must not hold the API").isLessThan(10_000);
    }

    @Test
    void pastTheDailyLimitAnOwnerGets429WithRetryAfterAndTheLimitNamed() throws Exception {
        for (int i = 0; i < PER_DAY; i++) {
            assertThat(
                            handler.handleRequest(post("https://example.com/" + i), null)
                                    .getStatusCode())
                    .isEqualTo(202);
        }

        APIGatewayV2HTTPResponse refused =
                handler.handleRequest(post("https://example.com/one-too-many"), null);

        assertThat(refused.getStatusCode()).isEqualTo(429);
        assertThat(refused.getHeaders())
                .containsEntry("Content-Type", "application/problem+json")
                .containsKey("Retry-After");
        long retryAfter = Long.parseLong(refused.getHeaders().get("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 86_400L);
        JsonNode problem = JSON.readTree(refused.getBody());
        assertThat(problem.get("type").asText()).endsWith("/limit-reached");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("limit").asText()).isEqualTo("links_per_day");
        assertThat(problem.get("max").asInt()).isEqualTo(PER_DAY);
        assertThat(receive()).hasSize(PER_DAY);
    }

    @Test
    void anotherOwnerIsNotCountedAgainstTheFirst() {
        for (int i = 0; i < PER_DAY; i++) {
            handler.handleRequest(post("https://example.com/" + i), null);
        }

        APIGatewayV2HTTPEvent other = post("https://example.com/mine");
        other.getRequestContext().getAuthorizer().getJwt().getClaims().put("sub", "user-456");

        assertThat(handler.handleRequest(other, null).getStatusCode()).isEqualTo(202);
    }

    @Test
    void linksAreAcceptedWhileTheCountsCannotBeReached() throws Exception {
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            String nowhere = "http://127.0.0.1:" + closed.getLocalPort();
            closed.close();
            SubmitLinkHandler withoutCounts = handler(nowhere);

            long started = System.nanoTime();
            APIGatewayV2HTTPResponse response =
                    withoutCounts.handleRequest(post("https://example.com/"), null);

            assertThat(response.getStatusCode()).isEqualTo(202);
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("an unreachable count must not hold the API")
                    .isLessThan(Duration.ofSeconds(3));
        }
    }

    private static APIGatewayV2HTTPEvent post(String url) {
        APIGatewayV2HTTPEvent event = EVENTS.load("valid.json", APIGatewayV2HTTPEvent.class);
        event.setBody("{\"url\":\"" + url + "\"}");
        event.setIsBase64Encoded(false);
        return event;
    }

    @Test
    void refusedLinkNeverReachesTheQueue() {
        APIGatewayV2HTTPResponse response =
                handler.handleRequest(
                        EVENTS.load("blocked-address.json", APIGatewayV2HTTPEvent.class), null);

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(receive()).isEmpty();
    }

    private List<Message> receive() {
        return sqs.client()
                .receiveMessage(
                        receive ->
                                receive.queueUrl(queueUrl)
                                        .maxNumberOfMessages(10)
                                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                                        .waitTimeSeconds(1))
                .messages();
    }
}
