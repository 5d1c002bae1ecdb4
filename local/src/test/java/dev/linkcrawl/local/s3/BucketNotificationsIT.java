package dev.linkcrawl.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.local.api.ApiGatewayEmulator.Target;
import dev.linkcrawl.local.lambda.AsyncInvoker;
import dev.linkcrawl.local.lambda.FunctionUnavailableException;
import dev.linkcrawl.local.lambda.InvocationLog;
import dev.linkcrawl.local.lambda.LocalFunction;
import dev.linkcrawl.local.template.BucketResource;
import dev.linkcrawl.local.template.S3EventSource;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * S3 notifications from S3Mock: objects written after the watch starts reach the subscribed
 * function as S3 events, the function's own writes included; other keys and older objects do not.
 */
class BucketNotificationsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BucketResource BUCKET = new BucketResource("ImportBucket", "importbucket");
    private static final S3EventSource IMPORTS =
            new S3EventSource(
                    "ImportUpload", "ImportBucket", List.of("s3:ObjectCreated:*"), "imports/", "");
    private static final InvocationLog QUIET =
            new InvocationLog(new PrintStream(PrintStream.nullOutputStream()));

    @TempDir Path folder;

    private LocalS3 s3;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        s3 = LocalS3.start(folder.resolve("s3"), 0);
        s3.createBuckets(List.of(BUCKET));
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    @Test
    @Timeout(60)
    void createdObjectsReachTheFunctionAndItsOwnWritesToo() throws Exception {
        put("imports/alice/before.txt");
        // Like the backfill function: answers an upload by writing a result beside it.
        RequestStreamHandler handler =
                (input, output, context) -> {
                    JsonNode event = JSON.readTree(input);
                    received.add(event);
                    String key = event.at("/Records/0/s3/object/key").asText();
                    if (!key.endsWith(".result.json")) {
                        put(
                                java.net.URLDecoder.decode(key, StandardCharsets.UTF_8)
                                        + ".result.json");
                    }
                    output.write("{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
                };
        NotificationLog log = NotificationLog.create(folder, Clock.systemUTC());

        try (BucketNotifications notifications =
                notifications(new Target.Ready(function(handler)), log).start()) {
            put("imports/alice/my bookmarks.html");
            put("elsewhere/ignored.txt");
            awaitReceived(2);
            Thread.sleep(3 * BucketNotifications.DEFAULT_INTERVAL.toMillis());
        }

        assertThat(received)
                .extracting(event -> event.at("/Records/0/s3/object/key").asText())
                .containsExactly(
                        "imports/alice/my+bookmarks.html",
                        "imports/alice/my+bookmarks.html.result.json");
        assertThat(received.getFirst().at("/Records/0/eventName").asText())
                .isEqualTo("ObjectCreated:Put");
        assertThat(NotificationLog.read(folder))
                .filteredOn(entry -> entry.state() == NotificationLog.State.COMPLETED)
                .extracting(entry -> entry.delivery().key())
                .containsExactly(
                        "imports/alice/my bookmarks.html",
                        "imports/alice/my bookmarks.html.result.json");
    }

    @Test
    @Timeout(60)
    void typedHandlerGetsTheNotificationAsAnS3Event() throws Exception {
        KeyRecorder handler = new KeyRecorder();
        List<String> keys = handler.keys;
        LocalFunction typed =
                new LocalFunction(
                        "TypedFunction",
                        Duration.ofSeconds(10),
                        256,
                        handler,
                        Clock.systemUTC(),
                        new PrintStream(PrintStream.nullOutputStream()));

        try (BucketNotifications notifications =
                notifications(
                                new Target.Ready(typed),
                                NotificationLog.create(folder, Clock.systemUTC()))
                        .start()) {
            put("imports/alice/a+b c.txt");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (keys.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }

        assertThat(keys).containsExactly("imports/alice/a+b c.txt");
    }

    @Test
    @Timeout(60)
    void uploadForAFunctionThatIsNotAvailableIsLoggedAsUndeliverable() throws Exception {
        NotificationLog log = NotificationLog.create(folder, Clock.systemUTC());
        Target unavailable =
                new Target.Unavailable(
                        "BackfillLinksFunction",
                        FunctionUnavailableException.Reason.NOT_BUILT,
                        "jar missing");

        try (BucketNotifications notifications = notifications(unavailable, log).start()) {
            put("imports/alice/a.txt");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (NotificationLog.read(folder).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }

        NotificationLog.Entry entry = NotificationLog.read(folder).getFirst();
        assertThat(entry.state()).isEqualTo(NotificationLog.State.UNDELIVERABLE);
        assertThat(entry.isFinal()).isTrue();
        assertThat(entry.detail()).contains("jar missing");
    }

    private BucketNotifications notifications(Target target, NotificationLog log) {
        return new BucketNotifications(
                LocalS3.client(s3.endpoint()),
                List.of(
                        new BucketNotifications.Subscription(
                                BUCKET, IMPORTS, target, AsyncInvoker.FailureHandling.DEFAULT)),
                new AsyncInvoker(Clock.systemUTC()),
                log,
                QUIET,
                BucketNotifications.DEFAULT_INTERVAL,
                Clock.systemUTC());
    }

    private void put(String key) {
        s3.client()
                .putObject(
                        put -> put.bucket("importbucket").key(key),
                        RequestBody.fromString("https://example.com/\n"));
    }

    private void awaitReceived(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static LocalFunction function(RequestStreamHandler handler) {
        return new LocalFunction(
                "BackfillLinksFunction",
                Duration.ofSeconds(10),
                256,
                handler,
                Clock.systemUTC(),
                new PrintStream(PrintStream.nullOutputStream()));
    }

    /** A typed handler: the runtime gives it an S3Event (a lambda would hide its type). */
    static final class KeyRecorder implements RequestHandler<S3Event, String> {
        final List<String> keys = new CopyOnWriteArrayList<>();

        @Override
        public String handleRequest(S3Event event, Context context) {
            keys.add(event.getRecords().getFirst().getS3().getObject().getUrlDecodedKey());
            return "ok";
        }
    }
}
