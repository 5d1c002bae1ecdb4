package dev.linkcrawl.crawl.fetch;

import static dev.linkcrawl.crawl.fetch.Urls.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.url.UrlPolicy;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Servers that break the connection or the protocol: each gets its code, and no silent retry. */
class ConnectionFailuresIT {

    private final LoopbackDialer dialer = new LoopbackDialer();

    private FetchOutcome fetchFrom(int port) {
        UrlPolicy policy = TestFetchers.exempting("127.0.0.1", port);
        return TestFetchers.fetcher(
                        TestFetchers.settings(policy), new InMemoryHostResolver(), dialer)
                .fetch(
                        url("http://127.0.0.1:" + port + "/", policy),
                        Instant.now().plus(TestFetchers.DEADLINE));
    }

    private static FetchOutcome.Failed failed(FetchOutcome outcome) {
        assertThat(outcome).isInstanceOf(FetchOutcome.Failed.class);
        return (FetchOutcome.Failed) outcome;
    }

    @Test
    void doesNotRetryOnANewConnectionWhenTheServerHangsUp() throws IOException {
        try (RawServer server =
                new RawServer(
                        socket -> {
                            RawServer.readRequestHead(socket);
                            socket.setSoLinger(true, 0);
                        })) {
            FetchOutcome.Failed failed = failed(fetchFrom(server.port()));

            assertThat(failed.code()).isEqualTo(FailureCode.CONNECTION_RESET);
            assertThat(failed.retryable()).isTrue();
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void reportsABodyCutShortAsARetryableReset() throws IOException {
        try (RawServer server =
                new RawServer(
                        socket -> {
                            RawServer.readRequestHead(socket);
                            RawServer.write(
                                    socket,
                                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 10000\r\n\r\n<html><p>only part");
                        })) {
            FetchOutcome.Failed failed = failed(fetchFrom(server.port()));

            assertThat(failed.code()).isEqualTo(FailureCode.CONNECTION_RESET);
            assertThat(failed.retryable()).isTrue();
        }
    }

    @Test
    void reportsAServerThatDoesNotSpeakHttpAsAProtocolError() throws IOException {
        try (RawServer server =
                new RawServer(
                        socket -> {
                            RawServer.write(socket, "SSH-2.0-OpenSSH_9.6\r\n");
                            RawServer.readRequestHead(socket);
                        })) {
            FetchOutcome.Failed failed = failed(fetchFrom(server.port()));

            assertThat(failed.code()).isEqualTo(FailureCode.PROTOCOL);
            assertThat(failed.retryable()).isFalse();
        }
    }

    @Test
    void failsFastWhenNothingListens() throws IOException {
        int port;
        try (ForbiddenListener closedSoon = new ForbiddenListener()) {
            port = closedSoon.port();
        }

        FetchOutcome.Failed failed = failed(fetchFrom(port));

        assertThat(failed.code()).isEqualTo(FailureCode.CONNECT_FAILED);
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.fetchMs()).isLessThan(1_000);
    }
}
