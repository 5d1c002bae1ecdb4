package dev.linkcrawl.testing.backend;

import dev.linkcrawl.index.OpenSearchAuth;
import java.net.URI;
import java.util.Locale;

/**
 * The JVM's OpenSearch: a node in the test JVM ({@link dev.linkcrawl.testing.EmbeddedOpenSearch})
 * or a LocalStack domain ({@link LocalStackOpenSearch}). Tests share it, each with its own indices.
 */
public interface TestOpenSearch {

    /** The base URL an index client is given ({@code OPENSEARCH_ENDPOINT}), without a path. */
    URI endpoint();

    /** How an index client authenticates to it ({@code OPENSEARCH_AUTH}). */
    OpenSearchAuth auth();

    /** {@link #auth()} as the value of {@code OPENSEARCH_AUTH}: {@code none} or {@code sigv4}. */
    default String authSetting() {
        return auth().name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether {@link #stop()} can take OpenSearch away mid-test and {@link #start()} bring it back.
     */
    boolean canStop();

    /**
     * Stops it, keeping its endpoint and data for {@link #start()}.
     *
     * @throws UnsupportedOperationException if {@link #canStop()} is false
     */
    void stop();

    /** Starts it unless it is running, and returns {@link #endpoint()}. */
    URI start();

    boolean isRunning();
}
