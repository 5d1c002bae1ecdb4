package dev.linkcrawl.local.template;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * An {@code SQS} event of a function: the event source mapping SAM creates from it.
 *
 * @param eventName the event's key under {@code Events} (for example {@code CrawlQueueEvent})
 * @param queue the logical id of the queue it reads
 * @param batchSize {@code BatchSize}, default 10
 * @param reportsBatchItemFailures whether {@code FunctionResponseTypes} holds {@code
 *     ReportBatchItemFailures}; without it a completed invocation deletes the whole batch
 * @param maximumConcurrency {@code ScalingConfig.MaximumConcurrency}, absent when unset
 */
public record SqsEventSourceMapping(
        String eventName,
        String queue,
        int batchSize,
        boolean reportsBatchItemFailures,
        OptionalInt maximumConcurrency) {

    public static final int DEFAULT_BATCH_SIZE = 10;

    public SqsEventSourceMapping {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(maximumConcurrency, "maximumConcurrency");
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException(
                    "BatchSize must be from 1 to 10000, not " + batchSize);
        }
        if (maximumConcurrency.isPresent()
                && (maximumConcurrency.getAsInt() < 2 || maximumConcurrency.getAsInt() > 1000)) {
            throw new IllegalArgumentException(
                    "MaximumConcurrency must be from 2 to 1000, not "
                            + maximumConcurrency.getAsInt());
        }
    }
}
