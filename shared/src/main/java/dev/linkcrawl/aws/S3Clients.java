package dev.linkcrawl.aws;

import dev.linkcrawl.config.Settings;
import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Builds the S3 client and presigner of the functions that use the import bucket, as {@link
 * SqsClients} builds the SQS ones: the SDK's light URL-connection HTTP client, the SDK's default
 * credentials chain as it is. A local S3 ({@code AWS_ENDPOINT_URL_S3}, such as S3Mock) answers on
 * one host name, so its buckets are addressed by path rather than by subdomain.
 *
 * <p>The {@code s3} dependency is optional in {@code shared}: only functions that declare it
 * themselves (backfill, import-uploads) may call this.
 */
public final class S3Clients {

    /** Connecting to S3 gives up after 2 seconds. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private S3Clients() {}

    /**
     * A client for the region and endpoint in {@code settings}.
     *
     * @param readTimeout how long a read may wait for the next bytes of an answer
     */
    public static S3Client create(Settings settings, Duration readTimeout) {
        S3ClientBuilder builder =
                S3Client.builder()
                        .region(Region.of(settings.region()))
                        .httpClient(
                                UrlConnectionHttpClient.builder()
                                        .connectionTimeout(CONNECT_TIMEOUT)
                                        .socketTimeout(readTimeout)
                                        .build());
        settings.s3Endpoint()
                .ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
        return builder.build();
    }

    /** A presigner for the region and endpoint in {@code settings}; it signs without calling S3. */
    public static S3Presigner presigner(Settings settings) {
        S3Presigner.Builder builder = S3Presigner.builder().region(Region.of(settings.region()));
        settings.s3Endpoint()
                .ifPresent(
                        endpoint ->
                                builder.endpointOverride(endpoint)
                                        .serviceConfiguration(
                                                S3Configuration.builder()
                                                        .pathStyleAccessEnabled(true)
                                                        .build()));
        return builder.build();
    }
}
