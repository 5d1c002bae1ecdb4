package dev.linkcrawl.crawl.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The crawl and backfill queues on SQS, known by their URLs ({@code CRAWL_QUEUE_URL}, {@code
 * BACKFILL_QUEUE_URL}); a delivery's ARN names its queue, and queue URLs end with the same name.
 * The SQS client is built on first use: most crawls never need it, and building one costs a cold
 * start about 200 ms.
 */
public final class SqsCrawlQueues implements CrawlQueues {

    /** SQS's longest {@code DelaySeconds}: 15 minutes. */
    static final Duration LONGEST_DELAY = Duration.ofMinutes(15);

    private final Supplier<SqsClient> client;
    private SqsClient sqs;
    private final Map<QueueRole, String> urls;

    public SqsCrawlQueues(
            Supplier<SqsClient> client,
            Optional<String> crawlQueueUrl,
            Optional<String> backfillQueueUrl) {
        this.client = Objects.requireNonNull(client, "client");
        java.util.EnumMap<QueueRole, String> known = new java.util.EnumMap<>(QueueRole.class);
        crawlQueueUrl.ifPresent(url -> known.put(QueueRole.CRAWL, url));
        backfillQueueUrl.ifPresent(url -> known.put(QueueRole.BACKFILL, url));
        this.urls = Map.copyOf(known);
    }

    @Override
    public Optional<QueueRole> roleOf(Delivery delivery) {
        String name = delivery.queueName();
        return urls.entrySet().stream()
                .filter(entry -> !name.isEmpty() && entry.getValue().endsWith("/" + name))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    @Override
    public void retryAfter(Delivery delivery, Duration delay) {
        String url = url(delivery);
        try {
            sqs().changeMessageVisibility(
                            change ->
                                    change.queueUrl(url)
                                            .receiptHandle(delivery.receiptHandle())
                                            .visibilityTimeout((int) delay.toSeconds()));
        } catch (SdkException e) {
            throw new QueueUnreachableException("the queue did not take the retry delay", e);
        }
    }

    @Override
    public void deferAgain(Delivery delivery, String messageGroupId, Duration delay) {
        String url = url(delivery);
        Duration bounded = delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
        try {
            sqs().sendMessage(
                            send ->
                                    send.queueUrl(url)
                                            .messageBody(delivery.body())
                                            .messageGroupId(messageGroupId)
                                            .delaySeconds((int) bounded.toSeconds())
                                            .messageAttributes(
                                                    Map.of(
                                                            Delivery.DEFERRALS,
                                                            MessageAttributeValue.builder()
                                                                    .dataType("Number")
                                                                    .stringValue(
                                                                            Integer.toString(
                                                                                    delivery
                                                                                                    .deferrals()
                                                                                            + 1))
                                                                    .build())));
        } catch (SdkException e) {
            throw new QueueUnreachableException("the queue did not take the deferred copy", e);
        }
    }

    private synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = client.get();
        }
        return sqs;
    }

    private String url(Delivery delivery) {
        return roleOf(delivery)
                .map(urls::get)
                .orElseThrow(
                        () ->
                                new QueueUnreachableException(
                                        "no URL is configured for queue "
                                                + delivery.queueName()
                                                + " (CRAWL_QUEUE_URL, BACKFILL_QUEUE_URL)",
                                        null));
    }
}
