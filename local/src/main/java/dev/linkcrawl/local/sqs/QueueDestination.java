package dev.linkcrawl.local.sqs;

import dev.linkcrawl.local.lambda.AsyncInvoker;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A queue of the template as a function's on-failure destination ({@code DestinationConfig:
 * OnFailure: Type: SQS}): each invocation record is one message, its body the record.
 */
public final class QueueDestination implements AsyncInvoker.Destination {

    private final LocalQueue queue;
    private final SqsClient sqs;

    /**
     * @param sqs a client of the server holding {@code queue}; not closed by this
     */
    public QueueDestination(LocalQueue queue, SqsClient sqs) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.sqs = Objects.requireNonNull(sqs, "sqs");
    }

    @Override
    public String name() {
        return queue.logicalId();
    }

    @Override
    public void send(String invocationRecord) {
        sqs.sendMessage(message -> message.queueUrl(queue.url()).messageBody(invocationRecord));
    }
}
