package dev.linkcrawl.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.bench.probe.ColdStartProbe;
import dev.linkcrawl.local.sqs.QueueValues;
import dev.linkcrawl.local.template.Intrinsics;
import dev.linkcrawl.local.template.SamTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Cold starts of every function in {@code template.yaml}, each from its shaded jar in a fresh JVM
 * per run (see {@link ColdStartProbe}) with the template's {@code JAVA_TOOL_OPTIONS}, against real
 * local services (ElasticMQ, OpenSearch, S3Mock, a loopback web site for the crawler). Each
 * function runs {@code --runs} times cold, then as often with its CRaC resources run before the
 * first call (what a SnapStart restore starts from). Every invocation is checked for its effect
 * (queued, indexed, found, imported), so a fast failure cannot pass for a fast start.
 *
 * <p>Prints a table of medians and ends with one JSON line, {@code {"functions":{"submit-link":
 * {"jarMb":…,"initMs":…,"firstInvokeMs":…,"primeMs":…,"primedFirstInvokeMs":…},…}}}.
 *
 * <p>Run it from the project folder (the script builds the jars first): {@code ./linkcrawl bench
 * coldstart --runs 3}.
 *
 * <p>Options: {@code --runs N} (default 3), {@code --functions submit-link,crawl-link} (default
 * all), {@code --no-prime} (cold runs only), {@code --project DIR} (default: the nearest folder
 * upwards holding {@code template.yaml}).
 */
public final class ColdStartBench {

    /** Every jar must stay at or below 20 MB (decimal). */
    static final double MAX_JAR_MB = 20.0;

    /** Targets for {@code initMs} on this machine, by function. */
    static final Map<String, Double> MAX_INIT_MS =
            Map.of("submit-link", 800.0, "query-links", 800.0, "crawl-link", 1500.0);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ColdStartBench() {}

    public static void main(String[] args) throws Exception {
        // OpenSearch points System.out and System.err at its own log once it starts.
        PrintStream out = System.out;
        PrintStream err = System.err;
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("coldstart: " + e.getMessage());
            err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        int status;
        try {
            status = run(options, out, err);
        } catch (RuntimeException | IOException e) {
            err.println("coldstart: " + e);
            status = 1;
        }
        // ElasticMQ's and OpenSearch's leftover threads must not keep the JVM alive.
        System.exit(status);
    }

    /** Runs the benchmark; 0 when every run did its work. */
    static int run(Options options, PrintStream out, PrintStream log)
            throws IOException, InterruptedException {
        Path root = options.project().orElseGet(ColdStartBench::findProjectRoot);
        SamTemplate template = SamTemplate.read(root.resolve("template.yaml"));
        Set<String> jars = new HashSet<>();
        List<BenchFunction> functions =
                template.functions().stream()
                        .map(resource -> BenchFunction.of(resource, root))
                        .filter(
                                f ->
                                        options.functions().isEmpty()
                                                || options.functions().contains(f.name()))
                        // A jar with two functions (crawl-link: the crawl, then the sent pages)
                        // is measured through its first, whose invocations the benchmark defines.
                        .filter(f -> jars.add(f.name()))
                        .toList();
        if (functions.isEmpty()) {
            throw new IllegalStateException(
                    "no function of template.yaml matches " + options.functions());
        }
        for (BenchFunction function : functions) {
            if (!Files.isRegularFile(function.jar())) {
                throw new IllegalStateException(
                        function.jar()
                                + " is missing: build the jars first (./mvnw -B -q package"
                                + " -DskipTests)");
            }
        }
        Path work = Files.createTempDirectory("linkcrawl-coldstart");
        ProbeJvm probe = ProbeJvm.prepare(work);
        log.println("coldstart: starting ElasticMQ, S3Mock and OpenSearch on 127.0.0.1…");
        List<Summary> summaries = new ArrayList<>();
        String toolOptions;
        try (BenchServices services = BenchServices.start(template.queues())) {
            // On AWS the index exists long before a cold start; create it now so no run pays for
            // it.
            services.index().ensureIndex();
            Intrinsics intrinsics = template.intrinsics(new QueueValues(services.queues()));
            List<FirstInvocation> invocations = FirstInvocation.all(services);
            toolOptions = functions.get(0).javaToolOptions(intrinsics).orElse("(none)");
            for (BenchFunction function : functions) {
                List<FirstInvocation> ofFunction =
                        invocations.stream()
                                .filter(i -> i.function().equals(function.name()))
                                .toList();
                if (ofFunction.isEmpty()) {
                    log.println(
                            "coldstart: no first invocation defined for "
                                    + function.name()
                                    + "; skipped");
                }
                for (FirstInvocation invocation : ofFunction) {
                    Map<String, String> local = new LinkedHashMap<>();
                    local.put("AWS_ENDPOINT_URL_SQS", services.sqsEndpoint().toString());
                    local.put("AWS_ENDPOINT_URL_S3", services.s3Endpoint().toString());
                    local.put("OPENSEARCH_ENDPOINT", services.openSearchEndpoint().toString());
                    local.put("OPENSEARCH_AUTH", "none");
                    local.putAll(invocation.environment());
                    summaries.add(
                            measure(
                                    function,
                                    invocation,
                                    function.environment(intrinsics, local),
                                    probe,
                                    root,
                                    work,
                                    options,
                                    log));
                }
            }
        }
        log.println("coldstart: probe logs in " + probe.logs());
        printTable(summaries, toolOptions, options, out);
        out.println(json(summaries));
        return 0;
    }

    private static Summary measure(
            BenchFunction function,
            FirstInvocation invocation,
            Map<String, String> environment,
            ProbeJvm probe,
            Path root,
            Path work,
            Options options,
            PrintStream log)
            throws IOException, InterruptedException {
        Path event = invocation.writeEvent(root, work);
        List<ProbeResult> cold = new ArrayList<>();
        List<ProbeResult> primed = new ArrayList<>();
        for (boolean prime : options.prime() ? List.of(false, true) : List.of(false)) {
            for (int run = 1; run <= options.runs(); run++) {
                invocation.reset();
                String name =
                        invocation.label().replace(' ', '-')
                                + (prime ? "-primed-" : "-cold-")
                                + run;
                ProbeResult result = probe.run(function, event, environment, prime, name);
                String effect = invocation.verify(result.response());
                (prime ? primed : cold).add(result);
                log.printf(
                        Locale.ROOT,
                        "coldstart: %-24s init %5.0f ms%s  first invoke %5.0f ms  (%s)%n",
                        name,
                        result.initMs(),
                        prime
                                ? String.format(Locale.ROOT, "  prime %5.0f ms", result.primeMs())
                                : "",
                        result.firstInvokeMs(),
                        effect);
            }
        }
        return new Summary(
                invocation.label(),
                invocation.function(),
                invocation.primary(),
                Files.size(function.jar()) / 1e6,
                median(cold, ProbeResult::jvmStartMs),
                median(cold, ProbeResult::initMs),
                median(cold, ProbeResult::firstInvokeMs),
                median(cold, ProbeResult::secondInvokeMs),
                primed.isEmpty() ? -1 : median(primed, ProbeResult::primeMs),
                primed.isEmpty() ? -1 : median(primed, ProbeResult::firstInvokeMs));
    }

    /**
     * Medians over the runs of one first invocation, in milliseconds; -1 where not measured. The
     * results line reports the {@code primary} one of each function.
     */
    record Summary(
            String label,
            String function,
            boolean primary,
            double jarMb,
            double jvmStartMs,
            double initMs,
            double firstInvokeMs,
            double secondInvokeMs,
            double primeMs,
            double primedFirstInvokeMs) {}

    static double median(List<ProbeResult> results, ToDoubleFunction<ProbeResult> value) {
        double[] values = results.stream().mapToDouble(value).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static void printTable(
            List<Summary> summaries, String toolOptions, Options options, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%nCold starts: a fresh JVM per run (Java %s, JAVA_TOOL_OPTIONS=%s), medians of"
                        + " %d runs, milliseconds%n",
                Runtime.version(),
                toolOptions,
                options.runs());
        out.printf(
                Locale.ROOT,
                "%-22s %7s %8s %6s %13s %14s %8s %20s  %s%n",
                "function",
                "jarMb",
                "jvmStart",
                "initMs",
                "firstInvokeMs",
                "secondInvokeMs",
                "primeMs",
                "primedFirstInvokeMs",
                "targets");
        for (Summary s : summaries) {
            out.printf(
                    Locale.ROOT,
                    "%-22s %7.1f %8.0f %6.0f %13.0f %14.0f %8s %20s  %s%n",
                    s.label(),
                    s.jarMb(),
                    s.jvmStartMs(),
                    s.initMs(),
                    s.firstInvokeMs(),
                    s.secondInvokeMs(),
                    s.primeMs() < 0 ? "-" : String.format(Locale.ROOT, "%.0f", s.primeMs()),
                    s.primedFirstInvokeMs() < 0
                            ? "-"
                            : String.format(Locale.ROOT, "%.0f", s.primedFirstInvokeMs()),
                    targets(s));
        }
    }

    private static String targets(Summary s) {
        StringBuilder verdict =
                new StringBuilder("jar<=20MB ").append(s.jarMb() <= MAX_JAR_MB ? "ok" : "MISSED");
        Double maxInit = MAX_INIT_MS.get(s.function());
        if (maxInit != null) {
            verdict.append(String.format(Locale.ROOT, ", init<=%.0f ", maxInit))
                    .append(s.initMs() <= maxInit ? "ok" : "MISSED");
        }
        return verdict.toString();
    }

    private static String json(List<Summary> summaries) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode functions = root.putObject("functions");
        for (Summary s : summaries) {
            if (!s.primary()) {
                continue;
            }
            ObjectNode f = functions.putObject(s.function());
            f.put("jarMb", Math.round(s.jarMb() * 10) / 10.0);
            f.put("initMs", Math.round(s.initMs()));
            f.put("firstInvokeMs", Math.round(s.firstInvokeMs()));
            if (s.primeMs() >= 0) {
                f.put("primeMs", Math.round(s.primeMs()));
                f.put("primedFirstInvokeMs", Math.round(s.primedFirstInvokeMs()));
            }
        }
        return root.toString();
    }

    private static Path findProjectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("template.yaml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "no template.yaml in " + dir + " or above; run from the project or pass --project");
    }

    /** Command-line options. */
    record Options(int runs, List<String> functions, boolean prime, Optional<Path> project) {

        static final String USAGE =
                "usage: ColdStartBench [--runs N] [--functions a,b] [--no-prime]"
                        + " [--project DIR]";

        static Options parse(String... args) {
            int runs = 3;
            List<String> functions = List.of();
            boolean prime = true;
            Optional<Path> project = Optional.empty();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--runs" -> {
                        runs = Integer.parseInt(value(args, ++i, "--runs"));
                        if (runs < 1 || runs > 100) {
                            throw new IllegalArgumentException("--runs must be from 1 to 100");
                        }
                    }
                    case "--functions" ->
                            functions = Arrays.asList(value(args, ++i, "--functions").split(","));
                    case "--no-prime" -> prime = false;
                    case "--project" ->
                            project = Optional.of(Path.of(value(args, ++i, "--project")));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(runs, functions, prime, project);
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }
    }
}
