package dev.linkcrawl.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlMessageCodec;
import dev.linkcrawl.link.CrawlSource;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.local.sqs.QueueValues;
import dev.linkcrawl.local.template.Intrinsics;
import dev.linkcrawl.local.template.SamTemplate;
import dev.linkcrawl.url.HostPort;
import dev.linkcrawl.url.LinkUrl;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.IntToDoubleFunction;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code ./linkcrawl bench cost}: each function's peak memory over a realistic workload, the
 * MemorySize that asks for, and what a million links saved through the API cost on Lambda arm64.
 *
 * <p>Each function's shaded jar runs in a JVM of its own ({@link MemoryProbe}, started as {@link
 * ColdStartProbe} is) with the options Lambda's Java runtime gives it at the template's MemorySize
 * ({@link LambdaCost#jvmOptions}) and the template's environment, against local ElasticMQ,
 * OpenSearch and S3Mock ({@link BenchServices}), one call after another as one warm sandbox takes
 * them:
 *
 * <ul>
 *   <li>crawl-link: one SQS record per page of the corpora ({@code --corpus}: WCXB's dev split and
 *       article-benchmark, served as they were saved from a loopback site) and every {@code
 *       HostileMarkup} page of about 5 MiB (from the crawl jar; right after the warm-up pages);
 *   <li>query-links: {@code --queries} reads of what was crawled (searches, lists, gets);
 *   <li>submit-link: {@code --submits} {@code POST /links} of distinct links, 20 owners;
 *   <li>backfill-links: an import of {@code --import-links} bookmarks (the template's most), then
 *       the scheduled re-crawl.
 * </ul>
 *
 * Every call is checked (202, 200, no batch item failure, imported), and a run passes only if every
 * call did and the process's peak RSS stayed within the size (Lambda stops a sandbox past it). Each
 * function runs at the template's MemorySize, then at sizes from 512 MB up in steps of 128 MB (each
 * stopped at its first failure) until one passes: at a generous size the serial collector lets the
 * heap grow toward its cap before it collects, so the peak RSS there measures the room it was given
 * more than the room it needs. The size recommended is the peak RSS at the smallest size that
 * passed times {@value LambdaCost#HEADROOM}, rounded up to 128 MB ({@link LambdaCost#recommendMb}),
 * and the workload runs once more at it. {@code --quick} runs only the template's size and
 * recommends from its RSS, untried.
 *
 * <p>Costs: each function's mean billed time per call after {@code --warmup} calls, from its
 * measured wall and CPU time ({@link LambdaCost#billedSeconds}: CPU time stretched by Lambda's CPU
 * share below 1,769 MB); the crawl's loopback fetch is taken out and {@code --fetch-seconds} of a
 * real-web fetch put in. Prints a table and one JSON line, {@code {"bench":"cost",…}}.
 */
@Command(
        name = "cost",
        mixinStandardHelpOptions = true,
        description =
                "Peak memory of each function over the corpora, hostile pages, API events and a"
                        + " large import; the MemorySize it asks for; the cost per million links.")
public final class CostBench implements Callable<Integer> {

    /** Owners the workload's links belong to, in turn. */
    static final int OWNERS = 20;

    static final String CRAWL = "crawl-link";
    static final String QUERY = "query-links";
    static final String SUBMIT = "submit-link";
    static final String BACKFILL = "backfill-links";

    /**
     * SQS requests per link saved: SendMessage, and the event source's ReceiveMessage and Delete.
     */
    static final int SQS_REQUESTS_PER_LINK = 3;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CrawlMessageCodec CODEC = new CrawlMessageCodec();
    private static final List<String> QUERY_WORDS =
            List.of(
                    "news",
                    "data",
                    "how to",
                    "review",
                    "guide",
                    "city council",
                    "python",
                    "recipe",
                    "music",
                    "price",
                    "history",
                    "weather",
                    "install",
                    "football");

    @Option(
            names = "--fetch-seconds",
            defaultValue = "1.2",
            description =
                    "A crawl's fetch on the real web, added to its measured time"
                            + " (default ${DEFAULT-VALUE}).")
    double fetchSeconds;

    @Option(
            names = "--corpus",
            description = "The corpus folder (default ../shared/corpus beside the project).")
    Path corpus;

    @Option(
            names = "--pages",
            defaultValue = "0",
            description = "Corpus pages to crawl, spread over them; 0 for all (default).")
    int pages;

    @Option(names = "--submits", defaultValue = "2000", description = "POST /links calls.")
    int submits;

    @Option(names = "--queries", defaultValue = "600", description = "GET /links calls.")
    int queries;

    @Option(
            names = "--import-links",
            defaultValue = "100000",
            description = "Bookmarks in the import (default ${DEFAULT-VALUE}, ImportMaxLinks).")
    int importLinks;

    @Option(
            names = "--warmup",
            defaultValue = "20",
            description = "Calls of each function left out of its mean time (default 20).")
    int warmup;

    @Option(
            names = "--functions",
            split = ",",
            description =
                    "Only these (default all): crawl-link, query-links, submit-link,"
                            + " backfill-links.")
    List<String> only = List.of();

    @Option(
            names = "--quick",
            description =
                    "One run of each function, at the template's size; the recommendation is"
                            + " then from its peak RSS, neither searched nor verified.")
    boolean quick;

    private final PrintStream out;
    private final PrintStream log;

    CostBench(PrintStream out, PrintStream log) {
        this.out = out;
        this.log = log;
    }

    public static void main(String[] args) {
        // OpenSearch points System.out and System.err at its own log once it starts.
        PrintStream out = System.out;
        PrintStream err = System.err;
        int code =
                new CommandLine(new CostBench(out, err))
                        .setOut(new PrintWriter(out, true))
                        .setErr(new PrintWriter(err, true))
                        .execute(args);
        // ElasticMQ's and OpenSearch's leftover threads must not keep the JVM alive.
        System.exit(code);
    }

    /** One call of a handler as the probe reported it. */
    record Call(
            double ms,
            double cpuMs,
            int status,
            double afterGcMb,
            double vmHwmMb,
            String response,
            String error,
            OptionalDouble fetchMs) {}

    /**
     * One run of a function's workload in a JVM sized for {@code memoryMb}; {@code peak} is empty
     * when the run was stopped at its first failure.
     *
     * @param failed calls that failed or were never made
     * @param firstFailure the first failed call's label and what it answered, or empty
     */
    record Run(
            int memoryMb,
            List<Call> calls,
            JsonNode peak,
            long failed,
            String firstFailure,
            Path log) {

        /** Peak RSS in MB, the last one seen when the run was stopped. */
        double rssMb() {
            return peak.has("vmHwmMb")
                    ? peak.path("vmHwmMb").asDouble()
                    : calls.isEmpty() ? -1 : calls.get(calls.size() - 1).vmHwmMb();
        }

        /** Every call done and checked, and the process within the memory Lambda would give it. */
        boolean passed() {
            return failed == 0 && rssMb() <= memoryMb;
        }

        double peakMb(String field) {
            return peak.path(field).asDouble(-1);
        }
    }

    /**
     * One function's workload: its events, what it needs besides the template, the check of each
     * call, a label for each call (the page it crawls, the request it makes), which calls its mean
     * time is taken over (by label) after how many warm-up calls, and what puts the services back
     * before a run.
     */
    record Workload(
            BenchFunction function,
            Path events,
            Map<String, String> environment,
            Predicate<Call> succeeded,
            List<String> labels,
            Predicate<String> timed,
            int warmupCalls,
            Runnable reset) {

        String name() {
            return function.name();
        }

        int calls() {
            return labels.size();
        }
    }

    /**
     * A function's results: the run at the template's size, the sizes that failed below the
     * smallest that passed, the run at that one, and at the size recommended from its RSS.
     */
    record Result(
            Workload workload,
            Run atTemplate,
            List<Run> failedBelow,
            Run smallest,
            int recommendedMb,
            Run atRecommended) {

        String name() {
            return workload.name();
        }

        int templateMb() {
            return workload.function().resource().memorySize();
        }
    }

    @Override
    public Integer call() throws Exception {
        Path root = BenchFiles.home();
        SamTemplate template = SamTemplate.read(root.resolve("template.yaml"));
        Map<String, BenchFunction> functions = new LinkedHashMap<>();
        for (var resource : template.functions()) {
            BenchFunction function = BenchFunction.of(resource, root);
            if (!Files.isRegularFile(function.jar())) {
                throw new IllegalStateException(
                        function.jar()
                                + " is missing: build the jars first (./mvnw -B -q package"
                                + " -DskipTests)");
            }
            functions.put(function.name(), function);
        }
        List<String> selected =
                Stream.of(CRAWL, QUERY, SUBMIT, BACKFILL)
                        .filter(name -> only.isEmpty() || only.contains(name))
                        .toList();
        Path corpusDir = corpus != null ? corpus : root.resolve("../shared/corpus").normalize();
        Map<String, Path> corpusPages =
                selected.contains(CRAWL) ? corpusPages(corpusDir, pages) : Map.of();
        Map<String, byte[]> hostile =
                selected.contains(CRAWL) ? hostilePages(functions.get(CRAWL).jar()) : Map.of();

        Path work = Files.createTempDirectory("linkcrawl-cost");
        ProbeJvm probe = ProbeJvm.prepare(work);
        log.println("cost: starting ElasticMQ, S3Mock and OpenSearch on 127.0.0.1…");
        List<Result> results = new ArrayList<>();
        try (BenchServices services = BenchServices.start(template.queues());
                PageSite site =
                        PageSite.startRaw(
                                0,
                                path ->
                                        hostile.containsKey(path)
                                                ? hostile.get(path)
                                                : corpusPages.containsKey(path)
                                                        ? read(corpusPages.get(path))
                                                        : null)) {
            services.index().ensureIndex();
            Intrinsics intrinsics = template.intrinsics(new QueueValues(services.queues()));
            Workloads workloads = new Workloads(root, work, services, site, functions);
            List<LinkId> crawled = new ArrayList<>();
            for (String name : selected) {
                Workload workload =
                        switch (name) {
                            case CRAWL -> workloads.crawl(corpusPages, hostile, warmup, crawled);
                            case QUERY -> workloads.query(queries, warmup, crawled);
                            case SUBMIT -> workloads.submit(submits, warmup);
                            default -> workloads.backfill(importLinks);
                        };
                results.add(size(probe, workload, services, intrinsics));
                if (name.equals(CRAWL)) {
                    openSearchRefresh(services);
                }
            }
        }
        log.println("cost: probe logs in " + probe.logs());
        report(results);
        return results.stream().allMatch(r -> r.atTemplate().passed()) ? 0 : 1;
    }

    /**
     * Runs the workload at the template's size; if it passes, at each size from {@link
     * LambdaCost#MINIMUM_MB} up in steps of {@link LambdaCost#STEP_MB} below it until one passes
     * (each run stopped at its first failure; the template's size if none does); recommends from
     * the peak RSS of the smallest that passed and runs once more at the recommended size. A
     * workload that fails at the template's size is reported, and its size kept.
     */
    private Result size(
            ProbeJvm probe, Workload workload, BenchServices services, Intrinsics intrinsics)
            throws IOException, InterruptedException {
        int templateMb = workload.function().resource().memorySize();
        Run atTemplate = run(probe, workload, templateMb, false, services, intrinsics);
        if (!atTemplate.passed()) {
            return new Result(workload, atTemplate, List.of(), atTemplate, templateMb, null);
        }
        if (quick) {
            int recommended = LambdaCost.recommendMb(atTemplate.rssMb(), LambdaCost.MINIMUM_MB);
            return new Result(workload, atTemplate, List.of(), atTemplate, recommended, null);
        }
        List<Run> failed = new ArrayList<>();
        Run smallest = atTemplate;
        for (int mb = LambdaCost.MINIMUM_MB; mb < templateMb; mb += LambdaCost.STEP_MB) {
            Run trial = run(probe, workload, mb, true, services, intrinsics);
            if (trial.passed()) {
                smallest = trial;
                break;
            }
            failed.add(trial);
        }
        int recommended = LambdaCost.recommendMb(smallest.rssMb(), smallest.memoryMb());
        Run atRecommended =
                recommended == smallest.memoryMb()
                        ? smallest
                        : recommended == templateMb
                                ? atTemplate
                                : run(probe, workload, recommended, false, services, intrinsics);
        return new Result(workload, atTemplate, failed, smallest, recommended, atRecommended);
    }

    private Run run(
            ProbeJvm probe,
            Workload workload,
            int memoryMb,
            boolean stopAtFailure,
            BenchServices services,
            Intrinsics intrinsics)
            throws IOException, InterruptedException {
        workload.reset().run();
        BenchFunction function = workload.function();
        Map<String, String> local = new LinkedHashMap<>();
        local.put("AWS_ENDPOINT_URL_SQS", services.sqsEndpoint().toString());
        local.put("AWS_ENDPOINT_URL_S3", services.s3Endpoint().toString());
        local.put("OPENSEARCH_ENDPOINT", services.openSearchEndpoint().toString());
        local.put("OPENSEARCH_AUTH", "none");
        local.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
        local.putAll(workload.environment());
        String runName = function.name() + "-" + memoryMb + "mb";
        Path logFile = probe.logs().resolve(runName + ".log");
        List<String> arguments =
                List.of(
                        function.resource().handler().className(),
                        workload.events().toString(),
                        function.resource().logicalId(),
                        Long.toString(function.resource().timeout().toSeconds()),
                        Integer.toString(memoryMb));
        log.printf(
                Locale.ROOT,
                "cost: %s at %d MB (%s), %d calls%s…%n",
                function.name(),
                memoryMb,
                String.join(" ", LambdaCost.jvmOptions(memoryMb).subList(1, 5)),
                workload.calls(),
                stopAtFailure ? ", stopping at the first failure" : "");
        long started = System.nanoTime();
        Process process =
                probe.start(
                        function,
                        LambdaCost.jvmOptions(memoryMb),
                        MemoryProbe.class,
                        arguments,
                        function.environment(intrinsics, local),
                        logFile);
        List<Call> calls = new ArrayList<>();
        JsonNode peak = JSON.createObjectNode();
        String firstFailure = "";
        long failed = 0;
        OptionalDouble fetchMs = OptionalDouble.empty();
        try (BufferedReader lines =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.startsWith(MemoryProbe.LINE_PREFIX)) {
                    // The crawl function's metrics line, printed during the call it belongs to.
                    var timing = CrawlTiming.parse(line, 0);
                    if (timing.isPresent()) {
                        fetchMs = timing.get().fetchMs();
                    }
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                if (node.path("memprobe").asText().equals("peak")) {
                    peak = node;
                    continue;
                }
                Call call =
                        new Call(
                                node.path("ms").asDouble(),
                                node.path("cpuMs").asDouble(),
                                node.path("status").asInt(),
                                node.path("afterGcMb").asDouble(),
                                node.path("vmHwmMb").asDouble(),
                                node.path("response").asText(""),
                                node.path("error").isNull() ? null : node.path("error").asText(),
                                fetchMs);
                fetchMs = OptionalDouble.empty();
                String label = workload.labels().get(Math.min(calls.size(), workload.calls() - 1));
                calls.add(call);
                boolean ok = workload.succeeded().test(call);
                boolean fits = call.vmHwmMb() <= memoryMb;
                if (!ok || !fits) {
                    failed++;
                    if (firstFailure.isEmpty()) {
                        firstFailure =
                                label
                                        + ": "
                                        + (!fits
                                                ? String.format(
                                                        Locale.ROOT,
                                                        "RSS %.0f MB over the size",
                                                        call.vmHwmMb())
                                                : call.error() != null
                                                        ? call.error()
                                                        : call.response());
                        firstFailure =
                                firstFailure.substring(0, Math.min(160, firstFailure.length()));
                    }
                    if (stopAtFailure) {
                        process.destroyForcibly();
                        break;
                    }
                }
                if (calls.size() % 250 == 0) {
                    log.printf(
                            Locale.ROOT,
                            "cost: %s %d/%d calls%n",
                            function.name(),
                            calls.size(),
                            workload.calls());
                }
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (!peak.has("vmHwmMb") && failed == 0) {
            throw new IllegalStateException(
                    runName
                            + ": the probe printed no peak after "
                            + calls.size()
                            + " calls (exit "
                            + process.exitValue()
                            + "); see "
                            + logFile);
        }
        failed += Math.max(0, workload.calls() - calls.size());
        Run run = new Run(memoryMb, calls, peak, failed, firstFailure, logFile);
        log.printf(
                Locale.ROOT,
                "cost: %s at %d MB: %d of %d calls, %s, peak RSS %.0f MB, %.0f s%n",
                function.name(),
                memoryMb,
                calls.size(),
                workload.calls(),
                firstFailure.isEmpty()
                        ? "all passed"
                        : failed + " failed or not made, the first " + firstFailure,
                run.rssMb(),
                (System.nanoTime() - started) / 1e9);
        return run;
    }

    // --- the report

    /** Mean billed seconds per call of {@code run} at its size, over its timed calls. */
    double billedSeconds(Workload workload, Run run) {
        boolean crawl = workload.name().equals(CRAWL);
        return timedCalls(workload, run).stream()
                .mapToDouble(
                        c ->
                                LambdaCost.billedSeconds(
                                        (c.ms() - (crawl ? c.fetchMs().orElse(0) : 0)) / 1000,
                                        c.cpuMs() / 1000,
                                        run.memoryMb(),
                                        crawl ? fetchSeconds : 0))
                .average()
                .orElse(Double.NaN);
    }

    /** The calls a mean time is taken over: after the warm-up, the workload's timed ones. */
    private List<Call> timedCalls(Workload workload, Run run) {
        List<Call> timed = new ArrayList<>();
        int skip = Math.min(workload.warmupCalls(), Math.max(0, run.calls().size() - 1));
        for (int i = skip; i < run.calls().size(); i++) {
            if (workload.timed().test(workload.labels().get(i))) {
                timed.add(run.calls().get(i));
            }
        }
        return timed;
    }

    private static double mean(List<Call> calls, ToDoubleFunction<Call> value) {
        return calls.stream().mapToDouble(value).average().orElse(Double.NaN);
    }

    private void report(List<Result> results) {
        LambdaCost.Prices prices = LambdaCost.Prices.ARM64_US_EAST_1;
        out.printf(
                Locale.ROOT,
                "%nPeak memory, MB: each function in a JVM of its own with the options Lambda's"
                        + " Java runtime gives the size (here Java %s: serial GC, heap 85 %%,"
                        + " metaspace 10 %%, code cache 5 %% of it)%n",
                Runtime.version());
        out.printf(
                Locale.ROOT,
                "%-15s %5s %6s %8s %8s %9s %9s %8s | %9s %7s | %11s %7s %6s%n",
                "function",
                "size",
                "calls",
                "heapUsed",
                "afterGC",
                "afterFull",
                "metaspace",
                "peakRSS",
                "smallest",
                "RSS",
                "recommended",
                "RSS",
                "passed");
        for (Result r : results) {
            Run t = r.atTemplate();
            out.printf(
                    Locale.ROOT,
                    "%-15s %5d %6d %8.0f %8.0f %9s %9.0f %8.0f | %9s %7.0f | %11d %7s %6s%n",
                    r.name(),
                    r.templateMb(),
                    t.calls().size(),
                    t.peakMb("heapUsedMb"),
                    t.peakMb("heapAfterGcMb"),
                    t.peakMb("heapAfterFullGcMb") < 0
                            ? "-"
                            : String.format(Locale.ROOT, "%.0f", t.peakMb("heapAfterFullGcMb")),
                    t.peakMb("metaspaceMb"),
                    t.rssMb(),
                    quick ? "-" : Integer.toString(r.smallest().memoryMb()),
                    r.smallest().rssMb(),
                    r.recommendedMb(),
                    r.atRecommended() == null
                            ? "-"
                            : String.format(Locale.ROOT, "%.0f", r.atRecommended().rssMb()),
                    r.atRecommended() == null ? "-" : r.atRecommended().passed() ? "yes" : "NO");
        }
        out.printf(
                Locale.ROOT,
                "heap columns at the template's size; smallest = the smallest size from %d MB up"
                        + " in %d MB steps where every call passed and RSS stayed within it;"
                        + " recommended = its peak RSS × %.1f rounded up to %d MB (at least"
                        + " the smallest, and %d MB)%n",
                LambdaCost.MINIMUM_MB,
                LambdaCost.STEP_MB,
                LambdaCost.HEADROOM,
                LambdaCost.STEP_MB,
                LambdaCost.MINIMUM_MB);
        for (Result r : results) {
            out.println(r.name() + ": " + peakSources(r.workload(), r.atTemplate()));
            if (!r.atTemplate().passed()) {
                out.printf(
                        Locale.ROOT,
                        "  FAILED at the template's size, %d calls of %d not done or failed, the"
                                + " first %s: size kept, nothing searched%n",
                        r.atTemplate().failed(),
                        r.workload().calls(),
                        r.atTemplate().firstFailure());
            }
            for (Run failed : r.failedBelow()) {
                out.printf(
                        Locale.ROOT,
                        "  failed at %d MB after %d calls: %s%n",
                        failed.memoryMb(),
                        failed.calls().size(),
                        failed.firstFailure());
            }
        }

        out.printf(
                Locale.ROOT,
                "%nTime per call after %d warm-up calls (crawl: corpus pages only, loopback fetch"
                        + " taken out, %.2f s real-web fetch put in; backfill: the import alone),"
                        + " ms%n",
                warmup,
                fetchSeconds);
        out.printf(
                Locale.ROOT,
                "%-15s %6s %9s %9s %9s %15s %15s%n",
                "function",
                "calls",
                "wall",
                "cpu",
                "fetch",
                "billed at size",
                "at recommended");
        for (Result r : results) {
            List<Call> calls = timedCalls(r.workload(), r.atTemplate());
            out.printf(
                    Locale.ROOT,
                    "%-15s %6d %9.1f %9.1f %9s %15.0f %15.0f%n",
                    r.name(),
                    calls.size(),
                    mean(calls, Call::ms),
                    mean(calls, Call::cpuMs),
                    r.name().equals(CRAWL)
                            ? String.format(
                                    Locale.ROOT, "%.1f", mean(calls, c -> c.fetchMs().orElse(0)))
                            : "-",
                    billedSeconds(r.workload(), r.atTemplate()) * 1000,
                    billedSeconds(r.workload(), recommendedRun(r)) * 1000);
        }
        results.stream()
                .filter(r -> r.name().equals(CRAWL))
                .forEach(
                        crawl -> {
                            List<Call> hostileCalls = new ArrayList<>();
                            Run run = recommendedRun(crawl);
                            for (int i = 0; i < run.calls().size(); i++) {
                                if (!crawl.workload()
                                        .timed()
                                        .test(crawl.workload().labels().get(i))) {
                                    hostileCalls.add(run.calls().get(i));
                                }
                            }
                            double worstCpu =
                                    hostileCalls.stream().mapToDouble(Call::cpuMs).max().orElse(0);
                            out.printf(
                                    Locale.ROOT,
                                    "hostile pages (%d, not in the mean) at %d MB: worst wall %.0f"
                                            + " ms, worst CPU %.0f ms, %.0f ms at that size's CPU"
                                            + " share%n",
                                    hostileCalls.size(),
                                    run.memoryMb(),
                                    hostileCalls.stream().mapToDouble(Call::ms).max().orElse(0),
                                    worstCpu,
                                    worstCpu
                                            * Math.max(
                                                    1,
                                                    LambdaCost.ONE_VCPU_MB
                                                            / (double) run.memoryMb()));
                        });

        ObjectNode json = JSON.createObjectNode();
        json.put("bench", "cost");
        json.put("fetchSeconds", fetchSeconds);
        json.put("warmupCalls", warmup);
        json.put("headroom", LambdaCost.HEADROOM);
        ObjectNode priceNode = json.putObject("prices");
        priceNode.put("lambdaArm64GbSecond", prices.lambdaGbSecond());
        priceNode.put("lambdaRequestsPerMillion", prices.lambdaRequests());
        priceNode.put("sqsRequestsPerMillion", prices.sqsRequests());
        priceNode.put("httpApiRequestsPerMillion", prices.httpApiRequests());
        ObjectNode functionsNode = json.putObject("functions");
        for (Result r : results) {
            Run t = r.atTemplate();
            ObjectNode f = functionsNode.putObject(r.name());
            f.put("memorySizeMb", r.templateMb());
            f.put("calls", t.calls().size());
            f.put("failed", t.failed());
            f.put("heapUsedMb", t.peakMb("heapUsedMb"));
            f.put("heapAfterGcMb", t.peakMb("heapAfterGcMb"));
            f.put("heapAfterFullGcMb", t.peakMb("heapAfterFullGcMb"));
            f.put("metaspaceMb", t.peakMb("metaspaceMb"));
            f.put("peakRssMb", t.rssMb());
            if (!quick) {
                f.put("smallestMb", r.smallest().memoryMb());
                f.put("smallestPeakRssMb", r.smallest().rssMb());
            }
            f.put("recommendedMb", r.recommendedMb());
            if (r.atRecommended() != null) {
                f.put("recommendedPeakRssMb", r.atRecommended().rssMb());
                f.put("recommendedPassed", r.atRecommended().passed());
            }
            f.put("billedMsAtSize", round(billedSeconds(r.workload(), t) * 1000));
            f.put(
                    "billedMsAtRecommended",
                    round(billedSeconds(r.workload(), recommendedRun(r)) * 1000));
        }

        Result submit = find(results, SUBMIT);
        Result crawl = find(results, CRAWL);
        if (submit != null && crawl != null) {
            LambdaCost.PerMillionLinks atSize =
                    LambdaCost.perMillionLinks(
                            prices,
                            submit.templateMb(),
                            billedSeconds(submit.workload(), submit.atTemplate()),
                            crawl.templateMb(),
                            billedSeconds(crawl.workload(), crawl.atTemplate()),
                            SQS_REQUESTS_PER_LINK);
            LambdaCost.PerMillionLinks atRecommended =
                    LambdaCost.perMillionLinks(
                            prices,
                            submit.recommendedMb(),
                            billedSeconds(submit.workload(), recommendedRun(submit)),
                            crawl.recommendedMb(),
                            billedSeconds(crawl.workload(), recommendedRun(crawl)),
                            SQS_REQUESTS_PER_LINK);
            out.printf(
                    Locale.ROOT,
                    "%nPer million links saved through POST /links, US dollars (Lambda arm64; a"
                            + " real-web fetch of %.2f s per crawl assumed; no retries)%n",
                    fetchSeconds);
            out.printf(Locale.ROOT, "%-34s %24s %24s%n", "", "template size", "recommended");
            computeRow("submit-link compute", submit, atSize.submit(), atRecommended.submit());
            costRow(
                    "submit-link requests",
                    atSize.submit().requestsUsd(),
                    atRecommended.submit().requestsUsd());
            computeRow("crawl-link compute", crawl, atSize.crawl(), atRecommended.crawl());
            costRow(
                    "crawl-link requests",
                    atSize.crawl().requestsUsd(),
                    atRecommended.crawl().requestsUsd());
            costRow("SQS: send, receive, delete", atSize.sqsUsd(), atRecommended.sqsUsd());
            costRow("API Gateway HTTP API request", atSize.apiUsd(), atRecommended.apiUsd());
            costRow("total", atSize.totalUsd(), atRecommended.totalUsd());
            ObjectNode links = json.putObject("perMillionLinks");
            links.put("atSizeUsd", round(atSize.totalUsd()));
            links.put("atRecommendedUsd", round(atRecommended.totalUsd()));
            links.put("crawlComputeAtSizeUsd", round(atSize.crawl().computeUsd()));
            links.put("crawlComputeAtRecommendedUsd", round(atRecommended.crawl().computeUsd()));
        }
        Result query = find(results, QUERY);
        if (query != null) {
            double atSize =
                    LambdaCost.perMillionQueriesUsd(
                            prices,
                            query.templateMb(),
                            billedSeconds(query.workload(), query.atTemplate()));
            double atRecommended =
                    LambdaCost.perMillionQueriesUsd(
                            prices,
                            query.recommendedMb(),
                            billedSeconds(query.workload(), recommendedRun(query)));
            costRow("per million reads (apart)", atSize, atRecommended);
            ObjectNode reads = json.putObject("perMillionReads");
            reads.put("atSizeUsd", round(atSize));
            reads.put("atRecommendedUsd", round(atRecommended));
        }
        out.println(
                "Not counted: the OpenSearch domain (hourly), CloudWatch Logs, X-Ray traces"
                        + " (Tracing: Active), data transfer, free tiers, cold starts' init,"
                        + " the event sources' empty long polls (a fixed cost per queue, not per"
                        + " link), any fair-queue surcharge. CPU time is stretched by Lambda's"
                        + " share below 1,769 MB and taken as fast as this machine's.");
        out.println("Prices: " + LambdaCost.Prices.SOURCE + ".");
        priceNode.put("source", LambdaCost.Prices.SOURCE);
        out.println(json);
    }

    /** The run whose times price the recommended size: at it, else the template's. */
    private static Run recommendedRun(Result r) {
        return r.atRecommended() != null ? r.atRecommended() : r.atTemplate();
    }

    /** The calls that raised the peak RSS most, and the ones that left the most heap after a GC. */
    static String peakSources(Workload workload, Run run) {
        List<Call> calls = run.calls();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            order.add(i);
        }
        IntToDoubleFunction rise =
                i -> calls.get(i).vmHwmMb() - (i == 0 ? 0 : calls.get(i - 1).vmHwmMb());
        StringBuilder text = new StringBuilder("RSS rose most on ");
        order.stream()
                .sorted((a, b) -> Double.compare(rise.applyAsDouble(b), rise.applyAsDouble(a)))
                .limit(3)
                .forEach(
                        i ->
                                text.append(
                                        String.format(
                                                Locale.ROOT,
                                                "%s (+%.0f), ",
                                                workload.labels().get(i),
                                                rise.applyAsDouble(i))));
        text.append("most heap after a GC on ");
        order.stream()
                .sorted(
                        (a, b) ->
                                Double.compare(calls.get(b).afterGcMb(), calls.get(a).afterGcMb()))
                .limit(3)
                .forEach(
                        i ->
                                text.append(
                                        String.format(
                                                Locale.ROOT,
                                                "%s (%.0f), ",
                                                workload.labels().get(i),
                                                calls.get(i).afterGcMb())));
        return text.substring(0, text.length() - 2) + " MB";
    }

    private void computeRow(
            String item, Result sized, LambdaCost.Lambda atSize, LambdaCost.Lambda atRecommended) {
        out.printf(
                Locale.ROOT,
                "%-34s %24s %24s%n",
                item,
                String.format(
                        Locale.ROOT,
                        "%d MB × %.3f s  $%.2f",
                        sized.templateMb(),
                        billedSeconds(sized.workload(), sized.atTemplate()),
                        atSize.computeUsd()),
                String.format(
                        Locale.ROOT,
                        "%d MB × %.3f s  $%.2f",
                        sized.recommendedMb(),
                        billedSeconds(sized.workload(), recommendedRun(sized)),
                        atRecommended.computeUsd()));
    }

    private void costRow(String item, double atSize, double atRecommended) {
        out.printf(
                Locale.ROOT,
                "%-34s %24s %24s%n",
                item,
                String.format(Locale.ROOT, "$%.2f", atSize),
                String.format(Locale.ROOT, "$%.2f", atRecommended));
    }

    private static Result find(List<Result> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    // --- the pages

    /**
     * The corpus pages by site path ({@code /wcxb/0001.html.gz}, {@code /article-benchmark/…}),
     * {@code limit} of them spread evenly when it is above 0.
     */
    static Map<String, Path> corpusPages(Path corpusDir, int limit) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("wcxb/dev/html", "article-benchmark/html")) {
            Path dir = corpusDir.resolve(folder);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(
                        dir
                                + " is missing: pass --corpus with the folder holding wcxb and"
                                + " article-benchmark");
            }
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.getFileName().toString().matches(".*\\.html(\\.gz)?"))
                        .sorted()
                        .forEach(files::add);
            }
        }
        int count = limit > 0 ? Math.min(limit, files.size()) : files.size();
        Map<String, Path> pages = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Path file = files.get((int) ((long) i * files.size() / count));
            String folder = file.getParent().getParent().getFileName().toString();
            String corpusName = folder.equals("dev") ? "wcxb" : folder;
            pages.put("/" + corpusName + "/" + file.getFileName(), file);
        }
        return pages;
    }

    /** The bytes of a saved page, gunzipped when the file is gzipped. */
    static byte[] read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] raw = in.readAllBytes();
            if (raw.length > 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
                return new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes();
            }
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Every {@code HostileMarkup} page by site path ({@code /hostile/nested_divs}), from the crawl
     * jar in a class loader of its own, as the runner loads every function.
     */
    static Map<String, byte[]> hostilePages(Path crawlJar) throws IOException {
        Map<String, byte[]> pages = new LinkedHashMap<>();
        try (URLClassLoader loader =
                new URLClassLoader(
                        "crawl-link-bench",
                        new URL[] {crawlJar.toUri().toURL()},
                        ClassLoader.getPlatformClassLoader())) {
            Class<?> type =
                    Class.forName("dev.linkcrawl.crawl.extract.bench.HostileMarkup", true, loader);
            for (Object shape : type.getEnumConstants()) {
                String html = (String) type.getMethod("html").invoke(shape);
                pages.put(
                        "/hostile/" + ((Enum<?>) shape).name().toLowerCase(Locale.ROOT),
                        html.getBytes(StandardCharsets.UTF_8));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    crawlJar + " does not hold the HostileMarkup this bench expects: " + e, e);
        }
        return pages;
    }

    private static void openSearchRefresh(BenchServices services) throws IOException {
        FirstInvocation.openSearch(services, "POST", "/" + BenchServices.INDEX_NAME + "/_refresh");
    }

    static String owner(int i) {
        return String.format(Locale.ROOT, "owner-%02d", i % OWNERS + 1);
    }

    /** Writes each function's events, one JSON event a line. */
    private static final class Workloads {
        private final Path root;
        private final Path work;
        private final BenchServices services;
        private final PageSite site;
        private final Map<String, BenchFunction> functions;

        Workloads(
                Path root,
                Path work,
                BenchServices services,
                PageSite site,
                Map<String, BenchFunction> functions) {
            this.root = root;
            this.work = work;
            this.services = services;
            this.site = site;
            this.functions = functions;
        }

        private ObjectNode sample(String function, String name) throws IOException {
            return (ObjectNode)
                    JSON.readTree(root.resolve("events").resolve(function).resolve(name).toFile());
        }

        /**
         * One SQS record per page: the first {@code warmup} corpus pages, the hostile ones (early,
         * so a size too small fails soon), then the other corpus pages.
         */
        Workload crawl(
                Map<String, Path> corpusPages,
                Map<String, byte[]> hostile,
                int warmup,
                List<LinkId> ids)
                throws IOException {
            ObjectNode sample = sample(CRAWL, "crawl-message.json");
            HostPort server = HostPort.parse(site.hostPort());
            Path events = work.resolve("crawl-link.jsonl");
            List<String> paths = new ArrayList<>(corpusPages.keySet());
            paths.addAll(Math.min(warmup, paths.size()), hostile.keySet());
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            try (Writer writer = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
                for (int i = 0; i < paths.size(); i++) {
                    String owner = owner(i);
                    LinkUrl url = LoopbackLink.of(site.url(paths.get(i)).toString(), server);
                    LinkId id = LinkId.of(owner, url);
                    ids.add(id);
                    ObjectNode event = sample.deepCopy();
                    ObjectNode record = (ObjectNode) event.withArray("Records").get(0);
                    record.put("messageId", UUID.randomUUID().toString());
                    record.put(
                            "body",
                            CODEC.encode(
                                    new CrawlMessage(
                                            id,
                                            url.value(),
                                            owner,
                                            now,
                                            CrawlSource.API,
                                            List.of("reading"),
                                            "saved for the cost bench")));
                    ((ObjectNode) record.path("attributes"))
                            .put("SentTimestamp", Long.toString(now.toEpochMilli()));
                    writer.write(event.toString());
                    writer.write('\n');
                }
            }
            return new Workload(
                    functions.get(CRAWL),
                    events,
                    Map.of("ALLOWED_PRIVATE_HOSTS", site.hostPort()),
                    call ->
                            call.error() == null
                                    && call.response().contains("\"batchItemFailures\":[]"),
                    paths,
                    path -> !hostile.containsKey(path),
                    warmup,
                    () -> {});
        }

        /** Searches, lists and gets by the owners of the crawled links, in turn. */
        Workload query(int count, int warmup, List<LinkId> crawled) throws IOException {
            ObjectNode search = sample(QUERY, "search.json");
            ObjectNode get = sample(QUERY, "get.json");
            Path events = work.resolve("query-links.jsonl");
            List<String> labels = new ArrayList<>();
            try (Writer writer = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
                for (int i = 0; i < count; i++) {
                    ObjectNode event;
                    String owner;
                    if (i % 4 == 3 && !crawled.isEmpty()) {
                        int index = (i / 4 * 7) % crawled.size();
                        owner = owner(index);
                        String id = crawled.get(index).value();
                        event = get.deepCopy();
                        String path = "/links/" + id;
                        event.put("rawPath", path);
                        event.putObject("pathParameters").put("id", id);
                        ((ObjectNode) event.path("requestContext").path("http")).put("path", path);
                    } else {
                        owner = owner(i);
                        event = search.deepCopy();
                        ObjectNode parameters = event.putObject("queryStringParameters");
                        if (i % 4 == 2) {
                            parameters.put("status", "crawled");
                            parameters.put("size", "20");
                        } else {
                            parameters.put("q", QUERY_WORDS.get(i % QUERY_WORDS.size()));
                            if (i % 2 == 0) {
                                parameters.put("tag", "reading");
                            }
                        }
                        StringBuilder raw = new StringBuilder();
                        parameters
                                .fields()
                                .forEachRemaining(
                                        field ->
                                                raw.append(raw.isEmpty() ? "" : "&")
                                                        .append(field.getKey())
                                                        .append('=')
                                                        .append(
                                                                URLEncoder.encode(
                                                                        field.getValue().asText(),
                                                                        StandardCharsets.UTF_8)));
                        event.put("rawQueryString", raw.toString());
                    }
                    claims(event).put("sub", owner);
                    ((ObjectNode) event.path("requestContext")).put("requestId", "cost-query-" + i);
                    String query = event.path("rawQueryString").asText();
                    labels.add(
                            "GET "
                                    + event.path("rawPath").asText()
                                    + (query.isEmpty() ? "" : "?" + query));
                    writer.write(event.toString());
                    writer.write('\n');
                }
            }
            return new Workload(
                    functions.get(QUERY),
                    events,
                    Map.of(),
                    call -> call.status() == 200,
                    labels,
                    label -> true,
                    warmup,
                    () -> {});
        }

        /** {@code POST /links} of distinct links, the owners in turn. */
        Workload submit(int count, int warmup) throws IOException {
            ObjectNode sample = sample(SUBMIT, "valid.json");
            Path events = work.resolve("submit-link.jsonl");
            try (Writer writer = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
                for (int i = 0; i < count; i++) {
                    ObjectNode event = sample.deepCopy();
                    ObjectNode body = JSON.createObjectNode();
                    body.put(
                            "url",
                            "https://news"
                                    + (i % 7)
                                    + ".example.com/2026/12/story-"
                                    + i
                                    + "?utm_source=newsletter#top");
                    body.putArray("tags").add("reading").add(i % 2 == 0 ? "web" : "later");
                    body.put("note", "saved for the cost bench, link " + i);
                    event.put("body", body.toString());
                    claims(event).put("sub", owner(i));
                    ((ObjectNode) event.path("requestContext"))
                            .put("requestId", "cost-submit-" + i);
                    writer.write(event.toString());
                    writer.write('\n');
                }
            }
            return new Workload(
                    functions.get(SUBMIT),
                    events,
                    Map.of(),
                    call -> call.status() == 202,
                    IntStream.range(0, count).mapToObj(i -> "POST /links #" + i).toList(),
                    label -> true,
                    warmup,
                    () -> purge("CrawlQueue"));
        }

        /** An import of {@code links} bookmarks, then the scheduled re-crawl. */
        Workload backfill(int links) throws IOException {
            StringBuilder export =
                    new StringBuilder(
                            "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<META HTTP-EQUIV=\"Content-Type\""
                                    + " CONTENT=\"text/html; charset=UTF-8\">\n"
                                    + "<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n");
            for (int i = 1; i <= links; i++) {
                export.append("<DT><A HREF=\"https://site")
                        .append(i % 997)
                        .append(".example.org/reading/")
                        .append(i)
                        .append("?ref=bookmarks\" ADD_DATE=\"1700000000\" TAGS=\"reading,import\">")
                        .append("Article number ")
                        .append(i)
                        .append(" from the bookmark export</A>\n");
            }
            export.append("</DL><p>\n");
            byte[] file = export.toString().getBytes(StandardCharsets.UTF_8);
            ObjectNode upload = sample(BACKFILL, "import-netscape.json");
            ((ObjectNode) upload.withArray("Records").get(0).path("s3").path("object"))
                    .put("size", file.length);
            Path events = work.resolve("backfill-links.jsonl");
            Files.writeString(
                    events,
                    upload
                            + "\n"
                            + JSON.readTree(
                                    root.resolve("events/backfill-links/recrawl.json").toFile())
                            + "\n",
                    StandardCharsets.UTF_8);
            return new Workload(
                    functions.get(BACKFILL),
                    events,
                    Map.of(),
                    call ->
                            call.error() == null
                                    && (call.response().contains("\"outcome\":\"imported\"")
                                            || call.response().contains("\"recrawl\":\"done\"")),
                    List.of("import of " + links + " bookmarks", "scheduled re-crawl"),
                    label -> label.startsWith("import"),
                    0,
                    () -> {
                        purge("BackfillQueue");
                        services.s3()
                                .putObject(
                                        p ->
                                                p.bucket(BenchServices.IMPORT_BUCKET)
                                                        .key(BenchServices.IMPORT_KEY)
                                                        .contentType("text/html"),
                                        RequestBody.fromBytes(file));
                    });
        }

        /** Empties a queue the last run filled, so the local SQS does not grow run after run. */
        private void purge(String queue) {
            try {
                services.sqs().purgeQueue(p -> p.queueUrl(services.queueUrl(queue)));
            } catch (RuntimeException e) {
                // Left full: it only costs the local SQS memory.
            }
        }

        private static ObjectNode claims(ObjectNode event) {
            return (ObjectNode)
                    event.path("requestContext").path("authorizer").path("jwt").path("claims");
        }
    }
}
