package dev.linkcrawl.crawl.fetch;

import static dev.linkcrawl.crawl.fetch.Urls.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.url.UrlPolicy;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The response header block is capped at 64 KiB. */
class HeaderFloodIT {

    private final LoopbackDialer dialer = new LoopbackDialer();

    private FetchOutcome fetchFrom(RawServer server) {
        UrlPolicy policy = TestFetchers.exempting("127.0.0.1", server.port());
        return TestFetchers.fetcher(
                        TestFetchers.settings(policy), new InMemoryHostResolver(), dialer)
                .fetch(
                        url("http://127.0.0.1:" + server.port() + "/", policy),
                        Instant.now().plus(TestFetchers.DEADLINE));
    }

    private static RawServer flooding(int headers, int valueLength) throws IOException {
        String value = "v".repeat(valueLength);
        return new RawServer(
                socket -> {
                    RawServer.readRequestHead(socket);
                    StringBuilder head =
                            new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n");
                    for (int i = 0; i < headers; i++) {
                        head.append("X-Flood-").append(i).append(": ").append(value).append("\r\n");
                    }
                    head.append("Content-Length: 4\r\n\r\n<p/>");
                    RawServer.write(socket, head.toString());
                });
    }

    @ParameterizedTest(name = "{0} headers of 1 KiB")
    @ValueSource(ints = {70, 200, 1_000})
    void refusesAHeaderBlockOver64KiB(int headers) throws IOException {
        try (RawServer server = flooding(headers, 1_000)) {
            FetchOutcome outcome = fetchFrom(server);

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            FetchOutcome.Failed.class,
                            failed -> {
                                assertThat(failed.code()).isEqualTo(FailureCode.HEADERS_TOO_LARGE);
                                assertThat(failed.retryable()).isFalse();
                            });
        }
    }

    @Test
    void acceptsAHeaderBlockJustUnderTheCap() throws IOException {
        try (RawServer server = flooding(60, 1_000)) {
            assertThat(fetchFrom(server)).isInstanceOf(FetchOutcome.Page.class);
        }
    }
}
