package dev.linkcrawl.local;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * How many messages a queue holds beyond those it held when this was made: visible, in flight and
 * delayed alike, as SQS approximates them. Empty when there is no queue or it cannot be read,
 * because it only feeds the progress bar.
 */
final class QueueGrowth {

    private final SqsClient sqs;
    private final Optional<String> queueUrl;
    private final OptionalLong before;

    private QueueGrowth(SqsClient sqs, Optional<String> queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.before = depth();
    }

    /** Starts counting from the queue's depth now. */
    static QueueGrowth from(SqsClient sqs, Optional<String> queueUrl) {
        return new QueueGrowth(sqs, queueUrl);
    }

    /** Messages on the queue beyond those there at the start. */
    OptionalLong sinceStart() {
        OptionalLong now = depth();
        if (now.isEmpty() || before.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, now.getAsLong() - before.getAsLong()));
    }

    private OptionalLong depth() {
        if (queueUrl.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            Map<QueueAttributeName, String> attributes =
                    sqs.getQueueAttributes(
                                    get ->
                                            get.queueUrl(queueUrl.get())
                                                    .attributeNames(
                                                            QueueAttributeName
                                                                    .APPROXIMATE_NUMBER_OF_MESSAGES,
                                                            QueueAttributeName
                                                                    .APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                                                            QueueAttributeName
                                                                    .APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                            .attributes();
            long depth = 0;
            for (String value : attributes.values()) {
                depth += Long.parseLong(value);
            }
            return OptionalLong.of(depth);
        } catch (SdkException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
