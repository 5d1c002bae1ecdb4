package dev.linkcrawl.prime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import java.util.Map;

/**
 * HTTP API (payload 2.0) events as API Gateway delivers them after its JWT authorizer, for priming
 * the API functions with their own handlers. The caller is {@link #CALLER}.
 */
public final class ApiRequests {

    /** The {@code sub} claim of every priming request. */
    public static final String CALLER = "snapstart-priming";

    private ApiRequests() {}

    /**
     * An event for {@code routeKey} (as declared in {@code template.yaml}, such as {@code GET
     * /links/{id}}).
     *
     * @param path the raw path, such as {@code /links/0123…}
     * @param pathParameters the route's path parameters
     * @param query the query parameters (the raw query string is built from them, unencoded)
     * @param body a JSON body, or null
     */
    public static APIGatewayV2HTTPEvent event(
            String routeKey,
            String path,
            Map<String, String> pathParameters,
            Map<String, String> query,
            String body) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        StringBuilder rawQuery = new StringBuilder();
        query.forEach(
                (name, value) ->
                        rawQuery.append(rawQuery.isEmpty() ? "" : "&")
                                .append(name)
                                .append('=')
                                .append(value.replace(' ', '+')));
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withRawQueryString(rawQuery.toString())
                .withHeaders(
                        body == null
                                ? Map.of("accept", "application/json")
                                : Map.of(
                                        "content-type",
                                        "application/json",
                                        "accept",
                                        "application/json"))
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(
                        RequestContext.builder()
                                .withRouteKey(routeKey)
                                .withStage("$default")
                                .withHttp(
                                        RequestContext.Http.builder()
                                                .withMethod(method)
                                                .withPath(path)
                                                .withProtocol("HTTP/1.1")
                                                .withSourceIp("203.0.113.7")
                                                .build())
                                .withAuthorizer(
                                        RequestContext.Authorizer.builder()
                                                .withJwt(
                                                        RequestContext.Authorizer.JWT
                                                                .builder()
                                                                .withClaims(Map.of("sub", CALLER))
                                                                .build())
                                                .build())
                                .build())
                .build();
    }
}
