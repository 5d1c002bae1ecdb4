package dev.linkcrawl.submit.prime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.prime.ApiRequests;
import dev.linkcrawl.prime.CommonPaths;
import dev.linkcrawl.prime.SqsPriming;
import dev.linkcrawl.submit.SqsCrawlQueue;
import dev.linkcrawl.submit.SubmitLink;
import dev.linkcrawl.submit.SubmitLinkHandler;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SnapStart priming of {@code POST /links}: the shared paths, then this function's handler on
 * sample requests (accepted, malformed, refused) with its queue on an in-memory SQS client.
 */
public final class SubmitLinkPriming implements Runnable {

    /** Request bodies and the status each must answer. */
    static final Map<String, Integer> SAMPLES =
            Map.of(
                    "{\"url\":\"https://example.com/articles/slow-links?utm_source=x#top\","
                            + "\"tags\":[\"reading\",\"web\"],\"note\":\"from the weekly digest\"}",
                    202,
                    "{\"url\":\"https://bücher.example/straße\"}",
                    202,
                    "{\"url\":\"http://127.0.0.1/admin\"}",
                    422,
                    "{\"url\":\"not a url\"}",
                    400,
                    "{\"url\":\"https://example.com/\",\"unknown\":1}",
                    400,
                    "{\"url\":",
                    400);

    private final Settings settings;

    public SubmitLinkPriming(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void run() {
        CommonPaths.exercise(settings.urlPolicy());
        try (SqsClient sqs = SqsPriming.client(settings)) {
            SubmitLinkHandler handler =
                    new SubmitLinkHandler(
                            new SubmitLink(
                                    new SqsCrawlQueue(sqs, SqsPriming.QUEUE_URL),
                                    settings.urlPolicy(),
                                    Clock.systemUTC()));
            SAMPLES.forEach(
                    (body, expected) -> {
                        APIGatewayV2HTTPResponse response =
                                handler.handleRequest(
                                        ApiRequests.event(
                                                "POST /links", "/links", Map.of(), Map.of(), body),
                                        null);
                        // A sample that takes another path primes the wrong code: say so.
                        if (response.getStatusCode() != expected) {
                            throw new IllegalStateException(
                                    "priming expected "
                                            + expected
                                            + " but got "
                                            + response.getStatusCode()
                                            + ": "
                                            + response.getBody());
                        }
                    });
        }
    }
}
