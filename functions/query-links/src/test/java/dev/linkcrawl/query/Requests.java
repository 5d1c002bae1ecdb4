package dev.linkcrawl.query;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;

/** API Gateway events for the three routes, made from the samples in {@code events/query-links}. */
final class Requests {

    private Requests() {}

    /** {@code GET /links?<rawQueryString>} by {@code owner}. */
    static APIGatewayV2HTTPEvent search(String owner, String rawQueryString) {
        APIGatewayV2HTTPEvent event = as(owner, SampleEvents.load("list.json"));
        event.setRawQueryString(rawQueryString);
        event.setQueryStringParameters(null);
        return event;
    }

    /** {@code GET /links/<id>} by {@code owner}. */
    static APIGatewayV2HTTPEvent get(String owner, String id) {
        return withId(as(owner, SampleEvents.load("get.json")), id);
    }

    /** {@code DELETE /links/<id>} by {@code owner}. */
    static APIGatewayV2HTTPEvent delete(String owner, String id) {
        return withId(as(owner, SampleEvents.load("delete.json")), id);
    }

    private static APIGatewayV2HTTPEvent as(String owner, APIGatewayV2HTTPEvent event) {
        event.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("sub", owner));
        return event;
    }

    private static APIGatewayV2HTTPEvent withId(APIGatewayV2HTTPEvent event, String id) {
        event.setPathParameters(Map.of("id", id));
        event.setRawPath("/links/" + id);
        event.getRequestContext().getHttp().setPath("/links/" + id);
        return event;
    }
}
