package dev.linkcrawl.local.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./linkcrawl bench <name> [options]}: runs one benchmark in this process. Each prints a
 * table and ends with one line of JSON holding its figures.
 */
@Command(
        name = "bench",
        description =
                "Runs a benchmark: isolation, deadline, extract --corpus DIR, coldstart,"
                        + " throughput, fairness, cost. Each ends with one JSON line.")
public final class BenchCommand implements Callable<Integer> {

    /** Each benchmark by name: a class with {@code main(String[])}, one line each. */
    static final Map<String, Consumer<String[]>> BENCHES = new LinkedHashMap<>();

    static {
        BENCHES.put("isolation", IsolationBench::main);
        BENCHES.put("deadline", DeadlineBench::main);
        BENCHES.put("throughput", ThroughputBench::main);
        BENCHES.put("fairness", FairnessBench::main);
        BENCHES.put("cost", CostBench::main);
        BENCHES.put(
                "extract",
                args ->
                        CrawlJarMain.run(
                                "dev.linkcrawl.crawl.extract.bench.ExtractBenchmark", args));
        BENCHES.put(
                "coldstart",
                args -> {
                    try {
                        ColdStartBenchmark.main(args);
                    } catch (Exception e) {
                        throw new IllegalStateException("coldstart failed: " + e.getMessage(), e);
                    }
                });
    }

    @Parameters(
            index = "0",
            paramLabel = "NAME",
            description = "isolation, deadline, extract, coldstart, throughput, fairness or cost")
    String name;

    @Unmatched List<String> rest = new ArrayList<>();

    @Override
    public Integer call() {
        Consumer<String[]> bench = BENCHES.get(name);
        if (bench == null) {
            System.err.println(
                    "linkcrawl bench: no benchmark named '"
                            + name
                            + "'; choose one of "
                            + String.join(", ", BENCHES.keySet()));
            return 2;
        }
        String[] args = rest == null ? new String[0] : rest.toArray(String[]::new);
        try {
            bench.accept(Arrays.copyOf(args, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println("linkcrawl bench " + name + ": " + e.getMessage());
            return 2;
        }
        return 0;
    }
}
