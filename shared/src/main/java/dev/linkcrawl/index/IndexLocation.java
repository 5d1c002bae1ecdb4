package dev.linkcrawl.index;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the links index lives: the rules for an OpenSearch endpoint and an index name. Kept apart
 * from {@link OpenSearchLinkIndex} so that reading settings never loads the OpenSearch client,
 * which functions that do not use the index (submit) leave out of their jars.
 */
public final class IndexLocation {

    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,254}");

    private IndexLocation() {}

    /**
     * {@code endpoint}, if it can be an OpenSearch endpoint: {@code http} or {@code https}, a host,
     * an optional port, and nothing else.
     *
     * @throws IllegalArgumentException if it cannot
     */
    public static URI requireBaseUrl(URI endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        String scheme = endpoint.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("the OpenSearch endpoint must be http or https");
        }
        if (endpoint.getHost() == null
                || endpoint.getRawUserInfo() != null
                || endpoint.getRawQuery() != null
                || endpoint.getRawFragment() != null
                || !(endpoint.getRawPath() == null
                        || endpoint.getRawPath().isEmpty()
                        || endpoint.getRawPath().equals("/"))) {
            throw new IllegalArgumentException(
                    "the OpenSearch endpoint is scheme://host[:port] only, without credentials,"
                            + " path or query");
        }
        return endpoint;
    }

    /**
     * {@code endpoint}, if a request signed with SigV4 may go to it: over {@code https}, or over
     * plain {@code http} only to this machine. A signature and the credentials' key id must never
     * cross a network unencrypted.
     *
     * @throws IllegalArgumentException if it may not
     */
    public static URI requireSafeForSigning(URI endpoint) {
        requireBaseUrl(endpoint);
        String host = endpoint.getHost();
        boolean loopback =
                host.equals("localhost")
                        || host.startsWith("127.")
                        || host.equals("[::1]")
                        || host.equals("::1");
        if (endpoint.getScheme().equals("http") && !loopback) {
            throw new IllegalArgumentException(
                    "OPENSEARCH_AUTH=sigv4 needs an https OPENSEARCH_ENDPOINT (plain http only to"
                            + " this machine)");
        }
        return endpoint;
    }

    /**
     * {@code indexName}, if OpenSearch accepts it as an index name (lowercase letters, digits,
     * {@code .}, {@code _} and {@code -}, not starting with a symbol, at most 255 characters).
     *
     * @throws IllegalArgumentException if it does not
     */
    public static String requireIndexName(String indexName) {
        Objects.requireNonNull(indexName, "indexName");
        if (!INDEX_NAME.matcher(indexName).matches()) {
            throw new IllegalArgumentException(
                    "an index name is lowercase letters, digits, '.', '_' and '-'");
        }
        return indexName;
    }
}
