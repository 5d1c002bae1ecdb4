package dev.linkcrawl.testing;

import dev.linkcrawl.index.OpenSearchAuth;
import dev.linkcrawl.testing.backend.TestOpenSearch;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.node.Node;

/**
 * A real OpenSearch node (3.8, with analysis-common) in this JVM on 127.0.0.1, for tests and the
 * local runner. One per JVM: {@link #shared()} starts nothing until {@link #start()} is called; a
 * JVM shutdown hook stops it and deletes its data directory.
 *
 * <p>The node keeps its HTTP port and its data across {@link #stop()} and {@link #start()}, so a
 * test can take OpenSearch away mid-run and bring it back. Starting takes 2 to 5 seconds the first
 * time, a restart well under 2; {@link #lastStartDuration()} says how long it took.
 */
public final class EmbeddedOpenSearch implements TestOpenSearch {

    private static final EmbeddedOpenSearch SHARED = new EmbeddedOpenSearch();

    /**
     * The modules the node loads: analyzers, HTTP, the extra field types, and Painless (the owner
     * counts are scripted updates; every managed OpenSearch domain has it).
     */
    private static final String MODULES =
            String.join(
                    ",",
                    "org.opensearch.analysis.common.CommonAnalysisModulePlugin",
                    "org.opensearch.index.mapper.MapperExtrasModulePlugin",
                    "org.opensearch.painless.PainlessModulePlugin",
                    "org.opensearch.transport.Netty4ModulePlugin");

    private OpenSearchRunner runner;
    private Path home;
    private int port;
    private boolean running;
    private Duration lastStartDuration = Duration.ZERO;

    private EmbeddedOpenSearch() {}

    /** The node of this JVM. */
    public static EmbeddedOpenSearch shared() {
        return SHARED;
    }

    /**
     * Starts the node unless it is running, and waits until it accepts requests.
     *
     * @return its HTTP endpoint, {@code http://127.0.0.1:<port>}
     */
    @Override
    public synchronized URI start() {
        if (running) {
            return endpoint();
        }
        long started = System.nanoTime();
        // OpenSearch points System.out and System.err at its loggers when it configures logging;
        // keep the test's streams whatever it does.
        PrintStream out = System.out;
        PrintStream err = System.err;
        try {
            if (runner == null) {
                buildRunner();
            } else if (!runner.startNode(0)) {
                throw new IllegalStateException("OpenSearch did not restart on port " + port);
            }
            runner.ensureYellow();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        running = true;
        lastStartDuration = Duration.ofNanos(System.nanoTime() - started);
        System.err.printf(
                "EmbeddedOpenSearch: ready at %s in %d ms%n",
                endpoint(), lastStartDuration.toMillis());
        return endpoint();
    }

    /** Stops the node, keeping its port and data for the next {@link #start()}. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        Node node = runner.getNode(0);
        try {
            node.close();
            if (!node.awaitClose(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("OpenSearch did not stop within 30 seconds");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop OpenSearch", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping OpenSearch", e);
        }
        running = false;
    }

    /** Stops and starts the node: same port, same data. */
    public synchronized URI restart() {
        stop();
        return start();
    }

    /** Whether the node is running. */
    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    /**
     * The HTTP endpoint, {@code http://127.0.0.1:<port>}; stable across stops and starts.
     *
     * @throws IllegalStateException if the node was never started
     */
    @Override
    public synchronized URI endpoint() {
        if (runner == null) {
            throw new IllegalStateException("EmbeddedOpenSearch was never started");
        }
        return URI.create("http://127.0.0.1:" + port);
    }

    /** No authentication: the node listens on loopback only. */
    @Override
    public OpenSearchAuth auth() {
        return OpenSearchAuth.NONE;
    }

    @Override
    public boolean canStop() {
        return true;
    }

    /** How long the last {@link #start()} that started the node took. */
    public synchronized Duration lastStartDuration() {
        return lastStartDuration;
    }

    private void buildRunner() {
        try {
            home = Files.createTempDirectory("linkcrawl-opensearch");
            port = freeLoopbackPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare OpenSearch", e);
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(this::shutDown, "embedded-opensearch-shutdown"));
        OpenSearchRunner created = new OpenSearchRunner();
        created.onBuild(
                (number, settings) -> {
                    settings.put("network.host", "127.0.0.1");
                    settings.put("http.port", port);
                    settings.put("transport.port", 0);
                    // A nearly full disk must not turn the test index read-only.
                    settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
                });
        created.build(
                OpenSearchRunner.newConfigs()
                        .basePath(home.toString())
                        .clusterName("linkcrawl-test")
                        .numOfNode(1)
                        .moduleTypes(MODULES)
                        .disableESLogger()
                        .useLogger());
        runner = created;
    }

    private synchronized void shutDown() {
        try {
            stop();
        } catch (RuntimeException e) {
            // The JVM is exiting: leave the node to die with it.
        }
        if (home != null) {
            try (Stream<Path> paths = Files.walk(home)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // A temp directory left behind is harmless.
            }
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
