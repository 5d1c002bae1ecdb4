package dev.linkcrawl.bench.harness;

import dev.linkcrawl.local.Endpoints;
import dev.linkcrawl.local.sqs.LocalSqs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Load against a running {@code ./linkcrawl dev}: many clients save links for a while, then it
 * waits for the pipeline to settle and checks that every 202 became a document or a dead letter. It
 * serves the pages itself on {@code 127.0.0.1:<--site-port>}, so start dev with that pair exempt:
 *
 * <pre>
 * ./linkcrawl dev --env ALLOWED_PRIVATE_HOSTS=127.0.0.1:8181 &amp;
 * java -cp "$(ls local/bench/target/local-bench-*.jar | grep -v tests):$(cat local/bench/target/classpath.txt)" \
 *   dev.linkcrawl.bench.harness.LoadTest --clients 200 --seconds 60 --site-port 8181
 * </pre>
 *
 * Prints one {@code load …} line (requests/s, p50, p99, 5xx), one {@code settled …} line and one
 * {@code scenario=load …} line (accepted, documents, dead letters, lost). Exits 0 only with zero
 * 5xx and zero lost links. Dead letters are read, never removed.
 */
@Command(
        name = "loadtest",
        mixinStandardHelpOptions = true,
        description =
                "Submits links from many clients to a running ./linkcrawl dev, then checks"
                        + " that none was lost.")
public final class LoadTest implements Callable<Integer> {

    @Option(
            names = "--state",
            defaultValue = ".linkcrawl",
            description = "The state folder of the running dev (default ${DEFAULT-VALUE}).")
    Path state;

    @Option(
            names = "--clients",
            defaultValue = "200",
            description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--seconds",
            defaultValue = "60",
            description = "How long the clients submit (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--site-port",
            defaultValue = "8181",
            description =
                    "Port of the page server on 127.0.0.1; dev must exempt it with --env"
                            + " ALLOWED_PRIVATE_HOSTS=127.0.0.1:<port> (default ${DEFAULT-VALUE}).")
    int sitePort;

    @Option(
            names = "--index",
            defaultValue = "links",
            description = "The index the crawl function writes (default ${DEFAULT-VALUE}).")
    String index;

    @Option(
            names = "--settle-seconds",
            defaultValue = "900",
            description = "Longest wait for the queues to drain (default ${DEFAULT-VALUE}).")
    int settleSeconds;

    private final PrintStream out;

    LoadTest(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        System.exit(new CommandLine(new LoadTest(out)).execute(args));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Endpoints endpoints = Endpoints.read(state);
        String run = "load-" + Instant.now().getEpochSecond();
        try (PageSite site = PageSite.start(sitePort);
                SqsClient sqs = LocalSqs.client(endpoints.sqsEndpoint())) {
            LoadGenerator generator = new LoadGenerator(endpoints.apiUrl(), site, run);
            LoadResult load = generator.run(clients, Duration.ofSeconds(seconds));
            out.println(load.line());

            PipelineQueues queues = PipelineQueues.of(sqs, endpoints.queues().values());
            Reconciliation reconciliation;
            long settleStart = System.nanoTime();
            try {
                Duration settled =
                        new QueueWatch(sqs, queues.work())
                                .awaitSettled(Duration.ofSeconds(settleSeconds));
                out.printf("settled in %d ms%n", settled.toMillis());
            } catch (TimeoutException e) {
                out.println("not settled: " + e.getMessage());
            }
            Set<String> owners =
                    IntStream.range(0, clients)
                            .mapToObj(generator::owner)
                            .collect(Collectors.toSet());
            Map<String, IndexScan.IndexedLink> documents =
                    new IndexScan(endpoints.openSearchEndpoint(), index).byOwners(owners);
            List<DeadLetters.DeadLetter> letters =
                    new DeadLetters(sqs, queues.deadLetters()).read(false);
            reconciliation = reconcile(load, owners, documents, letters);
            long failed =
                    documents.values().stream()
                            .filter(doc -> doc.status().equals("failed"))
                            .count();
            out.println(
                    reconciliation.line("load", Duration.ofNanos(System.nanoTime() - settleStart))
                            + " failed_documents="
                            + failed);
            boolean ok = load.serverErrors() == 0 && reconciliation.lost().isEmpty();
            return ok ? 0 : 1;
        }
    }

    /**
     * The run's promise: every 202 id is a document or a dead letter of the run's {@code owners}; a
     * document whose link got no answer (the connection failed) is neither lost nor unexpected.
     */
    public static Reconciliation reconcile(
            LoadResult load,
            Set<String> owners,
            Map<String, IndexScan.IndexedLink> documents,
            List<DeadLetters.DeadLetter> letters) {
        Set<String> unansweredUrls =
                load.unanswered().stream()
                        .map(LoadResult.Submitted::url)
                        .collect(Collectors.toSet());
        return new Reconciliation(
                load.accepted().stream().map(LoadResult.Accepted::id).collect(Collectors.toSet()),
                documents.keySet(),
                letters.stream()
                        .filter(letter -> letter.owner().filter(owners::contains).isPresent())
                        .map(DeadLetters.DeadLetter::key)
                        .collect(Collectors.toSet()),
                documents.values().stream()
                        .filter(document -> unansweredUrls.contains(document.url()))
                        .map(IndexScan.IndexedLink::id)
                        .collect(Collectors.toSet()));
    }
}
