package dev.linkcrawl.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.local.DevStack;
import dev.linkcrawl.local.QueueWorkers;
import dev.linkcrawl.local.lambda.InvocationLog;
import dev.linkcrawl.local.sqs.LocalSqs;
import dev.linkcrawl.url.HostPort;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code ./linkcrawl bench isolation}: does a slow link reach the API? Drives {@code POST /links}
 * at a steady rate (default 50 a second from 16 client threads, open loop) through three phases of
 * {@code --seconds} each (default 25):
 *
 * <ol>
 *   <li>idle: the dev stack of the template (API emulator, SubmitLinkFunction, ElasticMQ, the crawl
 *       function consuming and indexing each link, in a JVM of its own unless {@code --same-jvm});
 *   <li>pipeline: the same while the crawl function holds 200 links in a loopback tarpit (one byte
 *       a second until the fetch deadline), put straight on CrawlQueue (so the API carries the same
 *       load as in the idle phase; {@code --slow-via API} posts them) and kept at 200 outstanding,
 *       with {@code CrawlMaxConcurrency} raised to 200 plus {@value #CRAWL_HEADROOM} so the
 *       measured links are still crawled beside them;
 *   <li>inline: an in-process server whose {@code POST /links} fetches the page inside the request
 *       on 25 threads (the original incident), with the same 200 tarpit links kept outstanding.
 * </ol>
 *
 * The pipeline phase runs first after the warm-up, the idle one once the slow crawls have been
 * released: warm-up left over is billed to the pipeline, never to the baseline it is divided by.
 *
 * <p>Prints a table, then one JSON line: p99 per phase, {@code ratio} = pipeline p99 / idle p99
 * (target at most 1.25) and {@code inlineRatio} = inline p99 / idle p99. Draws the latencies to
 * {@code docs/isolation.png}.
 */
@Command(
        name = "isolation",
        mixinStandardHelpOptions = true,
        description = "API latency with 200 slow crawls in flight, against an inline baseline.")
public final class IsolationBench implements Callable<Integer> {

    static final double RATIO_TARGET = 1.25;

    /**
     * Crawl concurrency beyond the slow links, so the measured links keep being crawled in the
     * pipeline phase as in the idle one: phase 2 is phase 1 plus the slow crawls, not instead.
     */
    static final int CRAWL_HEADROOM = 100;

    /**
     * Unmeasured load before the inline phase: its p99 is its workers' fetch deadline, which no JIT
     * compilation changes.
     */
    static final Duration INLINE_WARM_UP = Duration.ofSeconds(5);

    @Option(
            names = "--seconds",
            defaultValue = "20",
            description = "Each phase's length (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(
            names = "--warmup",
            defaultValue = "40",
            description =
                    "Unmeasured load before the first stack phase, in seconds (default"
                            + " ${DEFAULT-VALUE}): the first invocations and the JIT, which on two"
                            + " cores keeps compiling the stack's hot paths for about half a minute.")
    double warmUpSeconds;

    @Option(
            names = "--rate",
            defaultValue = "50",
            description = "Requests a second (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(
            names = "--threads",
            defaultValue = "16",
            description = "Client threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(
            names = "--slow",
            defaultValue = "200",
            description = "Tarpit links kept outstanding (default ${DEFAULT-VALUE}).")
    int slow;

    @Option(
            names = "--client-timeout",
            defaultValue = "10",
            description = "Client timeout in seconds (default ${DEFAULT-VALUE}).")
    int clientTimeoutSeconds;

    @Option(
            names = "--fetch-deadline",
            defaultValue = "15",
            description =
                    "Fetch deadline in seconds, pipeline and inline (default ${DEFAULT-VALUE}).")
    int fetchDeadlineSeconds;

    /** How the slow links reach the crawl function in the pipeline phase. */
    enum SlowVia {
        /** The message {@code POST /links} would queue, sent straight onto CrawlQueue. */
        QUEUE,
        /** Through {@code POST /links} beside the measured requests. */
        API
    }

    @Option(
            names = "--slow-via",
            defaultValue = "QUEUE",
            description =
                    "How the pipeline's slow links arrive: QUEUE (onto CrawlQueue, so the API"
                            + " carries the same load in both stack phases) or API (POST /links"
                            + " beside the measured requests) (default ${DEFAULT-VALUE}).")
    SlowVia slowVia;

    @Option(
            names = "--same-jvm",
            description =
                    "Run the crawl function's queue consumer in this JVM, beside the API, instead"
                            + " of a JVM of its own (default: its own, as Lambda gives it its own"
                            + " sandbox).")
    boolean sameJvm;

    @Option(
            names = "--chart",
            defaultValue = "docs/isolation.png",
            description = "Where the PNG goes (default ${DEFAULT-VALUE}); 'none' for no chart.")
    Path chart;

    @Option(
            names = "--state",
            description = "State folder of the dev stack (default: a new temporary folder).")
    Path state;

    private final PrintStream out;

    IsolationBench(PrintStream out) {
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
        return new CommandLine(new IsolationBench(out)).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Path home = BenchFiles.home();
        Duration phase = Duration.ofMillis(Math.round(seconds * 1000));
        Duration warmUp = Duration.ofMillis(Math.round(warmUpSeconds * 1000));
        Duration clientTimeout = Duration.ofSeconds(clientTimeoutSeconds);
        Duration deadline = Duration.ofSeconds(fetchDeadlineSeconds);
        Path stateFolder = state != null ? state : Files.createTempDirectory("linkcrawl-bench-");
        Path logFile = stateFolder.resolve("bench-isolation.log");
        Files.createDirectories(stateFolder);
        Map<String, List<OpenLoopLoad.Sample>> samples = new LinkedHashMap<>();
        Map<String, PhaseSummary> summaries = new LinkedHashMap<>();
        HttpClient client =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(clientTimeout)
                        .build();
        HttpClient feederClient =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        OpenLoopLoad load = new OpenLoopLoad(client, threads, clientTimeout);
        int crawlConcurrency;
        try (TrapServer page = TrapServer.start(TrapServer.Behaviour.PAGE);
                TrapServer tarpit = TrapServer.start(TrapServer.Behaviour.TARPIT);
                PrintStream log = new PrintStream(Files.newOutputStream(logFile), true)) {
            String exempt = "127.0.0.1:" + page.port() + ",127.0.0.1:" + tarpit.port();
            String ports = "80,443,8080,8443," + page.port() + "," + tarpit.port();
            crawlConcurrency = slow + CRAWL_HEADROOM;
            out.printf(
                    "isolation: %.0f requests/s from %d threads, %.0f s a phase, %d tarpit links,"
                            + " fetch deadline %d s, client timeout %d s (log: %s)%n",
                    rate,
                    threads,
                    seconds,
                    slow,
                    fetchDeadlineSeconds,
                    clientTimeoutSeconds,
                    logFile);
            DevStack.Options options =
                    new DevStack.Options(
                            home.resolve("template.yaml"),
                            stateFolder,
                            0,
                            0,
                            0,
                            0,
                            Map.of(
                                    "CrawlMaxConcurrency", String.valueOf(crawlConcurrency),
                                    "FetchDeadlineMs", String.valueOf(deadline.toMillis()),
                                    // All 200 slow links are one owner's, and the crawl function
                                    // must hold them all: no owner share here (bench fairness
                                    // measures that).
                                    "CrawlMaxPerOwner", "0"),
                            Map.of("ALLOWED_PRIVATE_HOSTS", exempt, "ALLOWED_PORTS", ports),
                            sameJvm);
            try (DevStack stack =
                            DevStack.start(options, new InvocationLog(log), Clock.systemUTC());
                    AutoCloseable crawler =
                            sameJvm
                                    ? () -> {}
                                    : QueueWorkers.startChild(
                                            options,
                                            stateFolder.resolve("bench-isolation-crawl.log"));
                    SqsClient sqs = LocalSqs.client(stack.endpoints().sqsEndpoint())) {
                URI api = stack.endpoints().apiUrl().resolve("/links");
                long accepted =
                        accepted(load.run(api, rate, warmUp, n -> pageLink(page, "warm", n)));
                awaitCrawled(page, accepted);
                // The pipeline phase runs first, nearest the warm-up: any warm-up left is billed
                // to it, never to the idle baseline it is divided by.
                SlowLinkSender slowLinks =
                        switch (slowVia) {
                            case QUEUE ->
                                    SlowLinkSender.viaQueue(
                                            sqs,
                                            stack.endpoints().queues().get("CrawlQueue").url(),
                                            HostPort.parse("127.0.0.1:" + tarpit.port()));
                            case API -> SlowLinkSender.viaApi(feederClient, api);
                        };
                try (TarpitFeeder feeder = new TarpitFeeder(slowLinks, tarpit, slow, deadline)) {
                    int held = feeder.awaitHeld(deadline.plusSeconds(15));
                    out.printf("pipeline: the crawl function holds %d tarpit links%n", held);
                    HeldSampler sampler = new HeldSampler(tarpit);
                    List<OpenLoopLoad.Sample> run =
                            load.run(api, rate, phase, n -> pageLink(page, "pipeline", n));
                    record("pipeline", run, sampler.stop(), samples, summaries);
                }
                accepted += accepted(samples.get("pipeline"));
                awaitReleased(tarpit, deadline);
                awaitCrawled(page, accepted);
                record(
                        "idle",
                        load.run(api, rate, phase, n -> pageLink(page, "idle", n)),
                        null,
                        samples,
                        summaries);
            }
            try (CrawlJarFetcher fetcher =
                            new CrawlJarFetcher(
                                    BenchFiles.crawlJar(home),
                                    deadline,
                                    List.of(page.port(), tarpit.port()));
                    InlineLinkServer inline =
                            new InlineLinkServer(
                                    fetcher, deadline, InlineLinkServer.DEFAULT_THREADS)) {
                load.run(
                        inline.links(),
                        rate,
                        INLINE_WARM_UP,
                        n -> pageLink(page, "warm-inline", n));
                try (TarpitFeeder feeder =
                        new TarpitFeeder(
                                SlowLinkSender.viaApi(feederClient, inline.links()),
                                tarpit,
                                slow,
                                deadline)) {
                    int held = feeder.awaitHeld(deadline.plusSeconds(15));
                    out.printf(
                            "inline: %d tarpit fetches hold the %d workers (%d outstanding)%n",
                            held, InlineLinkServer.DEFAULT_THREADS, slow);
                    HeldSampler sampler = new HeldSampler(tarpit);
                    List<OpenLoopLoad.Sample> run =
                            load.run(inline.links(), rate, phase, n -> pageLink(page, "inline", n));
                    record("inline", run, sampler.stop(), samples, summaries);
                }
            }
        }

        PhaseSummary idle = summaries.get("idle");
        PhaseSummary pipeline = summaries.get("pipeline");
        PhaseSummary inline = summaries.get("inline");
        double ratio = pipeline.p99Ms() / Math.max(0.001, idle.p99Ms());
        double inlineRatio = inline.p99Ms() / Math.max(0.001, idle.p99Ms());
        out.printf(
                "%-9s %9s %7s %9s %9s %9s %9s %13s%n",
                "phase",
                "requests",
                "errors",
                "timeouts",
                "p50 ms",
                "p99 ms",
                "max ms",
                "tarpit held");
        for (PhaseSummary s : List.of(idle, pipeline, inline)) {
            out.printf(
                    "%-9s %9d %7d %9d %9.1f %9.1f %9.1f %13s%n",
                    s.phase(),
                    s.requests(),
                    s.errors(),
                    s.timeouts(),
                    s.p50Ms(),
                    s.p99Ms(),
                    s.maxMs(),
                    s.phase().equals("idle") ? "-" : s.tarpitHeldMin() + "–" + s.tarpitHeldMax());
        }
        out.printf(
                "pipeline p99 / idle p99 = %.2f (target <= %.2f); inline p99 / idle p99 = %.1f%n",
                ratio, RATIO_TARGET, inlineRatio);
        if (!chart.toString().equals("none")) {
            Path png = chart.isAbsolute() ? chart : home.resolve(chart);
            LatencyChart.write(png, samples, seconds);
            out.println("chart: " + png);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bench", "isolation");
        json.put("rate", rate);
        json.put("threads", threads);
        json.put("phaseSeconds", seconds);
        json.put("slowLinks", slow);
        json.put("crawlJvm", sameJvm ? "same" : "own");
        json.put("slowVia", slowVia.name().toLowerCase(Locale.ROOT));
        json.put("crawlMaxConcurrency", crawlConcurrency);
        json.put("inlineThreads", InlineLinkServer.DEFAULT_THREADS);
        json.put("idleP99Ms", DeadlineBench.round(idle.p99Ms()));
        json.put("pipelineP99Ms", DeadlineBench.round(pipeline.p99Ms()));
        json.put("inlineP99Ms", DeadlineBench.round(inline.p99Ms()));
        for (PhaseSummary s : List.of(idle, pipeline, inline)) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("requests", s.requests());
            figures.put("errors", s.errors());
            figures.put("timeouts", s.timeouts());
            figures.put("p50Ms", DeadlineBench.round(s.p50Ms()));
            figures.put("p99Ms", DeadlineBench.round(s.p99Ms()));
            figures.put("maxMs", DeadlineBench.round(s.maxMs()));
            figures.put("tarpitHeldMin", s.tarpitHeldMin());
            figures.put("tarpitHeldMax", s.tarpitHeldMax());
            figures.put("errorKinds", errorKinds(samples.get(s.phase())));
            json.put(s.phase(), figures);
        }
        json.put("ratio", DeadlineBench.round(ratio));
        json.put("inlineRatio", DeadlineBench.round(inlineRatio));
        json.put("ratioOk", ratio <= RATIO_TARGET);
        out.println(new ObjectMapper().writeValueAsString(json));
        return 0;
    }

    /**
     * Waits until the crawl function has fetched every page link accepted so far, so a phase does
     * not start with the previous one's crawls still running; at most twice a phase (at least 10
     * s), since a machine too busy to catch up should still finish the run.
     */
    private void awaitCrawled(TrapServer page, long accepted) throws InterruptedException {
        Duration limit = Duration.ofMillis(Math.max(10_000, Math.round(seconds * 2000)));
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (page.finished() >= accepted) {
                return;
            }
            Thread.sleep(250);
        }
        out.printf(
                "(the crawl function fetched %d of %d links in %d s; measuring anyway)%n",
                page.finished(), accepted, limit.toSeconds());
    }

    private static Map<String, Long> errorKinds(List<OpenLoopLoad.Sample> run) {
        return run.stream()
                .filter(x -> x.result() == OpenLoopLoad.Result.ERROR)
                .collect(
                        java.util.stream.Collectors.groupingBy(
                                OpenLoopLoad.Sample::error,
                                java.util.TreeMap::new,
                                java.util.stream.Collectors.counting()));
    }

    /** Waits until the slow crawls left by the pipeline phase have hit their deadline. */
    private void awaitReleased(TrapServer tarpit, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.plusSeconds(10).toNanos();
        while (tarpit.open() > 0 && System.nanoTime() < end) {
            Thread.sleep(250);
        }
        if (tarpit.open() > 0) {
            out.printf("(%d tarpit links still held; measuring idle anyway)%n", tarpit.open());
        }
    }

    private static long accepted(List<OpenLoopLoad.Sample> samples) {
        return samples.stream().filter(x -> x.result() == OpenLoopLoad.Result.OK).count();
    }

    private static String pageLink(TrapServer page, String phase, long n) {
        return "{\"url\":\"" + page.url("/" + phase + "/" + n) + "\"}";
    }

    private static void record(
            String name,
            List<OpenLoopLoad.Sample> run,
            int[] held,
            Map<String, List<OpenLoopLoad.Sample>> samples,
            Map<String, PhaseSummary> summaries) {
        samples.put(name, run);
        summaries.put(
                name,
                PhaseSummary.of(name, run, held == null ? 0 : held[0], held == null ? 0 : held[1]));
    }

    /** Samples the tarpit's open connections every 200 ms; {@link #stop} gives min and max. */
    private static final class HeldSampler {
        private final AtomicInteger min = new AtomicInteger(Integer.MAX_VALUE);
        private final AtomicInteger max = new AtomicInteger();
        private final Thread thread;

        HeldSampler(TrapServer tarpit) {
            thread =
                    Thread.ofPlatform()
                            .daemon()
                            .start(
                                    () -> {
                                        while (!Thread.currentThread().isInterrupted()) {
                                            int open = tarpit.open();
                                            min.accumulateAndGet(open, Math::min);
                                            max.accumulateAndGet(open, Math::max);
                                            try {
                                                Thread.sleep(200);
                                            } catch (InterruptedException e) {
                                                return;
                                            }
                                        }
                                    });
        }

        int[] stop() throws InterruptedException {
            thread.interrupt();
            thread.join();
            return new int[] {min.get() == Integer.MAX_VALUE ? 0 : min.get(), max.get()};
        }
    }
}
