package dev.linkcrawl.crawl.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void queueWaitRunsFromTheSentTimestamp() {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setAttributes(Map.of("SentTimestamp", Long.toString(NOW.toEpochMilli() - 1500)));

        assertThat(Delivery.of(record).queueWait(NOW)).contains(Duration.ofMillis(1500));
    }

    @Test
    void queueWaitIsEmptyWhenTheSentTimestampIsNotANumber() {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setAttributes(Map.of("SentTimestamp", "soon"));

        assertThat(Delivery.of(record).queueWait(NOW)).isEmpty();
    }

    @Test
    void missingReceiveCountCountsAsTheFirstDelivery() {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setAttributes(Map.of());

        assertThat(Delivery.of(record).receiveCount()).isEqualTo(1);
    }

    @Test
    void deferralsComeFromTheirMessageAttribute() {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        SQSEvent.MessageAttribute deferrals = new SQSEvent.MessageAttribute();
        deferrals.setDataType("Number");
        deferrals.setStringValue("3");
        record.setMessageAttributes(Map.of(Delivery.DEFERRALS, deferrals));

        assertThat(Delivery.of(record).deferrals()).isEqualTo(3);
    }

    @Test
    void aMessageNeverDeferredHasNoDeferrals() {
        assertThat(Delivery.of(new SQSEvent.SQSMessage()).deferrals()).isZero();
    }

    @Test
    void theQueueNameIsTheLastPartOfItsArn() {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setEventSourceArn("arn:aws:sqs:eu-west-1:123456789012:linkcrawl-CrawlQueue-AB12");

        assertThat(Delivery.of(record).queueName()).isEqualTo("linkcrawl-CrawlQueue-AB12");
    }
}
