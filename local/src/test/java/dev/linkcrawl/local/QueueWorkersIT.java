package dev.linkcrawl.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.local.lambda.InvocationLog;
import dev.linkcrawl.local.sqs.LocalSqs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A stack started without its queue consumers leaves a posted link on CrawlQueue; {@link
 * QueueWorkers} in a child JVM then crawl it, as the isolation benchmark runs them.
 */
class QueueWorkersIT {

    @TempDir Path state;

    @Test
    @Timeout(120)
    void childJvmCrawlsWhatTheStackLeftOnItsQueue() throws Exception {
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        Path childLog = state.resolve("crawl.log");
        try (LoopbackSite site = new LoopbackSite(Duration.ZERO)) {
            DevStack.Options options =
                    new DevStack.Options(
                            Path.of("../template.yaml"),
                            state.resolve("stack"),
                            0,
                            0,
                            0,
                            0,
                            Map.of(),
                            Map.of("ALLOWED_PRIVATE_HOSTS", site.hostPort()),
                            false);
            try (DevStack stack =
                            DevStack.start(
                                    options,
                                    new InvocationLog(
                                            new PrintStream(logged, true, StandardCharsets.UTF_8)),
                                    Clock.systemUTC());
                    SqsClient sqs = LocalSqs.client(stack.endpoints().sqsEndpoint())) {
                LinksApi api = new LinksApi(stack.endpoints().apiUrl(), site.hostPort());
                assertThat(api.post("alice", site.url("/queued")).accepted()).isTrue();
                // Longer than a poller's long poll: one running here would have taken it by now.
                Thread.sleep(2_000);
                assertThat(waiting(sqs, stack.endpoints().queues().get("CrawlQueue").url()))
                        .as("no consumer in the stack's process")
                        .isEqualTo(1);
                assertThat(site.requested()).isEmpty();

                try (QueueWorkers.Child child = QueueWorkers.startChild(options, childLog)) {
                    awaitRequested(site, "/queued", Duration.ofSeconds(60));
                    assertThat(child.process().pid()).isNotEqualTo(ProcessHandle.current().pid());
                }
            }
        }
        assertThat(Files.readString(childLog)).contains("CrawlLinkFunction");
    }

    private static int waiting(SqsClient sqs, String queueUrl) {
        return Integer.parseInt(
                sqs.getQueueAttributes(
                                request ->
                                        request.queueUrl(queueUrl)
                                                .attributeNames(
                                                        QueueAttributeName
                                                                .APPROXIMATE_NUMBER_OF_MESSAGES))
                        .attributes()
                        .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private static void awaitRequested(LoopbackSite site, String path, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!site.requested().contains(path)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the queue workers never fetched " + path);
            }
            Thread.sleep(100);
        }
    }
}
