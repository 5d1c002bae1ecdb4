package dev.linkcrawl.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.bench.harness.DeadLetters;
import dev.linkcrawl.bench.harness.IndexScan;
import dev.linkcrawl.bench.harness.LoadGenerator;
import dev.linkcrawl.bench.harness.LoadResult;
import dev.linkcrawl.bench.harness.LoadTest;
import dev.linkcrawl.bench.harness.PageSite;
import dev.linkcrawl.bench.harness.PipelineQueues;
import dev.linkcrawl.bench.harness.QueueWatch;
import dev.linkcrawl.bench.harness.Reconciliation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code ./linkcrawl dev} (a child JVM, its own OpenSearch, the real template) under many clients
 * saving distinct links to pages of a loopback {@link PageSite}: no answer is a 5xx, and once the
 * pipeline settles every 202's id is a document or a dead letter.
 *
 * <p>The build runs {@value #CLIENTS} clients for {@value #SECONDS} seconds. The full run (200
 * clients, 60 seconds) is the same test with {@code -Dlinkcrawl.load.clients=200
 * -Dlinkcrawl.load.seconds=60}; see the README. Work queues get a 10 s visibility timeout at run
 * time (the template's is 180 s) so that a crawl that failed transiently does not hold the settling
 * for minutes.
 */
class LoadIT {

    static final int CLIENTS = 50;
    static final int SECONDS = 10;

    @TempDir Path state;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void manyClientsGetNo5xxAndEveryAcceptedLinkIsIndexed() throws Exception {
        int clients = Integer.getInteger("linkcrawl.load.clients", CLIENTS);
        int seconds = Integer.getInteger("linkcrawl.load.seconds", SECONDS);
        try (PageSite site = PageSite.start(0);
                DevProcess dev =
                        new DevProcess(
                                state, Map.of("ALLOWED_PRIVATE_HOSTS", site.hostPort()), Map.of());
                SqsClient sqs = dev.start().sqsClient()) {
            dev.visibilityTimeout(sqs, 10);
            LoadGenerator generator = new LoadGenerator(dev.endpoints().apiUrl(), site, "load");

            LoadResult load = generator.run(clients, Duration.ofSeconds(seconds));
            System.out.println(load.line());

            long settleStart = System.nanoTime();
            PipelineQueues queues = dev.queues(sqs);
            Duration settled =
                    new QueueWatch(sqs, queues.work())
                            .awaitSettled(Duration.ofSeconds(Math.max(300, 10L * seconds)));
            Set<String> owners =
                    IntStream.range(0, clients)
                            .mapToObj(generator::owner)
                            .collect(Collectors.toSet());
            Map<String, IndexScan.IndexedLink> documents =
                    new IndexScan(dev.endpoints().openSearchEndpoint(), "links").byOwners(owners);
            List<DeadLetters.DeadLetter> letters =
                    new DeadLetters(sqs, queues.deadLetters()).read(false);
            Reconciliation reconciliation = LoadTest.reconcile(load, owners, documents, letters);
            long crawled =
                    documents.values().stream().filter(d -> d.status().equals("crawled")).count();
            System.out.println(
                    reconciliation.line("load", Duration.ofNanos(System.nanoTime() - settleStart))
                            + " settled_ms="
                            + settled.toMillis()
                            + " crawled="
                            + crawled
                            + " pages_served="
                            + site.served());

            assertThat(load.serverErrors()).as("5xx answers").isZero();
            assertThat(load.transportErrors()).as("requests without an answer").isZero();
            assertThat(load.accepted()).isNotEmpty();
            assertThat(reconciliation.lost()).as("lost links").isEmpty();
            assertThat(reconciliation.unexpected()).isEmpty();
            assertThat(crawled).as("pages were really crawled").isEqualTo(documents.size());
        }
    }
}
