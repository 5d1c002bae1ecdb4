package dev.linkcrawl.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.bench.harness.PageSite;
import dev.linkcrawl.bench.probe.ColdStartProbe;
import dev.linkcrawl.bench.probe.MemoryProbe;
import dev.linkcrawl.link.CrawlMessageCodec;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.local.sqs.QueueValues;
import dev.linkcrawl.local.template.Intrinsics;
import dev.linkcrawl.local.template.SamTemplate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
 *       HostileMarkup} page of about 5 MiB (right after the warm-up pages);
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
    static final CrawlMessageCodec CODEC = new CrawlMessageCodec();
    static final List<String> QUERY_WORDS =
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
            // A jar with two functions (crawl-link: the crawl, then the sent pages) runs its first.
            functions.putIfAbsent(function.name(), function);
        }
        List<String> selected =
                Stream.of(CRAWL, QUERY, SUBMIT, BACKFILL)
                        .filter(name -> only.isEmpty() || only.contains(name))
                        .toList();
        Path corpusDir = corpus != null ? corpus : root.resolve("../shared/corpus").normalize();
        Map<String, Path> corpusPages =
                selected.contains(CRAWL) ? CostWorkloads.corpusPages(corpusDir, pages) : Map.of();
        Map<String, byte[]> hostile =
                selected.contains(CRAWL) ? CostWorkloads.hostilePages() : Map.of();

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
                                                        ? CostWorkloads.read(corpusPages.get(path))
                                                        : null)) {
            services.index().ensureIndex();
            Intrinsics intrinsics = template.intrinsics(new QueueValues(services.queues()));
            CostWorkloads workloads = new CostWorkloads(root, work, services, site, functions);
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
                    CostWorkloads.openSearchRefresh(services);
                }
            }
        }
        log.println("cost: probe logs in " + probe.logs());
        new CostReport(out, fetchSeconds, warmup, quick).report(results);
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
}
