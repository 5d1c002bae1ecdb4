package dev.linkcrawl.crawl.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.testing.backend.TestBackend;
import dev.linkcrawl.testing.backend.TestSqs;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The crawl function's queue calls against a real SQS-compatible server. */
class SqsCrawlQueuesIT {

    private TestSqs sqs;
    private String crawlQueueUrl;
    private SqsCrawlQueues queues;

    @BeforeEach
    void createQueues() {
        sqs = TestBackend.selected().sqs();
        crawlQueueUrl = sqs.createQueue("CrawlQueue");
        queues =
                new SqsCrawlQueues(
                        sqs::client,
                        Optional.of(crawlQueueUrl),
                        Optional.of(sqs.createQueue("Backfill")));
    }

    @AfterEach
    void stop() {
        sqs.close();
    }

    @Test
    void aRetryDelayHidesTheMessageForThatLong() throws Exception {
        sqs.client().sendMessage(send -> send.queueUrl(crawlQueueUrl).messageBody("{}"));
        Message received = receive(1).getFirst();

        queues.retryAfter(delivery(received, 0), Duration.ofSeconds(3));

        assertThat(receive(1)).as("hidden right after").isEmpty();
        Thread.sleep(3_500);
        List<Message> again = receive(2);
        assertThat(again).hasSize(1);
        assertThat(
                        again.getFirst()
                                .attributes()
                                .get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .isEqualTo("2");
    }

    @Test
    void aDeferredCopyComesBackLaterWithItsOwnersGroupAndOneMoreDeferral() throws Exception {
        sqs.client()
                .sendMessage(
                        send ->
                                send.queueUrl(crawlQueueUrl)
                                        .messageBody("{\"v\":1}")
                                        .messageGroupId("t1"));
        Message original = receive(1).getFirst();

        queues.deferAgain(delivery(original, 2), "t1", Duration.ofSeconds(2));
        sqs.client()
                .deleteMessage(
                        delete ->
                                delete.queueUrl(crawlQueueUrl)
                                        .receiptHandle(original.receiptHandle()));

        assertThat(receive(1)).as("delayed").isEmpty();
        Thread.sleep(2_500);
        Message copy = receive(2).getFirst();
        assertThat(copy.body()).isEqualTo("{\"v\":1}");
        assertThat(copy.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                .isEqualTo("t1");
        assertThat(copy.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                .as("a copy starts with no receives")
                .isEqualTo("1");
        assertThat(copy.messageAttributes().get(Delivery.DEFERRALS).stringValue()).isEqualTo("3");
    }

    @Test
    void theQueueOfADeliveryIsKnownByTheNameAtTheEndOfItsArn() {
        Delivery fromCrawlQueue =
                new Delivery(
                        "m",
                        "r",
                        "{}",
                        "arn:aws:sqs:us-east-1:000000000000:" + name(crawlQueueUrl),
                        1,
                        Optional.empty(),
                        0);

        assertThat(queues.roleOf(fromCrawlQueue)).contains(QueueRole.CRAWL);
    }

    private Delivery delivery(Message message, int deferrals) {
        return new Delivery(
                message.messageId(),
                message.receiptHandle(),
                message.body(),
                "arn:aws:sqs:us-east-1:000000000000:" + name(crawlQueueUrl),
                1,
                Optional.empty(),
                deferrals);
    }

    private static String name(String queueUrl) {
        return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    }

    private List<Message> receive(int waitSeconds) {
        return sqs.client()
                .receiveMessage(
                        receive ->
                                receive.queueUrl(crawlQueueUrl)
                                        .maxNumberOfMessages(10)
                                        .waitTimeSeconds(waitSeconds)
                                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                                        .messageAttributeNames("All"))
                .messages();
    }
}
