package dev.linkcrawl.local.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real OpenSearch node in the test JVM, on a free loopback port. */
class InProcessOpenSearchIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir Path data;

    @Test
    @Timeout(120)
    void keepsADocumentAcrossARestartOnTheSameDataFolder() throws Exception {
        PrintStream console = System.out;
        InProcessOpenSearch node = new InProcessOpenSearch(0);
        try {
            node.start(data);
            URI endpoint = node.endpoint();
            assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
            assertThat(send("PUT", endpoint.resolve("/notes/_doc/1"), "{\"title\":\"kept\"}"))
                    .isIn(200, 201);
        } finally {
            node.stop();
        }

        InProcessOpenSearch restarted = new InProcessOpenSearch(0);
        try {
            restarted.start(data);
            HttpResponse<String> found =
                    HTTP.send(
                            HttpRequest.newBuilder(restarted.endpoint().resolve("/notes/_doc/1"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).contains("\"title\":\"kept\"");
        } finally {
            restarted.stop();
            System.setOut(console);
        }
    }

    private static int send(String method, URI uri, String json) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .method(method, HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
