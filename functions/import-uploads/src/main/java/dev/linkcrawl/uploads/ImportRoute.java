package dev.linkcrawl.uploads;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which route of the uploads API an event is for, with the id its path carries: an import's ({@code
 * GET /imports/{id}}) or a link's ({@code POST /links/{id}/page}).
 *
 * @param key the {@code routeKey} as declared in the template ({@code POST /imports}, {@code GET
 *     /imports/{id}}, {@code POST /links/{id}/page}), or, for an event without one, its method and
 *     path with the id in braces
 * @param id the {@code id} path parameter, else the id segment of the raw path, else empty
 */
record ImportRoute(String key, String id) {

    private static final Pattern IMPORT = Pattern.compile("/imports/([^/]*)");
    private static final Pattern PAGE = Pattern.compile("/links/([^/]*)/page");

    static ImportRoute of(APIGatewayV2HTTPEvent event) {
        String path = event.getRawPath() == null ? "" : event.getRawPath();
        String pathId = "";
        for (Pattern withId : new Pattern[] {IMPORT, PAGE}) {
            Matcher matcher = withId.matcher(path);
            if (matcher.matches()) {
                pathId = matcher.group(1);
                path =
                        path.substring(0, matcher.start(1))
                                + "{id}"
                                + path.substring(matcher.end(1));
            }
        }
        String id =
                event.getPathParameters() != null && event.getPathParameters().get("id") != null
                        ? event.getPathParameters().get("id")
                        : pathId;
        return new ImportRoute(key(event, path), id);
    }

    private static String key(APIGatewayV2HTTPEvent event, String path) {
        String routeKey = event.getRouteKey();
        if (routeKey != null && !routeKey.isBlank() && !routeKey.equals("$default")) {
            return routeKey;
        }
        String method =
                event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                        ? ""
                        : event.getRequestContext().getHttp().getMethod();
        return method + " " + path;
    }
}
