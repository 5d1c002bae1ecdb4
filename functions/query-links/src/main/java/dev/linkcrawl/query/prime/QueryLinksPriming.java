package dev.linkcrawl.query.prime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.index.OpenSearchLinkIndex;
import dev.linkcrawl.prime.ApiRequests;
import dev.linkcrawl.prime.CommonPaths;
import dev.linkcrawl.prime.IndexPriming;
import dev.linkcrawl.query.QueryLinks;
import dev.linkcrawl.query.QueryLinksHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * SnapStart priming of {@code GET /links}, {@code GET /links/{id}} and {@code DELETE /links/{id}}:
 * the shared paths, then this function's handler on each route (search with words, tag and size,
 * the next page from its cursor, a listing, a read, a delete, and refused parameters) with the
 * index on an in-memory OpenSearch.
 */
public final class QueryLinksPriming implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;

    public QueryLinksPriming(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void run() {
        CommonPaths.exercise(settings.urlPolicy());
        String id = IndexPriming.sampleId().value();
        try (OpenSearchLinkIndex index = IndexPriming.index()) {
            QueryLinksHandler handler = new QueryLinksHandler(new QueryLinks(index));
            String search =
                    call(
                            handler,
                            search(Map.of("q", "slow links", "tag", "reading", "size", "1")),
                            200);
            String cursor = next(search);
            call(
                    handler,
                    search(
                            Map.of(
                                    "q",
                                    "slow links",
                                    "tag",
                                    "reading",
                                    "size",
                                    "1",
                                    "cursor",
                                    cursor)),
                    200);
            call(handler, search(Map.of("status", "crawled")), 200);
            call(handler, search(Map.of("size", "0")), 400);
            call(handler, search(Map.of("cursor", "not-a-cursor")), 400);
            call(handler, byId("GET /links/{id}", id), 200);
            call(handler, byId("GET /links/{id}", "not-a-link-id"), 404);
            call(handler, byId("DELETE /links/{id}", id), 204);
        }
    }

    private static APIGatewayV2HTTPEvent search(Map<String, String> query) {
        return ApiRequests.event("GET /links", "/links", Map.of(), query, null);
    }

    private static APIGatewayV2HTTPEvent byId(String routeKey, String id) {
        return ApiRequests.event(routeKey, "/links/" + id, Map.of("id", id), Map.of(), null);
    }

    private static String call(QueryLinksHandler handler, APIGatewayV2HTTPEvent event, int status) {
        var response = handler.handleRequest(event, null);
        // A sample that takes another path primes the wrong code: say so.
        if (response.getStatusCode() != status) {
            throw new IllegalStateException(
                    "priming "
                            + event.getRouteKey()
                            + " expected "
                            + status
                            + " but got "
                            + response.getStatusCode()
                            + ": "
                            + response.getBody());
        }
        return response.getBody();
    }

    private static String next(String body) {
        try {
            String next = JSON.readTree(body).path("next").asText(null);
            if (next == null) {
                throw new IllegalStateException("priming expected a next page: " + body);
            }
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
