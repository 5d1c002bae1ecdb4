package dev.linkcrawl.aws;

import dev.linkcrawl.config.Settings;
import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * Builds the SQS client of the functions that send crawl messages. The SDK's light URL-connection
 * HTTP client keeps cold starts short; the SDK's default credentials chain is used as it is.
 *
 * <p>The {@code sqs} dependency is optional in {@code shared}: only functions that declare it
 * themselves (submit, backfill) may call this.
 */
public final class SqsClients {

    /** Connecting to SQS gives up after 2 seconds. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private SqsClients() {}

    /**
     * A client for the region and endpoint in {@code settings}.
     *
     * @param attemptTimeout one HTTP attempt, read included
     * @param callTimeout one API call, retries included
     */
    public static SqsClient create(
            Settings settings, Duration attemptTimeout, Duration callTimeout) {
        return configured(settings, attemptTimeout, callTimeout)
                .httpClient(
                        UrlConnectionHttpClient.builder()
                                .connectionTimeout(CONNECT_TIMEOUT)
                                .socketTimeout(attemptTimeout)
                                .build())
                .build();
    }

    /**
     * Everything of {@link #create} but the HTTP client: SnapStart priming ({@link
     * dev.linkcrawl.prime.SqsPriming}) swaps in one of its own.
     */
    public static SqsClientBuilder configured(
            Settings settings, Duration attemptTimeout, Duration callTimeout) {
        SqsClientBuilder builder =
                SqsClient.builder()
                        .region(Region.of(settings.region()))
                        .overrideConfiguration(
                                config ->
                                        config.apiCallTimeout(callTimeout)
                                                .apiCallAttemptTimeout(attemptTimeout));
        settings.sqsEndpoint().ifPresent(builder::endpointOverride);
        return builder;
    }
}
