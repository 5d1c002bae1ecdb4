package dev.linkcrawl.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain REST calls to the test node, to look at what the adapter did from the outside. */
final class NodeHttp {

    record Response(int status, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI endpoint;

    NodeHttp(URI endpoint) {
        this.endpoint = endpoint;
    }

    Response send(String method, String path, String jsonBody) {
        HttpRequest request =
                HttpRequest.newBuilder(endpoint.resolve(path))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                jsonBody == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(jsonBody))
                        .build();
        try {
            HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode ok(String method, String path, String jsonBody) {
        Response response = send(method, path, jsonBody);
        if (response.status() / 100 != 2) {
            throw new AssertionError(method + " " + path + " answered " + response);
        }
        return response.body();
    }
}
