package dev.linkcrawl.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./linkcrawl bench deadline}: the crawl function's fetcher against four hostile loopback
 * servers (a tarpit trickling a byte a second, a server that never answers, a 1 GiB body, a gzip
 * bomb of about 1 MiB inflating to 1 GiB), each with the same deadline (default 5 seconds). Prints
 * a table, then one JSON line: {@code observedMs} per case, {@code ratio} = worst observed /
 * deadline (target at most 1.05) and {@code heapGrowthMb} (heap after GC with the result still
 * referenced; target at most twice the 5 MiB body cap).
 */
@Command(
        name = "deadline",
        mixinStandardHelpOptions = true,
        description = "How long hostile servers can hold one fetch, and what it costs in heap.")
public final class DeadlineBench implements Callable<Integer> {

    static final double RATIO_TARGET = 1.05;
    static final double HEAP_TARGET_MB = 10;

    @Option(
            names = "--seconds",
            defaultValue = "5",
            description = "The fetch deadline in seconds (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(
            names = "--jar",
            description =
                    "The crawl function's jar (default functions/crawl-link/target/crawl-link.jar).")
    Path jar;

    private final PrintStream out;

    DeadlineBench(PrintStream out) {
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
        return new CommandLine(new DeadlineBench(out)).execute(args);
    }

    private record Case(String name, TrapServer.Behaviour behaviour) {}

    @Override
    public Integer call() throws Exception {
        Duration deadline = Duration.ofMillis(Math.round(seconds * 1000));
        List<Case> cases =
                List.of(
                        new Case("tarpit", TrapServer.Behaviour.TARPIT),
                        new Case("neverAnswers", TrapServer.Behaviour.NEVER_ANSWER),
                        new Case("gigabyteBody", TrapServer.Behaviour.GIGABYTE_BODY),
                        new Case("gzipBomb", TrapServer.Behaviour.GZIP_BOMB));
        List<TrapServer> servers = new ArrayList<>();
        try {
            for (Case c : cases) {
                servers.add(TrapServer.start(c.behaviour()));
            }
            Path crawlJar = jar != null ? jar : BenchFiles.crawlJar(BenchFiles.home());
            try (CrawlJarFetcher fetcher =
                    new CrawlJarFetcher(
                            crawlJar, deadline, servers.stream().map(TrapServer::port).toList())) {
                // One small fetch first, so class loading and TLS setup are not billed to a case.
                try (TrapServer page = TrapServer.start(TrapServer.Behaviour.PAGE);
                        CrawlJarFetcher warm =
                                new CrawlJarFetcher(crawlJar, deadline, List.of(page.port()))) {
                    warm.fetch(page.url("/"), deadline);
                }
                MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
                Map<String, Object> observed = new LinkedHashMap<>();
                long worst = 0;
                double heapGrowthMb = 0;
                out.printf(
                        "deadline %d ms, body cap 5 MiB (gzip bomb: %,d bytes compressed)%n",
                        deadline.toMillis(), servers.get(3).bombBytes());
                out.printf(
                        "%-14s %10s %8s %-10s %12s %10s %14s%n",
                        "case",
                        "observed",
                        "ratio",
                        "outcome",
                        "bytes",
                        "truncated",
                        "heap growth");
                for (int i = 0; i < cases.size(); i++) {
                    long before = usedHeapAfterGc(memory);
                    CrawlJarFetcher.Fetched fetched =
                            fetcher.fetch(servers.get(i).url("/" + cases.get(i).name()), deadline);
                    long after = usedHeapAfterGc(memory);
                    Reference.reachabilityFence(fetched.outcome());
                    double growthMb = Math.max(0, after - before) / (1024.0 * 1024.0);
                    heapGrowthMb = Math.max(heapGrowthMb, growthMb);
                    worst = Math.max(worst, fetched.observedMs());
                    observed.put(cases.get(i).name(), fetched.observedMs());
                    out.printf(
                            "%-14s %7d ms %8.3f %-10s %,12d %10s %11.1f MB%n",
                            cases.get(i).name(),
                            fetched.observedMs(),
                            fetched.observedMs() / (double) deadline.toMillis(),
                            fetched.code().isEmpty() ? fetched.kind() : fetched.code(),
                            fetched.bytes(),
                            fetched.truncated(),
                            growthMb);
                }
                double ratio = worst / (double) deadline.toMillis();
                out.printf(
                        "worst / deadline = %.3f (target <= %.2f); heap growth %.1f MB (target <= %.0f MB)%n",
                        ratio, RATIO_TARGET, heapGrowthMb, HEAP_TARGET_MB);
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("bench", "deadline");
                json.put("deadlineMs", deadline.toMillis());
                json.put("observedMs", observed);
                json.put("ratio", round(ratio));
                json.put("heapGrowthMb", round(heapGrowthMb));
                json.put("ratioOk", ratio <= RATIO_TARGET);
                json.put("heapOk", heapGrowthMb <= HEAP_TARGET_MB);
                out.println(new ObjectMapper().writeValueAsString(json));
                return 0;
            }
        } finally {
            servers.forEach(TrapServer::close);
        }
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
