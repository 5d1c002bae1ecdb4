package dev.linkcrawl.crawl;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Delivers queue messages to the crawl handler one at a time, as Lambda's SQS event source does:
 * acknowledged messages are deleted, batch item failures are left to reappear after the visibility
 * timeout (and reach the DLQ after the queue's maxReceiveCount).
 */
final class QueueDriver {
    private final SqsClient sqs;
    private final String queueUrl;
    private final CrawlLinkHandler handler;

    QueueDriver(SqsClient sqs, String queueUrl, CrawlLinkHandler handler) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.handler = handler;
    }

    /** Receives at most one message and invokes the handler with it; false when none came. */
    boolean deliverOne() {
        List<Message> messages =
                sqs.receiveMessage(
                                receive ->
                                        receive.queueUrl(queueUrl)
                                                .maxNumberOfMessages(1)
                                                .waitTimeSeconds(1)
                                                .messageSystemAttributeNames(
                                                        MessageSystemAttributeName.ALL))
                        .messages();
        if (messages.isEmpty()) {
            return false;
        }
        Message message = messages.getFirst();
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setEventSource("aws:sqs");
        record.setAttributes(
                message.attributes().entrySet().stream()
                        .collect(
                                Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue)));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record));
        SQSBatchResponse response = handler.handleRequest(event, null);
        Set<String> failed =
                response.getBatchItemFailures().stream()
                        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                        .collect(Collectors.toSet());
        if (!failed.contains(message.messageId())) {
            sqs.deleteMessage(
                    delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        }
        return true;
    }

    /** Delivers until the queue stays empty for a receive, or the time is up. */
    void drain(long timeoutMillis) {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < end) {
            if (!deliverOne() && visibleAndInFlight() == 0) {
                return;
            }
        }
    }

    int visibleAndInFlight() {
        Map<String, String> attributes =
                sqs.getQueueAttributes(
                                get ->
                                        get.queueUrl(queueUrl)
                                                .attributeNamesWithStrings(
                                                        "ApproximateNumberOfMessages",
                                                        "ApproximateNumberOfMessagesNotVisible"))
                        .attributesAsStrings();
        return Integer.parseInt(attributes.get("ApproximateNumberOfMessages"))
                + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
    }
}
