package dev.linkcrawl.index;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.Objects;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Sends a request once more when the connection it went out on was already closed by the server.
 *
 * <p>The JDK's {@code HttpURLConnection}, under the SDK's {@code UrlConnectionHttpClient}, keeps
 * idle connections for 5 s. One the server closes as the next request arrives (a node restarting,
 * an idle connection dropped) fails with {@code Unexpected end of file from server} or {@code
 * Connection reset}, before any answer: a test of the owner counts met it in CI right after its
 * node was restarted. The JDK resends such a request by itself only when it buffered the body; the
 * SDK streams every body with a fixed length, so the resend is here, with the same rule: once, and
 * only after a failure of the socket, never after a timeout (the server may still be working on it)
 * or a refused connection (a fresh one, nothing stale to replace).
 */
final class ClosedConnectionRetry implements SdkHttpClient {

    private final SdkHttpClient delegate;

    ClosedConnectionRetry(SdkHttpClient delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest first = delegate.prepareRequest(request);
        return new ExecutableHttpRequest() {
            private volatile ExecutableHttpRequest current = first;

            @Override
            public HttpExecuteResponse call() throws IOException {
                try {
                    return first.call();
                } catch (SocketException e) {
                    if (e instanceof ConnectException) {
                        throw e;
                    }
                    current = delegate.prepareRequest(request);
                    return current.call();
                }
            }

            @Override
            public void abort() {
                current.abort();
            }
        };
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
