package dev.linkcrawl.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.link.TenantKey;
import dev.linkcrawl.testing.SampleEvents;
import dev.linkcrawl.testing.backend.TestBackend;
import dev.linkcrawl.testing.backend.TestSqs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The submit function against a real SQS-compatible server: ElasticMQ on loopback, or LocalStack
 * (see {@link TestBackend}).
 */
class SubmitLinkIT {

    private static final SampleEvents EVENTS = new SampleEvents("submit-link");

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestSqs sqs;
    private String queueUrl;
    private SubmitLinkHandler handler;

    @BeforeEach
    void startQueue() {
        sqs = TestBackend.selected().sqs();
        queueUrl = sqs.createQueue("crawl-queue");
        handler =
                new SubmitLinkHandler(
                        Settings.from(
                                Map.of(
                                        "AWS_REGION",
                                        sqs.region(),
                                        "AWS_ENDPOINT_URL_SQS",
                                        sqs.endpoint().toString(),
                                        "QUEUE_URL",
                                        queueUrl)));
    }

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
