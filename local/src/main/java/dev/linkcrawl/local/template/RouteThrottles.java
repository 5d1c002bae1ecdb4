package dev.linkcrawl.local.template;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP API's throttles: its {@code DefaultRouteSettings} one, and those of the route keys its
 * {@code RouteSettings} name (a key may be {@code $default}, API Gateway's catch-all route, which
 * is why the default is not kept under it).
 */
public record RouteThrottles(
        Optional<RouteThrottle> defaults, Map<String, RouteThrottle> byRouteKey) {

    public RouteThrottles {
        Objects.requireNonNull(defaults, "defaults");
        byRouteKey = Map.copyOf(byRouteKey);
    }

    /** The route's own throttle, else the API's default one, if either is set. */
    public Optional<RouteThrottle> of(HttpApiRoute route) {
        return Optional.ofNullable(byRouteKey.get(route.routeKey())).or(() -> defaults);
    }
}
