package dev.linkcrawl.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.bench.harness.DeadLetters;
import dev.linkcrawl.bench.harness.IndexScan;
import dev.linkcrawl.bench.harness.PageSite;
import dev.linkcrawl.bench.harness.PipelineQueues;
import dev.linkcrawl.bench.harness.QueueWatch;
import dev.linkcrawl.bench.harness.Reconciliation;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.local.DevStack;
import dev.linkcrawl.local.Endpoints;
import dev.linkcrawl.local.lambda.InvocationLog;
import dev.linkcrawl.local.s3.LocalS3;
import dev.linkcrawl.local.sqs.LocalSqs;
import dev.linkcrawl.local.sqs.SqsEventSourcePoller;
import dev.linkcrawl.url.HostPort;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code ./linkcrawl bench fairness}: one owner's flood of slow links against another owner's
 * ordinary saves, on the dev stack of the template, with fairness on and then off.
 *
 * <p>Each run starts its own stack (fetch deadline {@code --deadline-ms}, default 5 s) beside a
 * loopback site whose {@code /tarpit/} pages never answer until released. After a small warm-up
 * flood from a third owner ({@link #warmUp}), owner {@code bob} first saves an ordinary page every
 * second through {@code POST /links} alone ({@code --idle-seconds}, the idle latencies); then owner
 * {@code alice} floods: {@code --flood} tarpit links through the API (8 at a time, past her daily
 * limit, so some are refused) and an import of {@code --import-links} tarpit links; while the flood
 * is queued, bob saves an ordinary page every second for {@code --seconds}. A save's latency runs
 * from its 202 to the moment its document is in the index as {@code crawled} (read in real time
 * from OpenSearch every 20 ms). Then the tarpit is released, the queues drain, and every accepted
 * link is looked for as a document or a dead letter ({@code lost} must be 0).
 *
 * <p>"On" is the template as deployed: fair delivery ({@link SqsEventSourcePoller.Delivery#FAIR})
 * and the owners' shares of crawls ({@code CrawlMaxPerOwner}, {@code BackfillMaxPerOwner}).
 * "fair-only" keeps fair delivery without the shares (both parameters 0): what SQS fair queues do
 * alone. "Off" delivers in arrival order with no share. Both runs shorten the retry delays to 1, 2,
 * 4, 8 s ({@code RETRY_DELAYS_SECONDS}) so the flood drains in minutes, not hours; the victim's
 * figures do not depend on them.
 *
 * <p>The local SQS keeps its messages in memory here unless {@code --durable-queues}: the dev stack
 * writes each queue operation to disk before answering (so a kill loses nothing), and on a small
 * machine those writes, paid by the same cores as the functions, become the queue's bottleneck
 * under a flood, a cost SQS does not put on the functions.
 */
@Command(
        name = "fairness",
        mixinStandardHelpOptions = true,
        description =
                "One owner's flood of tarpit links against another owner's saves, fairness on"
                        + " and off.")
public final class FairnessBench implements Callable<Integer> {

    static final String FLOODER = "alice";
    static final String VICTIM = "bob";
    static final String WARM_UP_OWNER = "carol";

    /** Tarpit links of the warm-up through the API. */
    static final int WARM_UP_LINKS = 100;

    /** Tarpit links of the warm-up's import. */
    static final int WARM_UP_IMPORT_LINKS = 20;

    /** How long the warm-up's tarpit holds. */
    static final Duration WARM_UP_HOLD = Duration.ofSeconds(15);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** API Gateway's answer to a request past a route's throttle. */
    static final String THROTTLED = "{\"message\":\"Too Many Requests\"}";

    @Option(names = "--seconds", defaultValue = "60", description = "Victim saves, one a second.")
    int seconds;

    @Option(
            names = "--idle-seconds",
            defaultValue = "60",
            description = "Victim saves alone first, one a second (default ${DEFAULT-VALUE}).")
    int idleSeconds;

    @Option(
            names = "--flood",
            defaultValue = "1200",
            description = "Tarpit links the flooder posts (default ${DEFAULT-VALUE}).")
    int flood;

    @Option(
            names = "--import-links",
            defaultValue = "5000",
            description = "Tarpit links in the flooder's import (default ${DEFAULT-VALUE}).")
    int importLinks;

    @Option(names = "--deadline-ms", defaultValue = "5000", description = "Fetch deadline.")
    int deadlineMs;

    @Option(
            names = "--modes",
            split = ",",
            defaultValue = "on,fair-only,off",
            description = "Which runs, in order: on, fair-only, off (default ${DEFAULT-VALUE}).")
    List<String> modes;

    @Option(
            names = "--wait-minutes",
            defaultValue = "15",
            description = "Longest wait for one victim save, and for the drain.")
    int waitMinutes;

    @Option(
            names = "--durable-queues",
            description = "Queue messages written to disk, as ./linkcrawl dev does.")
    boolean durableQueues;

    private final PrintStream out;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    FairnessBench(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        int code = new CommandLine(new FairnessBench(System.out)).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The figures of one run. */
    record Row(
            String fairness,
            double idleP50Ms,
            double idleP99Ms,
            double victimP50Ms,
            double victimP99Ms,
            int flooderAccepted,
            int flooderRefused,
            int victimSaves,
            int flooderThrottled,
            int victimThrottled,
            int lost,
            int deadLetters,
            long drainSeconds) {

        double ratio() {
            return idleP99Ms == 0 ? 0 : victimP99Ms / idleP99Ms;
        }

        ObjectNode json() {
            ObjectNode node = JSON.createObjectNode();
            node.put("victimP50Ms", round(victimP50Ms));
            node.put("victimP99Ms", round(victimP99Ms));
            node.put("idleP99Ms", round(idleP99Ms));
            node.put("ratio", round(ratio()));
            node.put("flooderAccepted", flooderAccepted);
            node.put("flooderRefused", flooderRefused);
            node.put("lost", lost);
            node.put("idleP50Ms", round(idleP50Ms));
            node.put("victimSaves", victimSaves);
            node.put("flooderThrottled", flooderThrottled);
            node.put("victimThrottled", victimThrottled);
            node.put("deadLetters", deadLetters);
            node.put("drainSeconds", drainSeconds);
            return node;
        }
    }

    @Override
    public Integer call() throws Exception {
        for (String mode : modes) {
            if (!List.of("on", "fair-only", "off").contains(mode)) {
                throw new CommandLine.ParameterException(
                        new CommandLine(this),
                        "--modes: each is on, fair-only or off, not " + mode);
            }
        }
        out.printf(
                "fairness: %s posts %d tarpit links and imports %d while %s saves an ordinary page"
                        + " every second for %d s (after %d s alone); fetch deadline %d ms; queues %s; %d"
                        + " cores shared by everything%n",
                FLOODER,
                flood,
                importLinks,
                VICTIM,
                seconds,
                idleSeconds,
                deadlineMs,
                durableQueues ? "on disk" : "in memory",
                Runtime.getRuntime().availableProcessors());
        List<Row> rows = new ArrayList<>();
        for (String mode : modes) {
            try {
                rows.add(run(mode));
            } catch (Exception e) {
                // OpenSearch has taken System.err over: say it where it is read.
                out.println("fairness " + mode + " failed: " + e);
                e.printStackTrace(out);
                return 1;
            }
        }
        out.println();
        out.printf(
                "%-9s %10s %10s %10s %10s %7s %9s %8s %5s %5s %7s%n",
                "fairness",
                "idle p50",
                "idle p99",
                "victim p50",
                "victim p99",
                "ratio",
                "accepted",
                "refused",
                "lost",
                "dlq",
                "drain s");
        for (Row row : rows) {
            out.printf(
                    "%-9s %10.0f %10.0f %10.0f %10.0f %7.2f %9d %8d %5d %5d %7d%n",
                    row.fairness(),
                    row.idleP50Ms(),
                    row.idleP99Ms(),
                    row.victimP50Ms(),
                    row.victimP99Ms(),
                    row.ratio(),
                    row.flooderAccepted(),
                    row.flooderRefused(),
                    row.lost(),
                    row.deadLetters(),
                    row.drainSeconds());
        }
        ObjectNode line = JSON.createObjectNode();
        line.put("bench", "fairness");
        line.put("deadlineMs", deadlineMs);
        line.put("durableQueues", durableQueues);
        line.put("cores", Runtime.getRuntime().availableProcessors());
        for (Row row : rows) {
            if (row.fairness().equals("on")) {
                line.setAll(row.json());
            } else {
                line.set(row.fairness().equals("off") ? "off" : "fairOnly", row.json());
            }
        }
        out.println(line);
        return 0;
    }

    private Row run(String mode) throws Exception {
        Path state = Files.createTempDirectory("linkcrawl-bench-fairness-" + mode + "-");
        Path logFile = state.resolve("bench-fairness.log");
        out.printf("%nfairness %s: stack under %s%n", mode, state);
        try (PageSite site = PageSite.start(0);
                PrintStream log = new PrintStream(Files.newOutputStream(logFile), true);
                DevStack stack =
                        DevStack.start(
                                options(state, site, mode),
                                new InvocationLog(log),
                                Clock.systemUTC());
                SqsClient sqs = LocalSqs.client(stack.endpoints().sqsEndpoint());
                S3Client s3 = LocalS3.client(stack.endpoints().s3Endpoint())) {
            Endpoints endpoints = stack.endpoints();
            Saves saves = new Saves(endpoints, site);
            String bucket = endpoints.buckets().values().iterator().next().bucketName();

            warmUp(saves, site, s3, bucket, endpoints);
            site.hold(path -> path.startsWith("/tarpit/"));
            saves.victim(5, "warm"); // first connections and classes, not measured
            CpuUse idleCpu = CpuUse.start();
            List<Double> idle = saves.victim(idleSeconds, "idle");
            out.printf(
                    "  idle: %d saves, p50 %.0f ms, p99 %.0f ms; %s%n",
                    idle.size(), percentile(idle, 0.50), percentile(idle, 0.99), idleCpu.end());

            ExecutorService flooders = Executors.newFixedThreadPool(8);
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            Set<String> acceptedIds = ConcurrentHashMap.newKeySet();
            List<Future<?>> posts = new ArrayList<>();
            for (int i = 0; i < flood; i++) {
                String url = site.url("/tarpit/api/" + i).toString();
                posts.add(
                        flooders.submit(
                                () -> {
                                    HttpResponse<String> answer = saves.post(FLOODER, url);
                                    if (answer.statusCode() == 202) {
                                        accepted.incrementAndGet();
                                        acceptedIds.add(id(answer.body()));
                                    } else if (answer.statusCode() == 429) {
                                        refused.incrementAndGet();
                                    }
                                    return null;
                                }));
            }
            List<String> importUrls =
                    IntStream.range(0, importLinks)
                            .mapToObj(i -> site.url("/tarpit/import/" + i).toString())
                            .toList();
            String importKey = "imports/" + FLOODER + "/flood.txt";
            s3.putObject(
                    put -> put.bucket(bucket).key(importKey),
                    RequestBody.fromString(String.join("\n", importUrls) + "\n"));
            Thread.sleep(2_000); // the flood is queued and holds the crawls
            CpuUse victimCpu = CpuUse.start();
            List<Double> victim = saves.victim(seconds, "victim");
            String victimCpuUse = victimCpu.end();
            for (Future<?> post : posts) {
                post.get(5, TimeUnit.MINUTES);
            }
            flooders.shutdown();
            JsonNode importResult = awaitImportResult(s3, bucket, importKey);
            int importAccepted = importResult.path("accepted").asInt();
            out.printf(
                    "  flood: %d accepted and %d refused through the API, %d imported; victim: %d"
                            + " saves, p50 %.0f ms, p99 %.0f ms; %s%n",
                    accepted.get(),
                    refused.get(),
                    importAccepted,
                    victim.size(),
                    percentile(victim, 0.50),
                    percentile(victim, 0.99),
                    victimCpuUse);
            out.printf("  victim, slowest save of each 10 s: %s ms%n", slowestByTen(victim));
            out.printf(
                    "  answered 429 by the API's throttle (50 a second, bursts of 100, as deployed)"
                            + " and sent again: %s %d times, %s %d times%n",
                    FLOODER, saves.throttled(FLOODER), VICTIM, saves.throttled(VICTIM));

            site.release();
            long drainStarted = System.nanoTime();
            PipelineQueues queues = PipelineQueues.of(sqs, endpoints.queues().values());
            new QueueWatch(sqs, queues.work()).awaitSettled(Duration.ofMinutes(waitMinutes));
            long drainSeconds = (System.nanoTime() - drainStarted) / 1_000_000_000;

            Set<String> all = new java.util.TreeSet<>(acceptedIds);
            if (importAccepted == importLinks) {
                HostPort server = HostPort.parse(site.hostPort());
                importUrls.forEach(
                        url -> all.add(LinkId.of(FLOODER, LoopbackLink.of(url, server)).value()));
            }
            all.addAll(saves.victimIds());
            Set<String> documents =
                    new IndexScan(endpoints.openSearchEndpoint(), BenchServices.INDEX_NAME)
                            .byOwners(List.of(FLOODER, VICTIM))
                            .keySet();
            Set<String> deadLetters =
                    new DeadLetters(sqs, queues.deadLetters())
                            .read(false).stream()
                                    .map(DeadLetters.DeadLetter::key)
                                    .collect(Collectors.toSet());
            Reconciliation reconciliation =
                    new Reconciliation(all, documents, deadLetters, Set.of());
            out.printf(
                    "  %s%n",
                    reconciliation.line("fairness-" + mode, Duration.ofSeconds(drainSeconds)));
            return new Row(
                    mode,
                    percentile(idle, 0.50),
                    percentile(idle, 0.99),
                    percentile(victim, 0.50),
                    percentile(victim, 0.99),
                    accepted.get() + importAccepted,
                    refused.get() + (importLinks - importAccepted),
                    victim.size(),
                    saves.throttled(FLOODER),
                    saves.throttled(VICTIM),
                    reconciliation.lost().size(),
                    deadLetters.size(),
                    drainSeconds);
        }
    }

    private DevStack.Options options(Path state, PageSite site, String mode) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("FetchDeadlineMs", Integer.toString(deadlineMs));
        boolean fair = !mode.equals("off");
        if (!mode.equals("on")) {
            parameters.put("CrawlMaxPerOwner", "0");
            parameters.put("BackfillMaxPerOwner", "0");
        }
        DevStack.Options options =
                new DevStack.Options(
                                Path.of(System.getProperty("linkcrawl.home", "."))
                                        .resolve("template.yaml"),
                                state,
                                0,
                                0,
                                0,
                                0,
                                parameters,
                                Map.of(
                                        "ALLOWED_PRIVATE_HOSTS",
                                        site.hostPort(),
                                        "RETRY_DELAYS_SECONDS",
                                        "1,2,4,8"),
                                true)
                        .withDelivery(
                                fair
                                        ? SqsEventSourcePoller.Delivery.FAIR
                                        : SqsEventSourcePoller.Delivery.ARRIVAL_ORDER);
        return durableQueues ? options : options.withMemoryQueues();
    }

    /**
     * A small flood from a third owner before anything is measured, so the code a flood runs
     * (places taken, fetches preempted, copies put back, an import's fan-out) is compiled before
     * the victim's first save meets it, as the idle path is by the warm saves: on two cores the JIT
     * otherwise bills the first seconds of the flood to the victim. Its links live under another
     * path, answered once the warm-up ends, and nothing is measured before every one of them is
     * crawled: put back for later, they would otherwise be crawled during the measured phases. The
     * import is smaller than the posts, as the backfill queue's two places put its overflow back
     * five times further apart.
     */
    private void warmUp(Saves saves, PageSite site, S3Client s3, String bucket, Endpoints endpoints)
            throws Exception {
        site.hold(path -> path.startsWith("/warm-tarpit/"));
        ExecutorService posters = Executors.newFixedThreadPool(8);
        List<Future<?>> posts = new ArrayList<>();
        for (int i = 0; i < WARM_UP_LINKS; i++) {
            String url = site.url("/warm-tarpit/api/" + i).toString();
            posts.add(posters.submit(() -> saves.post(WARM_UP_OWNER, url)));
        }
        String importKey = "imports/" + WARM_UP_OWNER + "/warm-up.txt";
        s3.putObject(
                put -> put.bucket(bucket).key(importKey),
                RequestBody.fromString(
                        IntStream.range(0, WARM_UP_IMPORT_LINKS)
                                        .mapToObj(
                                                i ->
                                                        site.url("/warm-tarpit/import/" + i)
                                                                .toString())
                                        .collect(Collectors.joining("\n"))
                                + "\n"));
        for (Future<?> post : posts) {
            post.get(2, TimeUnit.MINUTES);
        }
        posters.shutdown();
        Thread.sleep(WARM_UP_HOLD.toMillis());
        site.release();
        awaitImportResult(s3, bucket, importKey);
        IndexScan index = new IndexScan(endpoints.openSearchEndpoint(), BenchServices.INDEX_NAME);
        long end = System.nanoTime() + Duration.ofMinutes(waitMinutes).toNanos();
        while (index.byOwners(List.of(WARM_UP_OWNER)).values().stream()
                                .filter(link -> link.status().equals("crawled"))
                                .count()
                        < WARM_UP_LINKS + WARM_UP_IMPORT_LINKS
                && System.nanoTime() < end) {
            Thread.sleep(1_000);
        }
    }

    private JsonNode awaitImportResult(S3Client s3, String bucket, String key) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(waitMinutes).toNanos();
        while (System.nanoTime() < end) {
            try {
                JsonNode result =
                        JSON.readTree(
                                s3.getObjectAsBytes(
                                                get -> get.bucket(bucket).key(key + ".result.json"))
                                        .asByteArray());
                if (result.has("accepted")) { // not the marker written when reading begins
                    return result;
                }
            } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
                // not yet begun
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the import of " + key + " wrote no result");
    }

    /** The victim's saves, and the API calls both owners make. */
    private final class Saves {
        private final Endpoints endpoints;
        private final PageSite site;
        private final Set<String> victimIds = ConcurrentHashMap.newKeySet();
        private final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();
        private final AtomicInteger pages = new AtomicInteger();

        Saves(Endpoints endpoints, PageSite site) {
            this.endpoints = endpoints;
            this.site = site;
        }

        Set<String> victimIds() {
            return victimIds;
        }

        /** How many of {@code owner}'s posts the API's throttle answered 429 (each sent again). */
        int throttled(String owner) {
            return throttled.getOrDefault(owner, new AtomicInteger()).get();
        }

        /**
         * Posts {@code url} for {@code owner}; a post the API's throttle answers 429 is sent again
         * after 100 to 200 ms, as API Gateway asks of a client it throttles. The daily limit's 429
         * (a problem naming the limit) is an answer, not sent again.
         */
        HttpResponse<String> post(String owner, String url)
                throws IOException, InterruptedException {
            while (true) {
                HttpResponse<String> answer = postOnce(owner, url);
                if (answer.statusCode() != 429 || !answer.body().equals(THROTTLED)) {
                    return answer;
                }
                throttled.computeIfAbsent(owner, o -> new AtomicInteger()).incrementAndGet();
                Thread.sleep(100 + ThreadLocalRandom.current().nextInt(100));
            }
        }

        private HttpResponse<String> postOnce(String owner, String url)
                throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(endpoints.apiUrl().resolve("/links"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + owner)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /**
         * One save a second for {@code count} seconds; each latency from its 202 to its document,
         * in milliseconds.
         */
        List<Double> victim(int count, String phase) throws Exception {
            ExecutorService waits = Executors.newVirtualThreadPerTaskExecutor();
            List<Future<Double>> latencies = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + TimeUnit.SECONDS.toNanos(i);
                long sleep = due - System.nanoTime();
                if (sleep > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                }
                String url =
                        site.url("/page/" + VICTIM + "/" + phase + "/" + pages.incrementAndGet())
                                .toString();
                HttpResponse<String> answer = post(VICTIM, url);
                long accepted = System.nanoTime();
                if (answer.statusCode() != 202) {
                    throw new IllegalStateException(
                            "the victim's save was answered "
                                    + answer.statusCode()
                                    + ": "
                                    + answer.body());
                }
                String id = id(answer.body());
                victimIds.add(id);
                latencies.add(waits.submit(() -> awaitCrawled(id, accepted)));
            }
            List<Double> millis = new ArrayList<>();
            for (Future<Double> latency : latencies) {
                millis.add(latency.get());
            }
            waits.shutdown();
            return millis;
        }

        private double awaitCrawled(String id, long accepted) throws Exception {
            URI doc =
                    endpoints
                            .openSearchEndpoint()
                            .resolve("/" + BenchServices.INDEX_NAME + "/_doc/" + id);
            long end = accepted + TimeUnit.MINUTES.toNanos(waitMinutes);
            while (System.nanoTime() < end) {
                HttpResponse<String> answer =
                        http.send(
                                HttpRequest.newBuilder(doc).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200
                        && JSON.readTree(answer.body())
                                .path("_source")
                                .path("status")
                                .asText()
                                .equals("crawled")) {
                    return (System.nanoTime() - accepted) / 1e6;
                }
                Thread.sleep(20);
            }
            return (end - accepted) / 1e6;
        }
    }

    /**
     * The CPU this process (functions, queues, OpenSearch, S3, the bench) used over a phase, beside
     * what the machine offered: how hard the flood works the cores the victim shares.
     */
    private record CpuUse(long cpuNanos, long wallNanos) {
        static CpuUse start() {
            return new CpuUse(processCpuNanos(), System.nanoTime());
        }

        String end() {
            double cpu = (processCpuNanos() - cpuNanos) / 1e9;
            double wall = (System.nanoTime() - wallNanos) / 1e9;
            int cores = Runtime.getRuntime().availableProcessors();
            return String.format(
                    "CPU %.1f s in %.0f s (%.0f%% of %d cores)",
                    cpu, wall, 100 * cpu / (wall * cores), cores);
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean)
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }

    private static String id(String body) {
        try {
            return JSON.readTree(body).get("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException("a 202 without an id: " + body, e);
        }
    }

    /**
     * The slowest of each ten saves in order (one a second: each 10 s of the phase), which shows
     * whether the worst waits came with the flood's start or lasted.
     */
    static String slowestByTen(List<Double> latencies) {
        List<String> slowest = new ArrayList<>();
        for (int from = 0; from < latencies.size(); from += 10) {
            double max =
                    latencies.subList(from, Math.min(from + 10, latencies.size())).stream()
                            .mapToDouble(Double::doubleValue)
                            .max()
                            .orElse(0);
            slowest.add(String.format(java.util.Locale.ROOT, "%.0f", max));
        }
        return String.join(", ", slowest);
    }

    static double percentile(List<Double> values, double fraction) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return PhaseSummary.percentile(sorted, fraction);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
