package dev.linkcrawl.local.sqs;

import java.util.Objects;

/** A queue of the template as it exists on the local server. */
public record LocalQueue(String logicalId, String name, String url, String arn) {
    public LocalQueue {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(arn, "arn");
    }
}
