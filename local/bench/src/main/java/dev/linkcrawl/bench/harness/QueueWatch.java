package dev.linkcrawl.bench.harness;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Watches work queues until the pipeline has settled: no message visible, in flight or delayed in
 * any of them, on {@value #STABLE_READS} reads in a row {@value #READ_INTERVAL_MS} ms apart. A
 * message in flight is one a crawl is working on (or one whose crawl died and that will come back
 * after its visibility timeout), so a settled pipeline has nothing left to do.
 */
public final class QueueWatch {

    /** Consecutive empty reads that count as settled: 3. */
    static final int STABLE_READS = 3;

    /** Pause between reads: 250 ms. */
    static final long READ_INTERVAL_MS = 250;

    private static final List<QueueAttributeName> DEPTHS =
            List.of(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);

    private final SqsClient sqs;
    private final List<String> queueUrls;

    public QueueWatch(SqsClient sqs, List<String> queueUrls) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrls = List.copyOf(queueUrls);
    }

    /** Messages waiting, in flight and delayed, summed over the watched queues. */
    public record Depth(long visible, long inFlight, long delayed) {
        public long total() {
            return visible + inFlight + delayed;
        }
    }

    /** The depth now. */
    public Depth depth() {
        long visible = 0;
        long inFlight = 0;
        long delayed = 0;
        for (String url : queueUrls) {
            Map<QueueAttributeName, String> attributes =
                    sqs.getQueueAttributes(get -> get.queueUrl(url).attributeNames(DEPTHS))
                            .attributes();
            visible += count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
            inFlight +=
                    count(
                            attributes,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
            delayed += count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);
        }
        return new Depth(visible, inFlight, delayed);
    }

    /**
     * Waits until every watched queue is empty with nothing in flight.
     *
     * @return how long it took
     * @throws TimeoutException naming the last depth seen, when {@code limit} passes first
     */
    public Duration awaitSettled(Duration limit) throws InterruptedException, TimeoutException {
        long start = System.nanoTime();
        long end = start + limit.toNanos();
        int emptyReads = 0;
        Depth last = null;
        while (true) {
            try {
                last = depth();
                emptyReads = last.total() == 0 ? emptyReads + 1 : 0;
            } catch (SdkException e) {
                emptyReads = 0; // the queue server is restarting or busy: not settled
            }
            if (emptyReads >= STABLE_READS) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (System.nanoTime() > end) {
                throw new TimeoutException(
                        "the queues did not settle within " + limit.toSeconds() + " s: " + last);
            }
            Thread.sleep(READ_INTERVAL_MS);
        }
    }

    private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        String value = attributes.get(name);
        return value == null ? 0 : Long.parseLong(value);
    }
}
