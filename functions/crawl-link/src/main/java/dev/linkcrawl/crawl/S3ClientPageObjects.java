package dev.linkcrawl.crawl;

import dev.linkcrawl.aws.SigV4;
import dev.linkcrawl.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * {@link ClientPageObjects} on S3: a {@code GetObject} and a {@code DeleteObject} signed with SigV4
 * as the service {@code s3}, over the SDK's signer and URL-connection client. Not the SDK's S3
 * client: its model of every S3 API would add 4.4 MB to the crawl function's jar for these two
 * calls. A local S3 ({@code AWS_ENDPOINT_URL_S3}, such as S3Mock) is addressed by path; S3 itself
 * by the bucket's own host name.
 */
final class S3ClientPageObjects implements ClientPageObjects {

    /** Connecting to S3 gives up after 2 seconds. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** A read gives up when S3 sends nothing for 5 seconds. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final Optional<URI> endpoint;
    private final SigV4 signer;
    private final SdkHttpClient http;

    S3ClientPageObjects(
            Optional<URI> endpoint,
            String region,
            AwsCredentialsProvider credentials,
            SdkHttpClient http) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.signer = new SigV4(credentials, "s3", region);
        this.http = Objects.requireNonNull(http, "http");
    }

    /** The bucket's objects in the region, and at the S3 endpoint, of {@code settings}. */
    static S3ClientPageObjects create(Settings settings) {
        return new S3ClientPageObjects(
                settings.s3Endpoint(),
                settings.region(),
                DefaultCredentialsProvider.builder().build(),
                UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(READ_TIMEOUT)
                        .build());
    }

    @Override
    public Optional<byte[]> read(String bucket, String key, long maxBytes) {
        int most = (int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8);
        return call(
                SdkHttpMethod.GET,
                bucket,
                key,
                (status, body) -> {
                    if (status == 404) {
                        return Optional.empty();
                    }
                    if (status != 200) {
                        throw new PageStorageException("GET " + key + " answered " + status, null);
                    }
                    return Optional.of(body.readNBytes(most));
                });
    }

    @Override
    public void delete(String bucket, String key) {
        call(
                SdkHttpMethod.DELETE,
                bucket,
                key,
                (status, body) -> {
                    if (status != 204 && status != 200 && status != 404) {
                        throw new PageStorageException(
                                "DELETE " + key + " answered " + status, null);
                    }
                    return null;
                });
    }

    /** What an answer of {@code status} with {@code body} comes to. */
    private interface Answer<T> {
        T read(int status, InputStream body) throws IOException;
    }

    private <T> T call(SdkHttpMethod method, String bucket, String key, Answer<T> answer) {
        SdkHttpRequest request =
                SdkHttpRequest.builder().uri(objectUri(bucket, key)).method(method).build();
        try {
            HttpExecuteResponse response = http.prepareRequest(signer.sign(request, null)).call();
            try (InputStream body =
                    response.responseBody()
                            .<InputStream>map(stream -> stream)
                            .orElse(InputStream.nullInputStream())) {
                return answer.read(response.httpResponse().statusCode(), body);
            }
        } catch (IOException | UncheckedIOException | SdkException e) {
            throw new PageStorageException(method + " " + key + " failed: " + e, e);
        }
    }

    /** Where the object is: by path on a local S3, else on the bucket's own host. */
    URI objectUri(String bucket, String key) {
        String path = "/" + SdkHttpUtils.urlEncodeIgnoreSlashes(key);
        return endpoint.map(
                        local ->
                                URI.create(
                                        local.toString().replaceAll("/$", "")
                                                + "/"
                                                + bucket
                                                + path))
                .orElseGet(
                        () ->
                                URI.create(
                                        "https://"
                                                + bucket
                                                + ".s3."
                                                + signer.region()
                                                + ".amazonaws.com"
                                                + path));
    }
}
