package dev.linkcrawl.local;

import dev.linkcrawl.local.api.ApiGatewayEmulator.Target;
import dev.linkcrawl.local.lambda.InvocationLog;
import dev.linkcrawl.local.template.FunctionResource;
import dev.linkcrawl.local.template.S3EventSource;
import dev.linkcrawl.local.template.ScheduleEventSource;
import dev.linkcrawl.local.template.TemplateException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./linkcrawl dev}: the whole pipeline on 127.0.0.1 until Ctrl-C. */
@Command(
        name = "dev",
        mixinStandardHelpOptions = true,
        description = {
            "Starts, on 127.0.0.1: SQS (ElasticMQ) with every queue of template.yaml, an OpenSearch"
                    + " node, S3 (S3Mock) with every bucket, the HTTP API of its HttpApi routes, a"
                    + " poller per SQS event source and the notifications of its S3 event sources,"
                    + " each function loaded from the jar its CodeUri names.",
            "Queues, the index and the buckets are kept in .linkcrawl/ across restarts. Ctrl-C"
                    + " stops."
        })
final class DevCommand implements Callable<Integer> {

    private final Console console;

    @Option(
            names = "--port",
            defaultValue = "3000",
            description = "API port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--sqs-port",
            defaultValue = "9324",
            description = "SQS port (default ${DEFAULT-VALUE}).")
    int sqsPort;

    @Option(
            names = "--opensearch-port",
            defaultValue = "9200",
            description = "OpenSearch HTTP port (default ${DEFAULT-VALUE}).")
    int openSearchPort;

    @Option(
            names = "--s3-port",
            defaultValue = "9090",
            description = "S3 port (default ${DEFAULT-VALUE}).")
    int s3Port;

    @Option(
            names = "--env",
            paramLabel = "KEY=VALUE",
            description = "Sets an environment variable of every function (repeatable).")
    Map<String, String> environment = new LinkedHashMap<>();

    @Option(
            names = "--parameter",
            paramLabel = "NAME=VALUE",
            description = "Overrides a template parameter's default (repeatable).")
    Map<String, String> parameters = new LinkedHashMap<>();

    DevCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() throws InterruptedException {
        Project project = Project.current();
        InvocationLog log = new InvocationLog(console.err());
        DevStack stack;
        try {
            stack =
                    DevStack.start(
                            new DevStack.Options(
                                    project.template(),
                                    project.stateFolder(),
                                    port,
                                    sqsPort,
                                    openSearchPort,
                                    s3Port,
                                    parameters,
                                    environment),
                            log,
                            Clock.systemUTC());
        } catch (TemplateException | IllegalStateException e) {
            console.err().println("linkcrawl dev: " + e.getMessage());
            return 1;
        } catch (IOException | ServiceStartException e) {
            console.err().println("linkcrawl dev: " + reason(e));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    console.err().println("linkcrawl dev: stopping…");
                                    stack.close();
                                    stopped.countDown();
                                },
                                "linkcrawl-stop"));
        printReady(stack, project);
        stopped.await();
        return 0;
    }

    private void printReady(DevStack stack, Project project) {
        Endpoints endpoints = stack.endpoints();
        DevStack.StartupTimes times = stack.startupTimes();
        long buildMs = Long.getLong("linkcrawl.buildMs", 0);
        console.out()
                .printf(
                        "linkcrawl dev ready in %.1f s from launch (%sOpenSearch %.1f s, S3 %.1f s"
                                + " and SQS %.1f s side by side, functions %.1f s)%n",
                        sinceLaunch().toMillis() / 1000.0,
                        buildMs > 0 ? String.format("build %.1f s, ", buildMs / 1000.0) : "",
                        times.openSearch().toMillis() / 1000.0,
                        times.s3().toMillis() / 1000.0,
                        times.sqs().toMillis() / 1000.0,
                        times.functions().toMillis() / 1000.0);
        console.out().println("  API         " + endpoints.apiUrl());
        console.out()
                .println(
                        "  SQS         "
                                + endpoints.sqsEndpoint()
                                + "  queues: "
                                + String.join(", ", endpoints.queues().keySet()));
        console.out().println("  OpenSearch  " + endpoints.openSearchEndpoint());
        console.out()
                .println(
                        "  S3          "
                                + endpoints.s3Endpoint()
                                + "  buckets: "
                                + String.join(
                                        ", ",
                                        endpoints.buckets().values().stream()
                                                .map(
                                                        bucket ->
                                                                bucket.bucketName()
                                                                        + " ("
                                                                        + bucket.logicalId()
                                                                        + ")")
                                                .toList()));
        console.out().println("  state       " + project.stateFolder());
        stack.functions()
                .forEach(
                        (name, target) ->
                                console.out()
                                        .println(
                                                "  "
                                                        + name
                                                        + (target instanceof Target.Ready
                                                                ? "  ready"
                                                                : "  NOT AVAILABLE (see above)")));
        for (FunctionResource function : stack.template().functions()) {
            for (S3EventSource source : function.s3EventSources()) {
                console.out()
                        .printf(
                                "  %s  S3 %s %s on s3://%s/%s*%s, delivered as S3 would%n",
                                function.logicalId(),
                                source.eventName(),
                                String.join(",", source.events()),
                                endpoints.buckets().get(source.bucket()).bucketName(),
                                source.prefix(),
                                source.suffix());
            }
            for (ScheduleEventSource schedule : function.schedules()) {
                console.out()
                        .printf(
                                "  %s  Schedule %s %s is not run locally: ./linkcrawl invoke %s"
                                        + " --event events/%s/<a scheduled event>.json runs it%n",
                                function.logicalId(),
                                schedule.eventName(),
                                schedule.schedule(),
                                function.logicalId(),
                                eventsFolder(function));
            }
        }
        console.out().println("Try:");
        console.out()
                .println(
                        "  curl -s -X POST "
                                + endpoints.apiUrl()
                                + "/links -H 'Authorization: Bearer alice' -H 'Content-Type:"
                                + " application/json' -d '{\"url\":\"https://example.com/\"}'");
        if (!endpoints.buckets().isEmpty()) {
            console.out().println("  ./linkcrawl import --user alice bookmarks.html");
        }
        console.out()
                .println("Ctrl-C stops; queues, the index and the buckets stay in .linkcrawl/.");
        console.out().flush();
    }

    /**
     * {@code events/<name>/}, where the samples of the function built as {@code <name>.jar} live.
     */
    private static String eventsFolder(FunctionResource function) {
        String jar = java.nio.file.Path.of(function.codeUri()).getFileName().toString();
        return jar.endsWith(".jar") ? jar.substring(0, jar.length() - ".jar".length()) : jar;
    }

    /** The failure and its root cause in one line; a port in use says which option changes it. */
    static String reason(Throwable error) {
        Throwable root = error;
        while (!(root instanceof BindException)
                && root.getCause() != null
                && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root == error ? "" : ": " + root.getMessage();
        return root instanceof BindException
                ? error.getMessage()
                        + detail
                        + " (choose another port with --port, --sqs-port or --opensearch-port)"
                : error.getMessage() + detail;
    }

    /** From the script's launch when it says when that was, else from this JVM's start. */
    private static Duration sinceLaunch() {
        long launched =
                Long.getLong(
                        "linkcrawl.launchedAt",
                        ManagementFactory.getRuntimeMXBean().getStartTime());
        return Duration.ofMillis(System.currentTimeMillis() - launched);
    }
}
