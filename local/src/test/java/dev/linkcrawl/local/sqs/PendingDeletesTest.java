package dev.linkcrawl.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;

class PendingDeletesTest {

    /** Records each batch delete it is asked for. */
    private static final class RecordingSqs implements SqsClient {
        final List<List<String>> requests = new ArrayList<>();

        @Override
        public DeleteMessageBatchResponse deleteMessageBatch(DeleteMessageBatchRequest request) {
            requests.add(
                    request.entries().stream()
                            .map(DeleteMessageBatchRequestEntry::receiptHandle)
                            .toList());
            return DeleteMessageBatchResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {}
    }

    private final RecordingSqs sqs = new RecordingSqs();
    private final List<String> notes = new ArrayList<>();
    private final PendingDeletes deletes =
            new PendingDeletes(sqs, "http://127.0.0.1:9324/000000000000/CrawlQueue", notes::add);

    private static List<Message> messages(int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(i -> Message.builder().receiptHandle("handle-" + i).build())
                .toList();
    }

    @Test
    void holdsFewerThanTenUntilFlushed() {
        deletes.add(messages(0, 3));

        assertThat(sqs.requests).isEmpty();

        deletes.flush();

        assertThat(sqs.requests).containsExactly(List.of("handle-0", "handle-1", "handle-2"));
    }

    @Test
    void sendsTenAtOnceAndKeepsTheRestForTheNextFlush() {
        deletes.add(messages(0, 9));
        deletes.add(messages(9, 3));

        assertThat(sqs.requests).hasSize(1);
        assertThat(sqs.requests.getFirst()).hasSize(10).startsWith("handle-0").endsWith("handle-9");

        deletes.flush();

        assertThat(sqs.requests.get(1)).containsExactly("handle-10", "handle-11");
    }

    @Test
    void aFlushWithNothingPendingSendsNothing() {
        deletes.flush();

        assertThat(sqs.requests).isEmpty();
        assertThat(notes).isEmpty();
    }
}
