package dev.linkcrawl.local.template;

import java.util.Objects;

/**
 * A queue's {@code RedrivePolicy}: after {@code maxReceiveCount} receives a message moves to {@code
 * deadLetterQueue} (a logical id in the template).
 */
public record Redrive(String deadLetterQueue, int maxReceiveCount) {
    public Redrive {
        Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
        if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
            throw new IllegalArgumentException(
                    "maxReceiveCount must be from 1 to 1000, not " + maxReceiveCount);
        }
    }
}
