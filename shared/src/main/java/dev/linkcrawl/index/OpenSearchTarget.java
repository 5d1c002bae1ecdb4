package dev.linkcrawl.index;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The links index on one OpenSearch cluster, as the parts of {@link OpenSearchLinkIndex} reach it:
 * the client, the index name, and the {@link LinkIndexException} a failed call becomes.
 */
record OpenSearchTarget(OpenSearchClient client, String indexName) {

    private static final String INDEX_NOT_FOUND = "index_not_found_exception";

    /** Whether OpenSearch refused the call because the index does not exist. */
    static boolean indexNotFound(OpenSearchException e) {
        return INDEX_NOT_FOUND.equals(e.error().type());
    }

    /** OpenSearch answered {@code action} with an error status. */
    LinkIndexException failure(String action, OpenSearchException e) {
        int status = e.status();
        return new LinkIndexException(
                LinkIndexException.Reason.ofStatus(status),
                status,
                action + " in " + indexName + " failed: " + status + " " + e.error().type(),
                e);
    }

    /**
     * {@code action} got no answer: the cluster was unreachable, or (an {@link SdkException}) the
     * request could not be signed.
     */
    LinkIndexException failure(String action, Exception e) {
        LinkIndexException.Reason reason =
                e instanceof SdkException
                        ? LinkIndexException.Reason.NO_CREDENTIALS
                        : LinkIndexException.Reason.UNREACHABLE;
        return new LinkIndexException(reason, 0, action + " in " + indexName + " failed: " + e, e);
    }
}
