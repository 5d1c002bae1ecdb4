package dev.linkcrawl.crawl.delivery;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One delivery of an SQS message to the crawl function, with what the function needs of SQS's
 * attributes.
 *
 * @param queueArn the queue it came from ({@code eventSourceARN})
 * @param receiveCount SQS's delivery count, this one included (1 when missing or odd)
 * @param sentAt when it was sent ({@code SentTimestamp})
 * @param deferrals how many times the crawl function has put it back because its owner held its
 *     share of crawls ({@value #DEFERRALS} message attribute; 0 when missing)
 */
public record Delivery(
        String messageId,
        String receiptHandle,
        String body,
        String queueArn,
        int receiveCount,
        Optional<Instant> sentAt,
        int deferrals) {

    /** The message attribute that counts deferrals. */
    public static final String DEFERRALS = "deferrals";

    public Delivery {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(receiptHandle, "receiptHandle");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(queueArn, "queueArn");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    /** The delivery Lambda hands over as {@code record}. */
    public static Delivery of(SQSEvent.SQSMessage record) {
        Map<String, String> attributes =
                record.getAttributes() == null ? Map.of() : record.getAttributes();
        return new Delivery(
                Objects.requireNonNullElse(record.getMessageId(), ""),
                Objects.requireNonNullElse(record.getReceiptHandle(), ""),
                Objects.requireNonNullElse(record.getBody(), ""),
                Objects.requireNonNullElse(record.getEventSourceArn(), ""),
                Math.max(
                        1, number(attributes.get("ApproximateReceiveCount")).orElse(1L).intValue()),
                number(attributes.get("SentTimestamp")).map(Instant::ofEpochMilli),
                deferrals(record));
    }

    /** The queue's name: the last part of its ARN. */
    public String queueName() {
        return queueArn.substring(queueArn.lastIndexOf(':') + 1);
    }

    /** From {@link #sentAt()} to {@code startedAt}, when the attribute was there. */
    public Optional<Duration> queueWait(Instant startedAt) {
        return sentAt.map(sent -> Duration.between(sent, startedAt));
    }

    private static int deferrals(SQSEvent.SQSMessage record) {
        if (record.getMessageAttributes() == null) {
            return 0;
        }
        SQSEvent.MessageAttribute attribute = record.getMessageAttributes().get(DEFERRALS);
        return attribute == null
                ? 0
                : (int) Math.min(1000, Math.max(0, number(attribute.getStringValue()).orElse(0L)));
    }

    private static Optional<Long> number(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
