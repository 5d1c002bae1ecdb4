package dev.linkcrawl.uploads;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

/**
 * Which route of the imports API an event is for, with the import id its path carries.
 *
 * @param key the {@code routeKey} as declared in the template ({@code POST /imports}, {@code GET
 *     /imports/{id}}), or, for an event without one, its method and path
 * @param id the {@code id} path parameter, else what follows {@code /imports/} in the raw path,
 *     else empty
 */
record ImportRoute(String key, String id) {

    static ImportRoute of(APIGatewayV2HTTPEvent event) {
        return new ImportRoute(key(event), id(event));
    }

    private static String key(APIGatewayV2HTTPEvent event) {
        String routeKey = event.getRouteKey();
        if (routeKey != null && !routeKey.isBlank() && !routeKey.equals("$default")) {
            return routeKey;
        }
        String method =
                event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                        ? ""
                        : event.getRequestContext().getHttp().getMethod();
        String path = event.getRawPath() == null ? "" : event.getRawPath();
        if (path.startsWith("/imports/") && path.indexOf('/', 9) < 0) {
            path = "/imports/{id}";
        }
        return method + " " + path;
    }

    private static String id(APIGatewayV2HTTPEvent event) {
        if (event.getPathParameters() != null && event.getPathParameters().get("id") != null) {
            return event.getPathParameters().get("id");
        }
        String path = event.getRawPath() == null ? "" : event.getRawPath();
        return path.startsWith("/imports/") ? path.substring(9) : "";
    }
}
