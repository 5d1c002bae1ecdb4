package dev.linkcrawl.local.sqs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Messages an event source handled, deleted from their queue ten to a request. With one crawl per
 * invocation, deleting each message as its invocation ended cost one request per message: under a
 * flood of put-back links, about 7 % of the machine's CPU (the SDK's and ElasticMQ's share of each
 * request). On AWS the event source's deletes cost the functions nothing; here they share the cores
 * with everything else. A message waits at most until the next {@link #flush()} (the poller runs
 * one every {@link #FLUSH_EVERY_MILLIS} ms): it stays hidden meanwhile, as in flight.
 */
final class PendingDeletes {

    /** How often the poller sends what is pending: 50 ms. */
    static final long FLUSH_EVERY_MILLIS = 50;

    /** SQS's most entries in one batch request. */
    static final int BATCH = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final Consumer<String> note;
    private final List<Message> pending = new ArrayList<>();

    /**
     * @param note told what could not be deleted, and why
     */
    PendingDeletes(SqsClient sqs, String queueUrl, Consumer<String> note) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.note = Objects.requireNonNull(note, "note");
    }

    /** Adds handled messages; ten pending make one request at once. */
    void add(List<Message> handled) {
        List<Message> full = List.of();
        synchronized (this) {
            pending.addAll(handled);
            if (pending.size() >= BATCH) {
                int whole = pending.size() - pending.size() % BATCH;
                full = List.copyOf(pending.subList(0, whole));
                pending.subList(0, whole).clear();
            }
        }
        delete(full);
    }

    /** Deletes everything pending. */
    void flush() {
        List<Message> all;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            all = List.copyOf(pending);
            pending.clear();
        }
        delete(all);
    }

    private void delete(List<Message> messages) {
        for (int from = 0; from < messages.size(); from += BATCH) {
            List<Message> chunk = messages.subList(from, Math.min(from + BATCH, messages.size()));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(
                        DeleteMessageBatchRequestEntry.builder()
                                .id(Integer.toString(i))
                                .receiptHandle(chunk.get(i).receiptHandle())
                                .build());
            }
            try {
                DeleteMessageBatchResponse response =
                        sqs.deleteMessageBatch(
                                delete -> delete.queueUrl(queueUrl).entries(entries));
                if (response.hasFailed() && !response.failed().isEmpty()) {
                    note.accept(
                            "could not delete "
                                    + response.failed().size()
                                    + " message(s) (their visibility timeout may have passed): "
                                    + response.failed().getFirst().message());
                }
            } catch (SdkException e) {
                note.accept("could not delete processed messages: " + e.getMessage());
            }
        }
    }
}
