package dev.linkcrawl.local.template;

/**
 * An HTTP API route's throttle, from the API's {@code RouteSettings} for the route's key or its
 * {@code DefaultRouteSettings}: {@code ThrottlingRateLimit} requests a second on average, up to
 * {@code ThrottlingBurstLimit} at once.
 *
 * @param rateLimit requests a second, more than 0
 * @param burstLimit requests at once, at least 1
 */
public record RouteThrottle(double rateLimit, int burstLimit) {

    public RouteThrottle {
        if (!(rateLimit > 0) || Double.isInfinite(rateLimit)) {
            throw new IllegalArgumentException(
                    "ThrottlingRateLimit must be a number above 0, not " + rateLimit);
        }
        if (burstLimit < 1) {
            throw new IllegalArgumentException(
                    "ThrottlingBurstLimit must be at least 1, not " + burstLimit);
        }
    }
}
