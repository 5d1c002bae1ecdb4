package dev.linkcrawl.submit;

import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlMessageCodec;
import dev.linkcrawl.link.TenantKey;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The crawl queue on Amazon SQS (or an SQS-compatible server such as ElasticMQ). */
public final class SqsCrawlQueue implements CrawlQueue {

    private final SqsClient sqs;
    private final String queueUrl;
    private final CrawlMessageCodec codec = new CrawlMessageCodec();

    public SqsCrawlQueue(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
    }

    @Override
    public void send(CrawlMessage message) throws QueueUnavailableException {
        try {
            // The owner is the tenant of SQS fair queues: one owner's flood cannot delay another's.
            sqs.sendMessage(
                    send ->
                            send.queueUrl(queueUrl)
                                    .messageBody(codec.encode(message))
                                    .messageGroupId(TenantKey.of(message.owner()).value()));
        } catch (SdkException e) {
            throw new QueueUnavailableException("SQS did not accept the message", e);
        }
    }
}
