package dev.linkcrawl.query;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import java.util.Optional;

/**
 * Which of the three routes of the links API an event is for, with the link id its path carries.
 */
sealed interface LinkRoute {
    record GetLink(Optional<String> id) implements LinkRoute {}

    record DeleteLink(Optional<String> id) implements LinkRoute {}

    record SearchLinks() implements LinkRoute {}

    record Unknown() implements LinkRoute {}

    /** A short name for logs. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * The route of {@code event}: its {@code routeKey} (as declared in {@code template.yaml}) with
     * the {@code id} path parameter, or, for an event without a route key, its method and raw path.
     */
    static LinkRoute of(APIGatewayV2HTTPEvent event) {
        String routeKey = event.getRouteKey();
        Map<String, String> pathParameters =
                event.getPathParameters() == null ? Map.of() : event.getPathParameters();
        Optional<String> id = Optional.ofNullable(pathParameters.get("id"));
        if (routeKey == null || routeKey.isBlank() || routeKey.equals("$default")) {
            String method =
                    event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                            ? ""
                            : event.getRequestContext().getHttp().getMethod();
            String path = event.getRawPath() == null ? "" : event.getRawPath();
            if (path.startsWith("/links/") && path.indexOf('/', 7) < 0) {
                id = Optional.of(path.substring(7));
                path = "/links/{id}";
            }
            routeKey = method + " " + path;
        }
        return switch (routeKey) {
            case "GET /links/{id}" -> new GetLink(id);
            case "DELETE /links/{id}" -> new DeleteLink(id);
            case "GET /links" -> new SearchLinks();
            default -> new Unknown();
        };
    }
}
