package dev.linkcrawl.bench;

import dev.linkcrawl.bench.extract.ExtractBench;
import dev.linkcrawl.local.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./linkcrawl bench <name> [options]}: runs one benchmark in this process. Each prints a
 * table and ends with one line of JSON holding its figures. The {@code linkcrawl} script starts
 * this class for {@code bench}, on this module's class path (the emulator and the benchmarks);
 * every other command starts the emulator's {@link Main}.
 */
@Command(
        name = "linkcrawl bench",
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
                args -> {
                    try {
                        ExtractBench.main(args);
                    } catch (IOException e) {
                        throw new UncheckedIOException("extract failed: " + e.getMessage(), e);
                    }
                });
        BENCHES.put(
                "coldstart",
                args -> {
                    try {
                        ColdStartBench.main(args);
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

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Lists the benchmarks (before NAME; after it, the bench's own help).")
    boolean help;

    /** Everything after the name, the bench's own options, passed on as they are. */
    @Parameters(index = "1..*", paramLabel = "OPTION")
    List<String> rest = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code. */
    static int execute(String... args) {
        Main.prepareProcess();
        // Whatever follows the name is the bench's, --help included.
        return new CommandLine(new BenchCommand()).setStopAtPositional(true).execute(args);
    }

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
        try {
            bench.accept(rest == null ? new String[0] : rest.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println("linkcrawl bench " + name + ": " + e.getMessage());
            return 2;
        }
        return 0;
    }
}
