package dev.linkcrawl.bench.faults;

import dev.linkcrawl.bench.harness.PipelineQueues;
import dev.linkcrawl.local.Endpoints;
import dev.linkcrawl.local.Main;
import dev.linkcrawl.local.sqs.LocalSqs;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code ./linkcrawl dev} as a child JVM ({@code dev.linkcrawl.local.Main dev} on the runner's
 * class path, the real {@code template.yaml}), with its state in a folder of the test's and fixed
 * free ports kept across restarts, so that {@link #kill()} is a real {@code kill -9} and a second
 * start finds the same queues and index. Its output goes to {@code dev-<n>.log} in the state
 * folder.
 */
final class DevProcess implements AutoCloseable {

    /** How long a start may take on a busy two-core machine: 180 seconds. */
    static final Duration START_LIMIT = Duration.ofSeconds(180);

    /** The checkout: the tests run in {@code local/}. */
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    private final Path state;
    private final Path home;
    private final int apiPort;
    private final int sqsPort;
    private final int openSearchPort;
    private final Map<String, String> environment;
    private final Map<String, String> parameters;
    private Process process;
    private Path log;
    private Endpoints endpoints;
    private int starts;

    /**
     * @param environment {@code --env} values for every function
     * @param parameters {@code --parameter} template overrides
     */
    DevProcess(Path state, Map<String, String> environment, Map<String, String> parameters)
            throws IOException {
        this(ROOT, state, environment, parameters);
    }

    /**
     * @param home the folder whose {@code template.yaml} the runner reads (see {@link
     *     DerivedTemplate})
     */
    DevProcess(
            Path home, Path state, Map<String, String> environment, Map<String, String> parameters)
            throws IOException {
        this.home = home;
        this.state = state;
        this.apiPort = freePort();
        this.sqsPort = freePort();
        this.openSearchPort = freePort();
        this.environment = new LinkedHashMap<>(environment);
        // Transient failures come back after seconds, not the deployed 30 s to 30 min, so a
        // scenario settles within its limit.
        this.environment.putIfAbsent("RETRY_DELAYS_SECONDS", "1,2,3,4");
        this.parameters = new LinkedHashMap<>(parameters);
    }

    /** Starts the child and waits until it has written its endpoints (everything serves). */
    DevProcess start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        starts++;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.add("-Xmx1g");
        command.add("-Dlinkcrawl.home=" + home);
        command.add("-Dlinkcrawl.state=" + state);
        command.add("-cp");
        command.add(runnerClassPath());
        command.add(Main.class.getName());
        command.add("dev");
        command.addAll(
                List.of(
                        "--port",
                        Integer.toString(apiPort),
                        "--sqs-port",
                        Integer.toString(sqsPort),
                        "--opensearch-port",
                        Integer.toString(openSearchPort)));
        environment.forEach((key, value) -> command.addAll(List.of("--env", key + "=" + value)));
        parameters.forEach(
                (key, value) -> command.addAll(List.of("--parameter", key + "=" + value)));
        Files.createDirectories(state);
        log = state.resolve("dev-" + starts + ".log");
        Process started =
                new ProcessBuilder(command)
                        .directory(ROOT.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        // A test JVM that exits without closing this (a failsafe timeout) leaves no stack behind.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(started::destroyForcibly, "dev-process-reaper"));
        process = started;
        endpoints = awaitEndpoints(log);
        return this;
    }

    Endpoints endpoints() {
        if (endpoints == null) {
            throw new IllegalStateException("not started");
        }
        return endpoints;
    }

    /**
     * What the current (or last) child has written: its ready lines and one line per invocation.
     */
    String log() throws IOException {
        return Files.readString(log);
    }

    /** A new SQS client of the child's server (the caller closes it). */
    SqsClient sqsClient() {
        return LocalSqs.client(endpoints().sqsEndpoint());
    }

    /** The work and dead-letter queues. */
    PipelineQueues queues(SqsClient sqs) {
        return PipelineQueues.of(sqs, endpoints().queues().values());
    }

    /**
     * Sets every work queue's visibility timeout, so a message whose crawl failed or died comes
     * back after {@code seconds} instead of the template's 180. The template's value is set again
     * at each start, so call this after every {@link #start()}.
     */
    void visibilityTimeout(SqsClient sqs, int seconds) {
        for (String url : queues(sqs).work()) {
            sqs.setQueueAttributes(
                    set ->
                            set.queueUrl(url)
                                    .attributes(
                                            Map.of(
                                                    QueueAttributeName.VISIBILITY_TIMEOUT,
                                                    Integer.toString(seconds))));
        }
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Ctrl-C: the runner's shutdown hook stops everything cleanly. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private Endpoints awaitEndpoints(Path log) throws IOException, InterruptedException {
        long end = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "./linkcrawl dev exited with " + process.exitValue() + ":\n" + tail(log));
            }
            if (Files.exists(Endpoints.file(state))) {
                try {
                    Endpoints written = Endpoints.read(state);
                    if (written.pid() == process.pid()) {
                        return written;
                    }
                } catch (IOException e) {
                    // Being written (it is moved into place atomically, but a stale one may be
                    // there).
                }
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException(
                "./linkcrawl dev was not ready within "
                        + START_LIMIT.toSeconds()
                        + " s:\n"
                        + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /**
     * This JVM's class path without test classes, the benchmarks and the project's other modules:
     * what {@code ./linkcrawl} runs (the runner and its libraries; the functions come from their
     * jars).
     */
    private static String runnerClassPath() {
        String functions = ROOT.resolve("functions").toString();
        String shared = ROOT.resolve("shared").toString();
        String benchmarks = ROOT.resolve("local/bench").toString();
        String installed = Path.of("repository", "dev", "linkcrawl").toString();
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("tests.jar"))
                .filter(entry -> !entry.startsWith(functions) && !entry.startsWith(shared))
                .filter(entry -> !entry.startsWith(benchmarks))
                .filter(entry -> !entry.contains(installed))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
