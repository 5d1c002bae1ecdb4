package dev.linkcrawl.local;

import dev.linkcrawl.local.lambda.InvocationLog;
import dev.linkcrawl.local.sqs.SqsEventSourcePoller;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The SQS event sources of a running stack in a process of their own: the functions they invoke run
 * beside nothing else, as on Lambda, where no crawl shares a machine with the API. The stack runs
 * with {@link DevStack.Options#pollQueues()} false and has written its endpoints to the state
 * folder; this process prints {@code READY <state folder>} once it polls and stops when its
 * standard input closes (its parent went away) or it is killed.
 */
@Command(name = "queue-workers", description = "Runs the SQS event sources of a running stack.")
public final class QueueWorkers implements Callable<Integer> {

    @Option(names = "--template", required = true)
    Path template;

    @Option(names = "--state", required = true)
    Path stateFolder;

    @Option(names = "--param", description = "A template parameter override, KEY=VALUE.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--env", description = "A variable for every function, KEY=VALUE.")
    Map<String, String> environment = new LinkedHashMap<>();

    @Option(names = "--log", required = true, description = "Where the invocation log goes.")
    Path logFile;

    @Option(
            names = "--delivery",
            description = "FAIR (as SQS fair queues, the default) or ARRIVAL_ORDER.")
    SqsEventSourcePoller.Delivery delivery = SqsEventSourcePoller.Delivery.FAIR;

    /** A {@code QueueWorkers} process; closing it stops the process. */
    public record Child(Process process) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // It is destroyed below if it does not stop by itself.
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * Starts the SQS event sources of the stack started with {@code options} (whose {@code
     * pollQueues} is false) in a child JVM, and waits until it polls (at most a minute).
     *
     * @param logFile where the child's invocation log and standard error go
     */
    public static Child startChild(DevStack.Options options, Path logFile) throws Exception {
        List<String> args = new ArrayList<>();
        args.addAll(
                List.of(
                        "--template",
                        options.template().toAbsolutePath().toString(),
                        "--state",
                        options.stateFolder().toAbsolutePath().toString(),
                        "--log",
                        logFile.toAbsolutePath().toString(),
                        "--delivery",
                        options.delivery().name()));
        options.parameters()
                .forEach((key, value) -> args.addAll(List.of("--param", key + "=" + value)));
        options.environment()
                .forEach((key, value) -> args.addAll(List.of("--env", key + "=" + value)));
        Path stderr = logFile.resolveSibling(logFile.getFileName() + ".stderr");
        Child child =
                new Child(
                        ChildJvm.start(
                                QueueWorkers.class,
                                ProcessBuilder.Redirect.appendTo(stderr.toFile()),
                                args));
        try {
            ChildJvm.awaitReady(child.process(), Duration.ofMinutes(1));
            return child;
        } catch (Exception e) {
            child.close();
            throw new IllegalStateException("the queue workers did not start; see " + stderr, e);
        }
    }

    public static void main(String[] args) {
        Main.prepareProcess();
        System.exit(new CommandLine(new QueueWorkers()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        DevStack.Options options =
                new DevStack.Options(
                                template, stateFolder, 0, 0, 0, 0, parameters, environment, true)
                        .withDelivery(delivery);
        try (PrintStream log =
                        new PrintStream(
                                Files.newOutputStream(
                                        logFile,
                                        StandardOpenOption.CREATE,
                                        StandardOpenOption.APPEND),
                                true);
                AutoCloseable pollers =
                        DevStack.startPollers(
                                options, Endpoints.read(stateFolder), new InvocationLog(log))) {
            System.out.println("READY " + stateFolder.toUri());
            System.out.flush();
            // Blocks until the parent closes the pipe or exits.
            while (System.in.read() >= 0) {
                // Nothing is sent on it.
            }
            return 0;
        }
    }
}
