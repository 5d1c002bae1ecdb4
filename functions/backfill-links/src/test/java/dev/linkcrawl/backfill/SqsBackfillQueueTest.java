package dev.linkcrawl.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlMessageCodec;
import dev.linkcrawl.link.CrawlSource;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/** How the adapter reads SQS's answers; talking to a real server is covered by the ITs. */
class SqsBackfillQueueTest {

    private final List<SendMessageBatchRequest> requests = new ArrayList<>();

    @Test
    void sendsOneBatchWithTheEncodedMessagesAndIndexIds() throws Exception {
        SqsBackfillQueue queue = queue(request -> answer(request, List.of()));

        List<BackfillQueue.Failure> failures = queue.send(messages(3));

        assertThat(failures).isEmpty();
        SendMessageBatchRequest request = requests.getFirst();
        assertThat(request.queueUrl()).isEqualTo("https://sqs.example/backfill");
        assertThat(request.entries()).extracting(e -> e.id()).containsExactly("0", "1", "2");
        assertThat(new CrawlMessageCodec().decode(request.entries().get(1).messageBody()))
                .isEqualTo(messages(3).get(1));
    }

    @Test
    void reportsFailedEntriesRetryableUnlessTheSenderIsAtFault() throws Exception {
        SqsBackfillQueue queue =
                queue(
                        request ->
                                answer(
                                        request,
                                        List.of(
                                                failed("1", "ServiceUnavailable", false),
                                                failed("2", "InvalidParameterValue", true))));

        assertThat(queue.send(messages(4)))
                .containsExactly(
                        new BackfillQueue.Failure(1, "ServiceUnavailable", true),
                        new BackfillQueue.Failure(2, "InvalidParameterValue", false));
    }

    @Test
    void anEntryTheAnswerDoesNotMentionCountsAsFailed() throws Exception {
        SqsBackfillQueue queue =
                queue(request -> SendMessageBatchResponse.builder().successful(ok("0")).build());

        assertThat(queue.send(messages(2)))
                .containsExactly(new BackfillQueue.Failure(1, "not_in_response", true));
    }

    @Test
    void aFailedCallIsQueueUnavailable() {
        SqsBackfillQueue queue =
                queue(
                        request -> {
                            throw SdkClientException.create("connection refused");
                        });

        assertThatThrownBy(() -> queue.send(messages(1)))
                .isInstanceOf(QueueUnavailableException.class);
    }

    @Test
    void refusesMoreThanTenMessages() {
        SqsBackfillQueue queue = queue(request -> answer(request, List.of()));

        assertThatThrownBy(() -> queue.send(messages(11)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(requests).isEmpty();
    }

    private SqsBackfillQueue queue(
            Function<SendMessageBatchRequest, SendMessageBatchResponse> sqs) {
        SqsClient client =
                new SqsClient() {
                    @Override
                    public SendMessageBatchResponse sendMessageBatch(
                            SendMessageBatchRequest request) {
                        requests.add(request);
                        return sqs.apply(request);
                    }

                    @Override
                    public String serviceName() {
                        return "sqs";
                    }

                    @Override
                    public void close() {}
                };
        return new SqsBackfillQueue(client, "https://sqs.example/backfill");
    }

    private static SendMessageBatchResponse answer(
            SendMessageBatchRequest request, List<BatchResultErrorEntry> failed) {
        List<String> failedIds = failed.stream().map(BatchResultErrorEntry::id).toList();
        return SendMessageBatchResponse.builder()
                .successful(
                        request.entries().stream()
                                .filter(entry -> !failedIds.contains(entry.id()))
                                .map(entry -> ok(entry.id()))
                                .toList())
                .failed(failed)
                .build();
    }

    private static SendMessageBatchResultEntry ok(String id) {
        return SendMessageBatchResultEntry.builder().id(id).messageId("m-" + id).build();
    }

    private static BatchResultErrorEntry failed(String id, String code, boolean senderFault) {
        return BatchResultErrorEntry.builder().id(id).code(code).senderFault(senderFault).build();
    }

    private static List<CrawlMessage> messages(int count) {
        return IntStream.range(0, count)
                .mapToObj(
                        i -> {
                            LinkUrl url =
                                    ((UrlCheck.Accepted)
                                                    LinkUrl.check(
                                                            "https://example.com/" + i,
                                                            UrlPolicy.DEFAULT))
                                            .url();
                            return new CrawlMessage(
                                    LinkId.of("alice", url),
                                    url.value(),
                                    "alice",
                                    Instant.parse("2026-11-27T10:30:00Z"),
                                    CrawlSource.IMPORT,
                                    List.of("t"),
                                    null);
                        })
                .toList();
    }
}
