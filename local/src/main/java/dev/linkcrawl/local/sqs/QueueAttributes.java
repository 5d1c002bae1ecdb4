package dev.linkcrawl.local.sqs;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What the event source reads of its queue's attributes. */
final class QueueAttributes {

    private final SqsClient sqs;
    private final LocalQueue queue;

    QueueAttributes(SqsClient sqs, LocalQueue queue) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queue = Objects.requireNonNull(queue, "queue");
    }

    /** The queue's visibility timeout; SQS's default (30 s) when it cannot be read. */
    Duration visibilityTimeout() {
        try {
            String seconds =
                    read(QueueAttributeName.VISIBILITY_TIMEOUT)
                            .get(QueueAttributeName.VISIBILITY_TIMEOUT);
            return Duration.ofSeconds(Long.parseLong(seconds));
        } catch (SdkException | NumberFormatException | NullPointerException e) {
            return Duration.ofSeconds(30);
        }
    }

    /** Messages the queue holds, visible, in flight and delayed; empty when it cannot be read. */
    OptionalLong messages() {
        try {
            return OptionalLong.of(
                    read(
                                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)
                            .values()
                            .stream()
                            .mapToLong(Long::parseLong)
                            .sum());
        } catch (SdkException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private Map<QueueAttributeName, String> read(QueueAttributeName... names) {
        return sqs.getQueueAttributes(get -> get.queueUrl(queue.url()).attributeNames(names))
                .attributes();
    }
}
