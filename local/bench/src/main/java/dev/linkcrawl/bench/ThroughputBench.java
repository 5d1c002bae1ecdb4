package dev.linkcrawl.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.bench.harness.IndexScan;
import dev.linkcrawl.bench.harness.PageSite;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlMessageCodec;
import dev.linkcrawl.link.CrawlSource;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.link.TenantKey;
import dev.linkcrawl.local.DevStack;
import dev.linkcrawl.local.lambda.InvocationLog;
import dev.linkcrawl.local.sqs.LocalSqs;
import dev.linkcrawl.local.sqs.SqsEventSourcePoller;
import dev.linkcrawl.url.HostPort;
import dev.linkcrawl.url.LinkUrl;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * {@code ./linkcrawl bench throughput}: links crawled per second end to end through the local
 * runner, at each crawl concurrency of {@code --concurrency} (default 1, 4, 16, 64), and where the
 * time of a crawl goes.
 *
 * <p>One dev stack of the template runs throughout (ElasticMQ, OpenSearch, the crawl function
 * consuming {@code CrawlQueue}), with a site of article pages on loopback ({@link ArticlePages}).
 * Each pass of a level sets the queue's event source to that {@code MaximumConcurrency} (as
 * Lambda's {@code UpdateEventSourceMapping} would) and, for {@code --seconds} (default 10), puts
 * crawl messages straight on {@code CrawlQueue} with {@code SendMessageBatch} (the shared codec's
 * format, as the API would send them), keeping concurrency + {@value #BACKLOG_EXTRA} links
 * outstanding, so the consumer never waits for work and each link waits behind at most {@value
 * #BACKLOG_EXTRA} others; then it waits for the last ones. The levels run in order, then in reverse
 * ({@code --passes 2}), and each level's two passes are pooled: on two cores the JIT keeps
 * compiling for minutes, and a level run once, late, would be favoured. A warm-up (default 45 s at
 * concurrency {@value #WARM_UP_CONCURRENCY}) runs first and is not reported.
 *
 * <p>The crawl function writes one metrics line per crawl (Embedded Metric Format: queue wait,
 * fetch, extract, index, the whole crawl); the benchmark reads those lines from the runner's log as
 * they are written, so a link counts as indexed when its document was written. Each level reports
 * links a second from its first send to its last document indexed, the p50 and p99 of sent to
 * indexed, the mean of each stage, the time a slot spends per link outside the handler, and the CPU
 * the stack used. Afterwards the documents are counted in the index. Prints a table, then one JSON
 * line.
 */
@Command(
        name = "throughput",
        mixinStandardHelpOptions = true,
        description =
                "Links crawled per second through the local runner at several crawl"
                        + " concurrencies, and where the time goes.")
public final class ThroughputBench implements Callable<Integer> {

    static final String FUNCTION = "CrawlLinkFunction";
    static final String QUEUE = "CrawlQueue";

    /** Links outstanding beyond what the consumer holds: 10. */
    static final int BACKLOG_EXTRA = 10;

    static final int WARM_UP_CONCURRENCY = 64;

    /** How long a level waits for its last crawls once it stops sending: 30 seconds. */
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);

    private static final String INDEX = BenchServices.INDEX_NAME;

    @Option(
            names = "--concurrency",
            split = ",",
            defaultValue = "1,4,16,64",
            description = "The crawl concurrencies, in order (default ${DEFAULT-VALUE}).")
    List<Integer> levels;

    @Option(
            names = "--seconds",
            defaultValue = "10",
            description = "How long each pass of a level sends links (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(
            names = "--passes",
            defaultValue = "2",
            description =
                    "1: each level once, in order; 2: in order, then in reverse order, pooled"
                            + " (default ${DEFAULT-VALUE}).")
    int passes;

    @Option(
            names = "--warmup",
            defaultValue = "45",
            description =
                    "Unreported level at concurrency 64 first, in seconds (default ${DEFAULT-VALUE};"
                            + " 0 for none): the JIT, OpenSearch's caches, the first connections.")
    double warmUpSeconds;

    @Option(
            names = "--state",
            description = "State folder of the dev stack (default: a new temporary folder).")
    Path state;

    private final PrintStream out;
    private final CrawlMessageCodec codec = new CrawlMessageCodec();

    /** Links sent and not yet indexed, by link id: when each was sent. */
    private final Map<String, Long> pending = new ConcurrentHashMap<>();

    private final AtomicReference<List<LevelFigures.Crawled>> crawled =
            new AtomicReference<>(Collections.synchronizedList(new ArrayList<>()));

    /**
     * Links of the current pass whose crawl failed transiently: SQS redelivers them only after the
     * queue's visibility timeout (180 s), so a pass does not wait for them.
     */
    private final Set<String> redelivered = ConcurrentHashMap.newKeySet();

    /** The thread that sends links, woken when a crawl makes room for more. */
    private volatile Thread feeder;

    ThroughputBench(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        int code = run(System.out, args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs with {@code args} and returns the exit code; the JSON line is the last line printed. */
    static int run(PrintStream out, String... args) {
        // Captured before the OpenSearch node starts: it takes System.out over.
        return new CommandLine(new ThroughputBench(out)).execute(args);
    }

    /** Links kept outstanding at {@code concurrency}: twice as many, and 20 more. */
    static int backlog(int concurrency) {
        return concurrency + BACKLOG_EXTRA;
    }

    @Override
    public Integer call() throws Exception {
        for (int level : levels) {
            if (level < 1 || level > 1000) {
                throw new CommandLine.ParameterException(
                        new CommandLine(this), "--concurrency: each level must be from 1 to 1000");
            }
        }
        if (passes != 1 && passes != 2) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--passes must be 1 or 2");
        }
        long benchStarted = System.nanoTime();
        int cores = Runtime.getRuntime().availableProcessors();
        Path stateFolder = state != null ? state : Files.createTempDirectory("linkcrawl-bench-");
        Files.createDirectories(stateFolder);
        Path logFile = stateFolder.resolve("bench-throughput.log");
        double loadBefore = loadAverage();
        // Per level (in --concurrency order): its passes, and the owner of each pass's links.
        List<List<LevelFigures.Pass>> runs = new ArrayList<>();
        List<List<String>> owners = new ArrayList<>();
        levels.forEach(
                level -> {
                    runs.add(new ArrayList<>());
                    owners.add(new ArrayList<>());
                });
        Map<String, Integer> byOwner = new LinkedHashMap<>();
        ArticlePages articles = new ArticlePages();
        try (PageSite site = PageSite.start(0, articles::page);
                PrintStream log =
                        new PrintStream(
                                new LineTee(Files.newOutputStream(logFile), this::read), true)) {
            out.printf(
                    "throughput: %s consuming %s, links put on the queue with SendMessageBatch,"
                            + " concurrency + %d kept outstanding, %d pass(es) of %.0f s a level"
                            + " after a %.0f s warm-up; all of it (ElasticMQ, OpenSearch, the"
                            + " function, the page site, this benchmark) shares this machine's %d"
                            + " cores, so throughput stops growing where they run out (log: %s)%n",
                    FUNCTION, QUEUE, BACKLOG_EXTRA, passes, seconds, warmUpSeconds, cores, logFile);
            try (DevStack stack =
                            DevStack.start(
                                    new DevStack.Options(
                                            BenchFiles.home().resolve("template.yaml"),
                                            stateFolder,
                                            0,
                                            0,
                                            0,
                                            0,
                                            Map.of(
                                                    "CrawlMaxConcurrency",
                                                    String.valueOf(WARM_UP_CONCURRENCY),
                                                    // One owner's links at every level: the
                                                    // pipeline's capacity, not a flood to fence.
                                                    "CrawlMaxPerOwner",
                                                    "0"),
                                            Map.of(
                                                    "ALLOWED_PRIVATE_HOSTS",
                                                    site.hostPort(),
                                                    "ALLOWED_PORTS",
                                                    "80,443,8080,8443," + site.port())),
                                    new InvocationLog(log),
                                    Clock.systemUTC());
                    SqsClient sqs = LocalSqs.client(stack.endpoints().sqsEndpoint())) {
                out.printf(
                        "dev stack up in %.1f s%n",
                        stack.startupTimes().total().toMillis() / 1000.0);
                SqsEventSourcePoller consumer =
                        stack.eventSource(FUNCTION, QUEUE)
                                .orElseThrow(
                                        () ->
                                                new IllegalStateException(
                                                        FUNCTION
                                                                + " does not consume "
                                                                + QUEUE
                                                                + "; is functions/crawl-link"
                                                                + " built? See "
                                                                + logFile));
                Feed feed = new Feed(sqs, stack.endpoints().queues().get(QUEUE).url(), site);
                if (warmUpSeconds > 0) {
                    LevelFigures.Pass warm =
                            pass(consumer, feed, "warmup", WARM_UP_CONCURRENCY, warmUpSeconds);
                    out.printf(
                            "warm-up: %d links at concurrency %d, %.0f links/s, %d redelivered"
                                    + " (not reported)%n",
                            warm.crawled().size(),
                            WARM_UP_CONCURRENCY,
                            warm.linksPerSecond(),
                            warm.redelivered());
                }
                int run = 0;
                for (int index : order(levels.size(), passes)) {
                    int concurrency = levels.get(index);
                    // Each pass its own owner, so its documents are counted apart.
                    String owner = "bench-" + ++run + "-c" + concurrency;
                    owners.get(index).add(owner);
                    LevelFigures.Pass pass = pass(consumer, feed, owner, concurrency, seconds);
                    runs.get(index).add(pass);
                    out.printf(
                            "concurrency %d: %d links in %.1f s, %.1f links/s, CPU %.0f%%%n",
                            concurrency,
                            pass.crawled().size(),
                            pass.seconds(),
                            pass.linksPerSecond(),
                            pass.cpuPercent());
                }
                new IndexScan(stack.endpoints().openSearchEndpoint(), INDEX)
                        .byOwners(owners.stream().flatMap(List::stream).toList()).values().stream()
                                .filter(document -> document.status().equals("crawled"))
                                .forEach(
                                        document ->
                                                byOwner.merge(document.owner(), 1, Integer::sum));
            }
        }
        double loadAfter = loadAverage();
        List<LevelFigures> figures = new ArrayList<>();
        List<Integer> documents = new ArrayList<>();
        boolean allIndexed = true;
        for (int i = 0; i < levels.size(); i++) {
            figures.add(LevelFigures.of(levels.get(i), runs.get(i)));
            documents.add(
                    owners.get(i).stream().mapToInt(owner -> byOwner.getOrDefault(owner, 0)).sum());
            allIndexed &= documents.get(i) == figures.get(i).links();
        }
        printTable(figures, documents, cores, loadBefore, loadAfter);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bench", "throughput");
        json.put("cores", cores);
        json.put("benchSeconds", Math.round((System.nanoTime() - benchStarted) / 1e9));
        json.put("passSeconds", seconds);
        json.put("passes", passes);
        json.put("warmUpSeconds", warmUpSeconds);
        json.put("backlog", "concurrency + " + BACKLOG_EXTRA);
        json.put("loadAverageBefore", DeadlineBench.round(loadBefore));
        json.put("loadAverageAfter", DeadlineBench.round(loadAfter));
        List<Map<String, Object>> levelJson = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            LevelFigures f = figures.get(i);
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("concurrency", f.concurrency());
            level.put("links", f.links());
            level.put("seconds", DeadlineBench.round(f.seconds()));
            level.put("linksPerSecond", DeadlineBench.round(f.linksPerSecond()));
            level.put("p50Ms", DeadlineBench.round(f.p50Ms()));
            level.put("p99Ms", DeadlineBench.round(f.p99Ms()));
            level.put("queueMs", DeadlineBench.round(f.queueMs()));
            level.put("fetchMs", DeadlineBench.round(f.fetchMs()));
            level.put("extractMs", DeadlineBench.round(f.extractMs()));
            level.put("indexMs", DeadlineBench.round(f.indexMs()));
            level.put("crawlMs", DeadlineBench.round(f.crawlMs()));
            level.put("runnerMs", DeadlineBench.round(f.runnerMs()));
            level.put("cpuPercent", DeadlineBench.round(f.cpuPercent()));
            level.put("redelivered", f.redelivered());
            level.put("documents", documents.get(i));
            level.put(
                    "passLinksPerSecond",
                    f.passLinksPerSecond().stream().map(DeadlineBench::round).toList());
            levelJson.add(level);
        }
        json.put("levels", levelJson);
        json.put("allIndexed", allIndexed);
        out.println(new ObjectMapper().writeValueAsString(json));
        return 0;
    }

    /**
     * The order of the level runs: each level once in order, then, with two passes, once more in
     * reverse, so that a machine still warming up (the JIT compiles for minutes on two cores)
     * favours no level: a drift that is linear in time cancels out of each level's sum.
     */
    static List<Integer> order(int levels, int passes) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            order.add(i);
        }
        if (passes == 2) {
            for (int i = levels - 1; i >= 0; i--) {
                order.add(i);
            }
        }
        return order;
    }

    /** One pass of a level: feed for {@code passSeconds}, then wait for the rest. */
    private LevelFigures.Pass pass(
            SqsEventSourcePoller consumer,
            Feed feed,
            String owner,
            int concurrency,
            double passSeconds)
            throws InterruptedException {
        consumer.maximumConcurrency(concurrency);
        List<LevelFigures.Crawled> done = Collections.synchronizedList(new ArrayList<>());
        crawled.set(done);
        feeder = Thread.currentThread();
        redelivered.clear();
        int backlog = backlog(concurrency);
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        long stopSending = started + Math.round(passSeconds * 1e9);
        long firstSent = -1;
        int sent = 0;
        while (System.nanoTime() < stopSending) {
            int room = backlog - (sent - done.size() - redelivered.size());
            if (room <= 0) {
                // Woken by each crawl indexed (read): polling here took a tenth of a core.
                LockSupport.parkNanos(Math.min(stopSending - System.nanoTime(), 50_000_000));
                continue;
            }
            int count = Math.min(10, room);
            long sentAt = feed.send(owner, sent, count);
            firstSent = firstSent < 0 ? sentAt : firstSent;
            sent += count;
        }
        long drainEnd = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (done.size() + redelivered.size() < sent && System.nanoTime() < drainEnd) {
            Thread.sleep(20);
        }
        long wall = System.nanoTime() - started;
        double cpuPercent =
                100.0
                        * (processCpuNanos() - cpuBefore)
                        / ((double) wall * Runtime.getRuntime().availableProcessors());
        if (done.size() + redelivered.size() < sent) {
            out.printf(
                    "(%s: %d of %d links neither indexed nor redelivered within %d s of the last"
                            + " send)%n",
                    owner, sent - done.size() - redelivered.size(), sent, DRAIN_LIMIT.toSeconds());
        }
        pending.clear();
        List<LevelFigures.Crawled> levelCrawled;
        synchronized (done) {
            levelCrawled = List.copyOf(done);
        }
        return new LevelFigures.Pass(
                levelCrawled,
                firstSent < 0 ? started : firstSent,
                wall,
                cpuPercent,
                redelivered.size());
    }

    /** Each line of the runner's log, as it is written: the crawl function's metrics lines. */
    private void read(String line) {
        long now = System.nanoTime();
        CrawlTiming.parse(line, now)
                .ifPresent(
                        timing -> {
                            if (!timing.indexed()) {
                                if (pending.containsKey(timing.linkId())) {
                                    redelivered.add(timing.linkId());
                                    wake();
                                }
                                return;
                            }
                            Long sentAt = pending.remove(timing.linkId());
                            if (sentAt != null) {
                                crawled.get().add(new LevelFigures.Crawled(sentAt, timing));
                                wake();
                            }
                        });
    }

    private void wake() {
        Thread waiting = feeder;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    private void printTable(
            List<LevelFigures> figures,
            List<Integer> documents,
            int cores,
            double loadBefore,
            double loadAfter) {
        out.printf(
                "%-11s %7s %8s %8s %8s | %7s %7s %7s %7s %7s %7s | %5s %8s  %s%n",
                "concurrency",
                "links",
                "links/s",
                "p50 ms",
                "p99 ms",
                "queue",
                "fetch",
                "extract",
                "index",
                "other",
                "runner",
                "CPU",
                "in index",
                "links/s by pass");
        for (int i = 0; i < figures.size(); i++) {
            LevelFigures f = figures.get(i);
            out.printf(
                    "%-11d %7d %8.1f %8.1f %8.1f | %7.1f %7.2f %7.2f %7.2f %7.2f %7.1f | %4.0f%% %8d  %s%n",
                    f.concurrency(),
                    f.links(),
                    f.linksPerSecond(),
                    f.p50Ms(),
                    f.p99Ms(),
                    f.queueMs(),
                    f.fetchMs(),
                    f.extractMs(),
                    f.indexMs(),
                    f.otherMs(),
                    f.runnerMs(),
                    f.cpuPercent(),
                    documents.get(i),
                    String.join(
                            " / ",
                            f.passLinksPerSecond().stream()
                                    .map(rate -> String.format(Locale.ROOT, "%.0f", rate))
                                    .toList()));
        }
        out.printf(
                "latency: sent to indexed; queue (sent to crawl start), fetch, extract, index: mean"
                        + " ms per crawl; other: the rest of the crawl in the handler; runner:"
                        + " concurrency / links/s - crawl, a slot's time per link outside the"
                        + " handler (receive, invoke, delete); CPU: the whole stack's, of %d"
                        + " cores; load average %.2f before, %.2f after%n",
                cores, loadBefore, loadAfter);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Puts crawl messages for article links on the crawl queue. */
    private final class Feed {
        private final SqsClient sqs;
        private final String queueUrl;
        private final PageSite site;
        private final HostPort server;

        Feed(SqsClient sqs, String queueUrl, PageSite site) {
            this.sqs = sqs;
            this.queueUrl = queueUrl;
            this.site = site;
            this.server = new HostPort("127.0.0.1", site.port());
        }

        /**
         * Sends links {@code from} to {@code from + count - 1} of {@code owner} in one batch.
         *
         * @return {@link System#nanoTime()} just before the batch was sent
         */
        long send(String owner, int from, int count) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>(count);
            List<String> ids = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                LinkUrl url =
                        LoopbackLink.of(
                                site.url("/" + owner + "/" + (from + i)).toString(), server);
                LinkId id = LinkId.of(owner, url);
                ids.add(id.value());
                entries.add(
                        SendMessageBatchRequestEntry.builder()
                                .id(Integer.toString(i))
                                .messageBody(
                                        codec.encode(
                                                new CrawlMessage(
                                                        id,
                                                        url.value(),
                                                        owner,
                                                        Instant.now(),
                                                        CrawlSource.API,
                                                        List.of("bench"),
                                                        null)))
                                .messageGroupId(TenantKey.of(owner).value())
                                .build());
            }
            long sentAt = System.nanoTime();
            // Registered before the send: a fast crawl can be indexed before the call returns.
            ids.forEach(id -> pending.put(id, sentAt));
            SendMessageBatchResponse response =
                    sqs.sendMessageBatch(batch -> batch.queueUrl(queueUrl).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                throw new IllegalStateException(
                        "SendMessageBatch refused "
                                + response.failed().size()
                                + " message(s): "
                                + response.failed().getFirst().message());
            }
            return sentAt;
        }
    }
}
