package dev.linkcrawl.url;

import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/** The query of an accepted URL in normal form. */
final class UrlQuery {

    /** Click and campaign ids: they name the visit, not the page. Also every {@code utm_*}. */
    private static final Set<String> TRACKING_PARAMETERS =
            Set.of("fbclid", "gclid", "mc_cid", "mc_eid", "igshid", "msclkid", "yclid", "_ga");

    private UrlQuery() {}

    /**
     * Normalises the percent-encoding of each {@code &}-separated parameter, drops tracking
     * parameters (names compared case-insensitively after decoding, so {@code utm%5Fsource} goes
     * too) and empty parameters, and keeps the others in their order.
     *
     * @return the query without its {@code ?}; empty when nothing is left
     */
    static String normalise(String raw) {
        StringJoiner kept = new StringJoiner("&");
        for (String parameter : raw.split("&", -1)) {
            if (parameter.isEmpty()) {
                continue;
            }
            String normal = PercentEncoding.QUERY.normalise(parameter);
            int equals = normal.indexOf('=');
            String name = (equals < 0 ? normal : normal.substring(0, equals));
            if (!isTracking(name.toLowerCase(Locale.ROOT))) {
                kept.add(normal);
            }
        }
        return kept.toString();
    }

    private static boolean isTracking(String name) {
        return name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name);
    }
}
