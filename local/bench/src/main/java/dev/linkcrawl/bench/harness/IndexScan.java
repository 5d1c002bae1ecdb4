package dev.linkcrawl.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the documents of some owners straight from the OpenSearch index, after a refresh so that
 * every acknowledged write is visible: pages of {@value #PAGE} sorted by id, so any number of
 * documents is read.
 */
public final class IndexScan {

    /** Documents per search request: 1000. */
    static final int PAGE = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String index;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();

    /**
     * @param endpoint the node, {@code http://127.0.0.1:<port>}
     * @param index the index name, {@code links} unless the template's {@code IndexName} says
     */
    public IndexScan(URI endpoint, String index) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.index = Objects.requireNonNull(index, "index");
    }

    /** One stored document, as far as accounting needs it. */
    public record IndexedLink(
            String id,
            String owner,
            String url,
            String status,
            String failureCode,
            boolean retryable,
            long version) {}

    /** The documents of {@code owners} by id; empty when the index does not exist yet. */
    public Map<String, IndexedLink> byOwners(Collection<String> owners) {
        Map<String, IndexedLink> found = new LinkedHashMap<>();
        if (owners.isEmpty() || send("POST", "/" + index + "/_refresh", null).statusCode() == 404) {
            return found;
        }
        JsonNode after = null;
        while (true) {
            ObjectNode query = JSON.createObjectNode();
            query.put("size", PAGE);
            query.put("version", true);
            ArrayNode terms = query.putObject("query").putObject("terms").putArray("owner");
            owners.forEach(terms::add);
            query.putArray("sort").addObject().put("id", "asc");
            query.putArray("_source").add("owner").add("url").add("status").add("failure");
            if (after != null) {
                query.set("search_after", after);
            }
            HttpResponse<String> response = send("POST", "/" + index + "/_search", query);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "search in " + index + " answered " + response.statusCode());
            }
            JsonNode hits = read(response.body()).path("hits").path("hits");
            for (JsonNode hit : hits) {
                JsonNode source = hit.path("_source");
                found.put(
                        hit.path("_id").asText(),
                        new IndexedLink(
                                hit.path("_id").asText(),
                                source.path("owner").asText(),
                                source.path("url").asText(),
                                source.path("status").asText(),
                                source.path("failure").path("code").asText(null),
                                source.path("failure").path("retryable").asBoolean(false),
                                hit.path("_version").asLong()));
            }
            if (hits.size() < PAGE) {
                return found;
            }
            after = hits.get(hits.size() - 1).path("sort");
        }
    }

    private HttpResponse<String> send(String method, String path, JsonNode body) {
        HttpRequest request =
                HttpRequest.newBuilder(endpoint.resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch at " + endpoint + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the index", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch answered something that is not JSON", e);
        }
    }
}
