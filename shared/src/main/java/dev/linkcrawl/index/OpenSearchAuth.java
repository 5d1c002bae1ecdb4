package dev.linkcrawl.index;

/** How requests to OpenSearch are authenticated ({@code OPENSEARCH_AUTH}). */
public enum OpenSearchAuth {
    /** Signed with AWS Signature Version 4 using the default AWS credentials (deployed). */
    SIGV4,
    /** Not authenticated: a local node on loopback (tests and the local runner). */
    NONE
}
