package dev.linkcrawl.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.local.api.ApiGatewayEmulator.Target;
import dev.linkcrawl.local.lambda.InvocationLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The whole dev stack from the real template on free ports, with its state in a temporary folder: a
 * link posted to the API lands on CrawlQueue, {@code invoke} runs a function against the same
 * services, and the queue keeps the messages across a restart.
 */
class LocalDevIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir Path state;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final InvocationLog log =
            new InvocationLog(new PrintStream(logged, true, StandardCharsets.UTF_8));

    @Test
    @Timeout(90)
    void postedLinkReachesTheCrawlQueueAndStaysThereAcrossARestart() throws Exception {
        List<String> bodies = new ArrayList<>();
        boolean crawlerBuilt;
        // The crawler consumes the posted link: it must be on loopback, never on the network.
        try (LoopbackSite site = new LoopbackSite(Duration.ZERO);
                DevStack stack = DevStack.start(options(site), log, Clock.systemUTC())) {
            String posted = site.url("/posted");
            assertThat(stack.functions().get("SubmitLinkFunction"))
                    .isInstanceOf(Target.Ready.class);
            crawlerBuilt = stack.functions().get("CrawlLinkFunction") instanceof Target.Ready;
            assertThat(Endpoints.read(state).apiUrl()).isEqualTo(stack.endpoints().apiUrl());

            HttpResponse<String> response =
                    HTTP.send(
                            HttpRequest.newBuilder(stack.endpoints().apiUrl().resolve("/links"))
                                    .timeout(Duration.ofSeconds(20))
                                    .header("Authorization", "Bearer alice")
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"url\":\"" + posted + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(202);

            if (crawlerBuilt) {
                // Once CrawlLinkHandler exists its poller consumes the message instead.
                awaitLog("SQS CrawlQueue", Duration.ofSeconds(20));
                return;
            }
            String crawlQueue = stack.endpoints().queues().get("CrawlQueue").url();
            try (SqsClient sqs =
                    dev.linkcrawl.local.sqs.LocalSqs.client(stack.endpoints().sqsEndpoint())) {
                List<Message> messages =
                        sqs.receiveMessage(
                                        r ->
                                                r.queueUrl(crawlQueue)
                                                        .maxNumberOfMessages(10)
                                                        .waitTimeSeconds(2)
                                                        .visibilityTimeout(0))
                                .messages();
                assertThat(messages).hasSize(1);
                JsonNode message = JSON.readTree(messages.getFirst().body());
                assertThat(message.get("owner").asText()).isEqualTo("alice");
                assertThat(message.get("url").asText()).isEqualTo(posted);
                bodies.add(messages.getFirst().body());
            }

            InvokeResult invoked = invoke("SubmitLinkFunction", "../events/submit-link/valid.json");
            assertThat(invoked.exitCode()).isZero();
            assertThat(invoked.out().lines().toList()).hasSize(1);
            assertThat(JSON.readTree(invoked.out()).get("statusCode").asInt()).isEqualTo(202);
        }
        assertThat(Files.exists(Endpoints.file(state)))
                .as("a clean stop removes endpoints.json")
                .isFalse();

        try (DevStack restarted = DevStack.start(options(null), log, Clock.systemUTC());
                SqsClient sqs =
                        dev.linkcrawl.local.sqs.LocalSqs.client(
                                restarted.endpoints().sqsEndpoint())) {
            String crawlQueue = restarted.endpoints().queues().get("CrawlQueue").url();
            List<String> after = new ArrayList<>();
            for (int attempt = 0; attempt < 5 && after.size() < 2; attempt++) {
                sqs.receiveMessage(
                                r ->
                                        r.queueUrl(crawlQueue)
                                                .maxNumberOfMessages(10)
                                                .waitTimeSeconds(1))
                        .messages()
                        .forEach(message -> after.add(message.body()));
            }
            assertThat(after).hasSize(2).contains(bodies.getFirst());
        }
    }

    @Test
    @Timeout(30)
    void invokeWithoutARunningDevSaysToStartItFirst() {
        InvokeResult invoked = invoke("SubmitLinkFunction", "../events/submit-link/valid.json");

        assertThat(invoked.exitCode()).isEqualTo(1);
        assertThat(invoked.err()).contains("start ./linkcrawl dev first");
        assertThat(invoked.out()).isEmpty();
    }

    private DevStack.Options options(LoopbackSite site) {
        return new DevStack.Options(
                Path.of("../template.yaml"),
                state,
                0,
                0,
                0,
                0,
                Map.of(),
                site == null ? Map.of() : Map.of("ALLOWED_PRIVATE_HOSTS", site.hostPort()));
    }

    private record InvokeResult(int exitCode, String out, String err) {}

    private InvokeResult invoke(String function, String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setProperty("linkcrawl.home", "..");
        System.setProperty("linkcrawl.state", state.toString());
        try {
            int code =
                    Main.execute(
                            new Console(
                                    new PrintStream(out, true, StandardCharsets.UTF_8),
                                    new PrintStream(err, true, StandardCharsets.UTF_8)),
                            "invoke",
                            function,
                            "--event",
                            event);
            return new InvokeResult(
                    code,
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.clearProperty("linkcrawl.home");
            System.clearProperty("linkcrawl.state");
        }
    }

    private void awaitLog(String text, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!logged.toString(StandardCharsets.UTF_8).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no log line with " + text);
            }
            Thread.sleep(100);
        }
    }
}
