package dev.linkcrawl.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The imports API as a person uses it: {@code POST /imports} for an upload, a {@code PUT} of the
 * file to the presigned URL it answers, then {@code GET /imports/{id}} until the import is
 * finished. Calls are made as {@code Authorization: Bearer <user>}, which the local API takes as
 * the caller's {@code sub}.
 */
final class ImportsApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI apiUrl;
    private final String user;

    ImportsApi(URI apiUrl, String user) {
        this.apiUrl = apiUrl;
        this.user = user;
    }

    /** The upload {@code POST /imports} handed out. */
    record Upload(String id, String key, URI url, Map<String, String> headers) {}

    /** The API refused, or answered something other than the contract says. */
    static final class RefusedException extends Exception {
        RefusedException(String message) {
            super(message);
        }
    }

    /** {@code POST /imports} for {@code file}. */
    Upload start(Path file) throws IOException, InterruptedException, RefusedException {
        String body =
                JSON.createObjectNode()
                        .put("size", Files.size(file))
                        .put("fileName", file.getFileName().toString())
                        .toString();
        HttpResponse<String> response =
                http.send(
                        request("/imports")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode answer = json(response);
        if (response.statusCode() != 201) {
            throw new RefusedException(
                    "POST /imports answered "
                            + response.statusCode()
                            + ": "
                            + answer.path("detail").asText(response.body()));
        }
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        answer.at("/upload/headers")
                .properties()
                .forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        return new Upload(
                answer.path("id").asText(),
                answer.path("key").asText(),
                URI.create(answer.at("/upload/url").asText()),
                headers);
    }

    /**
     * Uploads {@code file} as {@code upload} says; the client sets {@code Content-Length} (signed
     * in) from the file, and {@code Host} from the URL.
     *
     * @return the stored object's ETag, unquoted
     */
    String put(Upload upload, Path file)
            throws IOException, InterruptedException, RefusedException {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(upload.url())
                                .timeout(Duration.ofMinutes(15))
                                .PUT(HttpRequest.BodyPublishers.ofFile(file))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new RefusedException(
                    "the upload was refused (" + response.statusCode() + "): " + response.body());
        }
        String eTag = response.headers().firstValue("ETag").orElse("");
        return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
                ? eTag.substring(1, eTag.length() - 1)
                : eTag;
    }

    /** {@code GET /imports/{id}}: the import's state and result, empty on a 404. */
    Optional<JsonNode> status(String id)
            throws IOException, InterruptedException, RefusedException {
        HttpResponse<String> response =
                http.send(
                        request("/imports/" + id).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        JsonNode answer = json(response);
        String refusal =
                "GET /imports/"
                        + id
                        + " answered "
                        + response.statusCode()
                        + ": "
                        + answer.path("detail").asText(response.body());
        if (response.statusCode() >= 500) {
            // The API or the bucket behind it is unavailable for now: the caller looks again.
            throw new IOException(refusal);
        }
        if (response.statusCode() != 200) {
            throw new RefusedException(refusal);
        }
        return Optional.of(answer);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(apiUrl.resolve(path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + user);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
