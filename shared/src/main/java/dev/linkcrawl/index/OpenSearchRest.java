package dev.linkcrawl.index;

import dev.linkcrawl.aws.SigV4;
import dev.linkcrawl.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Plain REST calls to the OpenSearch endpoint, signed with SigV4 when {@code OPENSEARCH_AUTH} says
 * so, through the SDK's HTTP client: no OpenSearch client, so the submit function's jar stays small
 * and its cold start short. Callers bring the HTTP client, with the timeouts their budget allows.
 */
public final class OpenSearchRest {

    /** An answer: its status and up to 64 KiB of its body. */
    public record Response(int status, String body) {}

    private final URI endpoint;
    private final Optional<SigV4> signing;

    private OpenSearchRest(URI endpoint, Optional<SigV4> signing) {
        this.endpoint = endpoint;
        this.signing = signing;
    }

    /**
     * Calls to the endpoint {@code settings} name ({@code OPENSEARCH_ENDPOINT}, {@code
     * OPENSEARCH_AUTH}, {@code OPENSEARCH_SERVICE}, {@code AWS_REGION}).
     *
     * @throws IllegalArgumentException when SigV4 is asked for over plain {@code http} to a host
     *     other than this machine: a signed request never crosses a network unencrypted
     */
    public static OpenSearchRest of(Settings settings) {
        URI endpoint = IndexLocation.requireBaseUrl(settings.requireOpenSearchEndpoint());
        boolean sign = settings.openSearchAuth() == OpenSearchAuth.SIGV4;
        if (sign) {
            IndexLocation.requireSafeForSigning(endpoint);
        }
        return new OpenSearchRest(
                endpoint,
                sign
                        ? Optional.of(
                                new SigV4(
                                        DefaultCredentialsProvider.builder().build(),
                                        settings.openSearchService(),
                                        settings.region()))
                        : Optional.empty());
    }

    /**
     * An HTTP client that gives up connecting after {@code connect} and reading after {@code read}.
     */
    public static SdkHttpClient client(Duration connect, Duration read) {
        return new ClosedConnectionRetry(
                UrlConnectionHttpClient.builder()
                        .connectionTimeout(connect)
                        .socketTimeout(read)
                        .build());
    }

    /**
     * Sends one request with a JSON {@code body} ({@code null} for none).
     *
     * @throws IOException when the endpoint cannot be reached or does not answer in time
     * @throws software.amazon.awssdk.core.exception.SdkException when credentials cannot be found
     */
    public Response send(
            SdkHttpClient client, SdkHttpMethod method, String pathAndQuery, String body)
            throws IOException {
        Objects.requireNonNull(client, "client");
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest.Builder builder =
                SdkHttpFullRequest.builder()
                        .uri(URI.create(endpoint.toString().replaceAll("/$", "") + pathAndQuery))
                        .method(method);
        if (bytes != null) {
            builder.putHeader("Content-Type", "application/json");
            builder.putHeader("Content-Length", Integer.toString(bytes.length));
        }
        SdkHttpRequest request = builder.build();
        ContentStreamProvider payload =
                bytes == null ? null : ContentStreamProvider.fromByteArray(bytes);
        if (signing.isPresent()) {
            return execute(client, signing.get().sign(request, payload));
        }
        return execute(
                client,
                HttpExecuteRequest.builder()
                        .request(request)
                        .contentStreamProvider(payload)
                        .build());
    }

    /**
     * {@link #send}, for callers of the link index: an endpoint that cannot be reached and
     * credentials that cannot be found are a {@link LinkIndexException}; an answer of any status is
     * returned.
     */
    public Response call(
            SdkHttpClient client, SdkHttpMethod method, String pathAndQuery, String body) {
        try {
            return send(client, method, pathAndQuery, body);
        } catch (IOException | UncheckedIOException e) {
            throw new LinkIndexException(
                    LinkIndexException.Reason.UNREACHABLE,
                    0,
                    method + " " + pathAndQuery + " failed: " + e,
                    e);
        } catch (SdkException e) {
            throw new LinkIndexException(
                    LinkIndexException.Reason.NO_CREDENTIALS,
                    0,
                    method + " " + pathAndQuery + " failed: " + e,
                    e);
        }
    }

    private static Response execute(SdkHttpClient client, HttpExecuteRequest request)
            throws IOException {
        HttpExecuteResponse response = client.prepareRequest(request).call();
        String text = "";
        Optional<? extends InputStream> stream = response.responseBody();
        if (stream.isPresent()) {
            try (InputStream in = stream.get()) {
                text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            }
        }
        return new Response(response.httpResponse().statusCode(), text);
    }
}
