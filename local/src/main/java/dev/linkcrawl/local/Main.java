package dev.linkcrawl.local;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./linkcrawl}: runs the project's functions on this machine, the way template.yaml deploys
 * them. Subcommands: {@code dev} (the whole pipeline on loopback), {@code invoke} (one function
 * once, against a running {@code dev}), {@code import} (a bookmark export through the import bucket
 * of a running {@code dev}) and {@code extract} (the extractor on saved pages). {@code bench} is
 * the benchmarks' module (local/bench, its own main class), which the {@code linkcrawl} script
 * starts instead of this one.
 */
@Command(
        name = "linkcrawl",
        mixinStandardHelpOptions = true,
        version = "linkcrawl local runner 0.1",
        description = "Runs linkcrawl's functions on this machine, as template.yaml deploys them.",
        footer = {
            "  bench    Runs a benchmark: isolation, deadline, extract, coldstart,",
            "             throughput, fairness or cost (./linkcrawl bench --help)."
        },
        subcommands = {
            DevCommand.class,
            InvokeCommand.class,
            ExtractCommand.class,
            ImportCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @Spec CommandSpec spec;

    public static void main(String[] args) {
        // Captured before anything starts: an OpenSearch node takes over System.out later.
        System.exit(execute(new Console(System.out, System.err), args));
    }

    /** Runs the command line, writing to {@code console}, and returns the exit code. */
    static int execute(Console console, String... args) {
        prepareProcess();
        CommandLine commandLine =
                new CommandLine(
                        new Main(),
                        new CommandLine.IFactory() {
                            @Override
                            public <K> K create(Class<K> type) throws Exception {
                                if (type == DevCommand.class) {
                                    return type.cast(new DevCommand(console));
                                }
                                if (type == InvokeCommand.class) {
                                    return type.cast(new InvokeCommand(console));
                                }
                                if (type == ExtractCommand.class) {
                                    return type.cast(new ExtractCommand(console));
                                }
                                if (type == ImportCommand.class) {
                                    return type.cast(new ImportCommand(console));
                                }
                                return CommandLine.defaultFactory().create(type);
                            }
                        });
        commandLine.setOut(new PrintWriter(console.out(), true));
        commandLine.setErr(new PrintWriter(console.err(), true));
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "name a command: dev, invoke, import, extract, bench or help");
    }

    /** Settings every command needs before any function or service is touched. */
    public static void prepareProcess() {
        // Each function jar carries slf4j-api without a provider; its warning is noise here.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
}
