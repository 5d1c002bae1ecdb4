package dev.linkcrawl.backfill;

import dev.linkcrawl.config.InvalidSettingsException;
import dev.linkcrawl.config.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The backfill function's settings: the shared ones ({@link Settings}: region, {@code QUEUE_URL}
 * which here is the backfill queue, URL policy…) plus its own, read from the same environment.
 *
 * @param shared the settings every function reads
 * @param s3Endpoint S3 endpoint override ({@code AWS_ENDPOINT_URL_S3}), for a local S3 such as
 *     S3Mock; the client then uses path-style addressing
 * @param recrawlAfterDays links crawled longer ago are re-crawled ({@code RECRAWL_AFTER_DAYS},
 *     default 30, 1 to 3650)
 * @param recrawlMaxPerRun at most this many links are queued by one re-crawl run ({@code
 *     RECRAWL_MAX_PER_RUN}, default 10000, 1 to 1000000)
 */
public record BackfillSettings(
        Settings shared, Optional<URI> s3Endpoint, int recrawlAfterDays, int recrawlMaxPerRun) {

    public BackfillSettings {
        Objects.requireNonNull(shared, "shared");
        Objects.requireNonNull(s3Endpoint, "s3Endpoint");
    }

    /** Reads the process environment. */
    public static BackfillSettings fromEnvironment() {
        return from(System.getenv());
    }

    /**
     * Reads {@code env} (the local runner passes each function its template environment).
     *
     * @throws InvalidSettingsException naming every variable with a bad value, shared ones included
     */
    public static BackfillSettings from(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Settings shared = null;
        try {
            shared = Settings.from(env);
        } catch (InvalidSettingsException e) {
            problems.addAll(e.problems());
        }
        Optional<URI> s3Endpoint = Optional.empty();
        String endpoint = env.get("AWS_ENDPOINT_URL_S3");
        if (endpoint != null && !endpoint.isBlank()) {
            try {
                URI uri = new URI(endpoint.strip());
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new URISyntaxException(endpoint, "no scheme or host");
                }
                s3Endpoint = Optional.of(uri);
            } catch (URISyntaxException e) {
                problems.add(
                        "AWS_ENDPOINT_URL_S3: expected an absolute URL such as"
                                + " http://127.0.0.1:9090");
            }
        }
        int afterDays = number(env, "RECRAWL_AFTER_DAYS", 30, 1, 3650, problems);
        int maxPerRun = number(env, "RECRAWL_MAX_PER_RUN", 10_000, 1, 1_000_000, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return new BackfillSettings(shared, s3Endpoint, afterDays, maxPerRun);
    }

    private static int number(
            Map<String, String> env,
            String name,
            int fallback,
            int min,
            int max,
            List<String> problems) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
            problems.add(name + ": must be from " + min + " to " + max + ", not " + value);
        } catch (NumberFormatException e) {
            problems.add(name + ": expected a whole number");
        }
        return fallback;
    }
}
