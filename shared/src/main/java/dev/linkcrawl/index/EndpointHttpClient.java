package dev.linkcrawl.index;

import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Delivers {@code AwsSdk2Transport}'s requests the way the configured endpoint wants them. That
 * transport always builds {@code https://} URLs and always signs; a local node listens on plain
 * {@code http} and needs no signature. Rewriting the request here keeps one transport (the deployed
 * one, with its error handling) for every endpoint, with no second HTTP stack in the jar.
 */
final class EndpointHttpClient implements SdkHttpClient {

    /** The headers a SigV4 signature adds; a request without auth goes out without them. */
    private static final List<String> SIGNATURE_HEADERS =
            List.of("Authorization", "X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Content-Sha256");

    private final SdkHttpClient delegate;
    private final boolean plainHttp;
    private final int port;
    private final boolean unsigned;

    /**
     * @param plainHttp send over {@code http} to {@code port} instead of {@code https}
     * @param unsigned strip the signature headers
     */
    EndpointHttpClient(SdkHttpClient delegate, boolean plainHttp, int port, boolean unsigned) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.plainHttp = plainHttp;
        this.port = port;
        this.unsigned = unsigned;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        SdkHttpRequest.Builder http = request.httpRequest().toBuilder();
        if (plainHttp) {
            http.protocol("http").port(port);
        }
        if (unsigned) {
            SIGNATURE_HEADERS.forEach(http::removeHeader);
        }
        return delegate.prepareRequest(
                HttpExecuteRequest.builder()
                        .request(http.build())
                        .contentStreamProvider(request.contentStreamProvider().orElse(null))
                        .metricCollector(request.metricCollector().orElse(null))
                        .build());
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
