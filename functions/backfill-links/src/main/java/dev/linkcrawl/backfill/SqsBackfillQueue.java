package dev.linkcrawl.backfill;

import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlMessageCodec;
import dev.linkcrawl.link.TenantKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/** The backfill queue on Amazon SQS (or ElasticMQ): one {@code SendMessageBatch} per send. */
public final class SqsBackfillQueue implements BackfillQueue {

    private final SqsClient sqs;
    private final String queueUrl;
    private final CrawlMessageCodec codec = new CrawlMessageCodec();

    public SqsBackfillQueue(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
    }

    @Override
    public List<Failure> send(List<CrawlMessage> batch) throws QueueUnavailableException {
        if (batch.isEmpty()) {
            return List.of();
        }
        if (batch.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " messages a batch");
        }
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            entries.add(
                    SendMessageBatchRequestEntry.builder()
                            .id(Integer.toString(i))
                            .messageBody(codec.encode(batch.get(i)))
                            // The owner is the tenant of SQS fair queues.
                            .messageGroupId(TenantKey.of(batch.get(i).owner()).value())
                            .build());
        }
        SendMessageBatchResponse response;
        try {
            response = sqs.sendMessageBatch(send -> send.queueUrl(queueUrl).entries(entries));
        } catch (SdkException e) {
            throw new QueueUnavailableException("SQS did not take the batch", e);
        }
        List<Failure> failures = new ArrayList<>();
        Set<Integer> answered = new HashSet<>();
        for (SendMessageBatchResultEntry ok : response.successful()) {
            answered.add(index(ok.id(), batch.size()));
        }
        for (BatchResultErrorEntry failed : response.failed()) {
            int index = index(failed.id(), batch.size());
            if (index >= 0 && answered.add(index)) {
                boolean senderFault = Boolean.TRUE.equals(failed.senderFault());
                failures.add(new Failure(index, String.valueOf(failed.code()), !senderFault));
            }
        }
        // An entry the response does not mention was not confirmed: treat it as failed.
        for (int i = 0; i < batch.size(); i++) {
            if (!answered.contains(i)) {
                failures.add(new Failure(i, "not_in_response", true));
            }
        }
        return failures;
    }

    private static int index(String id, int size) {
        try {
            int index = Integer.parseInt(id);
            return index >= 0 && index < size ? index : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
