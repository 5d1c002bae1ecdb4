package dev.linkcrawl.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.local.lambda.AsyncInvoker;
import dev.linkcrawl.local.lambda.InvocationLog;
import dev.linkcrawl.local.s3.LocalS3;
import dev.linkcrawl.local.s3.NotificationLog;
import dev.linkcrawl.local.sqs.LocalSqs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The template's {@code EventInvokeConfig} in the whole dev stack, every service on loopback: an
 * import that BackfillLinksFunction keeps failing is retried as often as {@code
 * MaximumRetryAttempts} says and then lands on BackfillFailedInvocationsQueue, its S3 event inside
 * Lambda's invocation record.
 */
@Timeout(180)
class FailedInvocationsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Lambda's one and two minutes would only make the test wait. */
    private static final AsyncInvoker.RetryPolicy QUICK =
            new AsyncInvoker.RetryPolicy(List.of(Duration.ofMillis(100), Duration.ofMillis(100)));

    /**
     * A queue that does not exist: every import stops as {@code queue_unavailable} and fails its
     * invocation so that Lambda retries it.
     */
    private static final String MISSING_QUEUE = "http://127.0.0.1:9/000000000000/NoSuchQueue";

    private static final String KEY = "imports/carol/bookmarks.txt";

    @TempDir Path state;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final InvocationLog log =
            new InvocationLog(new PrintStream(logged, true, StandardCharsets.UTF_8));

    @Test
    void importTheFunctionKeepsFailingLandsOnTheFailedInvocationsQueueAfterItsRetries()
            throws Exception {
        try (DevStack stack = DevStack.start(options(), log, Clock.systemUTC(), QUICK)) {
            upload(stack, KEY, "https://example.com/a\n");

            JsonNode record =
                    JSON.readTree(awaitMessage(stack, "BackfillFailedInvocationsQueue").body());

            assertThat(record.at("/requestPayload/Records/0/s3/object/key").asText())
                    .isEqualTo(KEY);
            assertThat(record.at("/requestContext/condition").asText())
                    .isEqualTo("RetriesExhausted");
            assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
            assertThat(record.at("/requestContext/functionArn").asText())
                    .endsWith(":function:BackfillLinksFunction:$LATEST");
            assertThat(record.at("/responsePayload/errorType").asText())
                    .isEqualTo("dev.linkcrawl.backfill.ImportIncompleteException");
            assertThat(NotificationLog.read(state))
                    .filteredOn(entry -> entry.delivery().key().equals(KEY))
                    .filteredOn(entry -> entry.state() == NotificationLog.State.FAILED)
                    .extracting(NotificationLog.Entry::attempt)
                    .as(logged.toString(StandardCharsets.UTF_8))
                    .containsExactly(1, 2, 3);
        }
    }

    private DevStack.Options options() {
        return new DevStack.Options(
                        Path.of("../template.yaml"),
                        state,
                        0,
                        0,
                        0,
                        0,
                        Map.of(),
                        Map.of("QUEUE_URL", MISSING_QUEUE))
                .withMemoryQueues();
    }

    private static void upload(DevStack stack, String key, String text) {
        String bucket = stack.endpoints().buckets().get("ImportBucket").bucketName();
        try (S3Client s3 = LocalS3.client(stack.endpoints().s3Endpoint())) {
            s3.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromString(text));
        }
    }

    private Message awaitMessage(DevStack stack, String queue) {
        String url = stack.endpoints().queues().get(queue).url();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        try (SqsClient sqs = LocalSqs.client(stack.endpoints().sqsEndpoint())) {
            while (System.nanoTime() < deadline) {
                List<Message> messages =
                        sqs.receiveMessage(receive -> receive.queueUrl(url).waitTimeSeconds(1))
                                .messages();
                if (!messages.isEmpty()) {
                    return messages.getFirst();
                }
            }
        }
        throw new AssertionError(
                "nothing reached "
                        + queue
                        + " within 90 s; the runner logged:\n"
                        + logged.toString(StandardCharsets.UTF_8));
    }
}
