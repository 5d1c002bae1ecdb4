package dev.linkcrawl.submit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.linkcrawl.link.CrawlMessageCodec;
import dev.linkcrawl.link.MalformedMessageException;
import dev.linkcrawl.testing.backend.TestBackend;
import dev.linkcrawl.testing.backend.TestSqs;
import dev.linkcrawl.url.UrlPolicy;
import java.nio.charset.CharacterCodingException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The rows of {@code hostile-envelope.tsv} again, against a real SQS-compatible queue (ElasticMQ,
 * or LocalStack: see {@link TestBackend}) through {@link SqsCrawlQueue}: the queue accepts every
 * message the table accepts (no row turns into a 503), and a refusal leaves the queue empty.
 */
class HostileApiEnvelopeIT {

    private static TestSqs sqs;

    @BeforeAll
    static void startQueue() {
        sqs = TestBackend.selected().sqs();
    }

    @AfterAll
    static void stopQueue() {
        sqs.close();
    }

    static List<HostileApiEnvelopeTest.Case> cases() {
        return HostileApiEnvelopeTest.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theRealQueueAgreesWithTheTable(HostileApiEnvelopeTest.Case c)
            throws CharacterCodingException, MalformedMessageException {
        String queueUrl = sqs.createQueue("hostile-" + c.row().line());
        SubmitLinkHandler handler =
                new SubmitLinkHandler(
                        new SubmitLink(
                                new SqsCrawlQueue(sqs.client(), queueUrl),
                                UrlPolicy.DEFAULT,
                                Clock.systemUTC()));

        APIGatewayV2HTTPResponse response =
                handler.handleRequest(HostileApiEnvelopeTest.event(c), null);

        assertThat(response.getStatusCode()).isEqualTo(c.status());
        List<Message> messages =
                sqs.client()
                        .receiveMessage(
                                receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(10))
                        .messages();
        if (c.status() == 202) {
            assertThat(messages).hasSize(1);
            assertThat(new CrawlMessageCodec().decode(messages.getFirst().body()).owner())
                    .isEqualTo("user-123");
        } else {
            assertThat(messages).isEmpty();
        }
    }
}
