package dev.linkcrawl.prime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.config.Settings;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.index.OpenSearchLinkIndex;
import dev.linkcrawl.index.PutOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The in-memory clients answer as the services do, so the SDKs accept every answer (the SDKs would
 * throw on an answer they cannot read, or a digest that does not match).
 */
class PrimingClientsTest {

    @Test
    void theSqsClientSendsAndBatchesInMemory() {
        try (SqsClient sqs = SqsPriming.client(Settings.from(Map.of()))) {
            String id =
                    sqs.sendMessage(m -> m.queueUrl(SqsPriming.QUEUE_URL).messageBody("{\"v\":1}"))
                            .messageId();
            SendMessageBatchResponse batch =
                    sqs.sendMessageBatch(
                            b ->
                                    b.queueUrl(SqsPriming.QUEUE_URL)
                                            .entries(
                                                    e -> e.id("1").messageBody("one"),
                                                    e -> e.id("2").messageBody("two")));

            assertThat(id).isNotBlank();
            assertThat(batch.successful()).hasSize(2);
            assertThat(batch.failed()).isEmpty();
        }
    }

    @Test
    void theIndexAnswersEveryOperationInMemory() {
        // ensureIndex (HEAD, PUT), put (HEAD), get, three searches, delete (GET, DELETE), and the
        // point-in-time scan (create, search, delete).
        assertThat(IndexPriming.exercise()).isGreaterThanOrEqualTo(12);
    }

    @Test
    void theIndexReadsBackTheDocumentItHolds() {
        try (OpenSearchLinkIndex index = IndexPriming.index()) {
            PutOutcome put = index.put(IndexPriming.sampleId(), IndexPriming.sampleDocument());
            LinkDocument read =
                    index.get(ApiRequests.CALLER, IndexPriming.sampleId()).orElseThrow();

            assertThat(put).isEqualTo(PutOutcome.WRITTEN);
            assertThat(read.title()).isEqualTo(IndexPriming.sampleDocument().title());
            assertThat(read.tags()).isEqualTo(List.of("reading", "web"));
        }
    }
}
