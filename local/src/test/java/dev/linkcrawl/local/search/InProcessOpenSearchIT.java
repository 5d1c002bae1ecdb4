package dev.linkcrawl.local.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.local.ChildJvm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real OpenSearch node on a free loopback port keeps what it acknowledged across a {@code kill
 * -9}: the node runs in a child JVM that is destroyed forcibly, then a new one opens the same data
 * folder.
 */
class InProcessOpenSearchIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir Path data;

    @Test
    @Timeout(180)
    void acknowledgedDocumentSurvivesAKill9() throws Exception {
        Process first = startChild();
        try {
            URI endpoint = ChildJvm.awaitReady(first, Duration.ofSeconds(90));
            assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
            HttpResponse<String> indexed =
                    send(
                            HttpRequest.newBuilder(endpoint.resolve("/notes/_doc/1"))
                                    .header("Content-Type", "application/json")
                                    .PUT(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"title\":\"kept\"}")));
            assertThat(indexed.statusCode()).isEqualTo(201);
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            first.destroyForcibly();
        }

        Process second = startChild();
        try {
            URI endpoint = ChildJvm.awaitReady(second, Duration.ofSeconds(90));
            HttpResponse<String> found =
                    send(HttpRequest.newBuilder(endpoint.resolve("/notes/_doc/1")));
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).contains("\"title\":\"kept\"");
        } finally {
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process startChild() throws IOException {
        return ChildJvm.start(SearchNodeProcess.class, data.toString());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(
                request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
