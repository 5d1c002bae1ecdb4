package dev.linkcrawl.config;

import dev.linkcrawl.index.IndexLocation;
import dev.linkcrawl.index.OpenSearchAuth;
import dev.linkcrawl.limit.OwnerLimits;
import dev.linkcrawl.link.RetrySchedule;
import dev.linkcrawl.url.HostPort;
import dev.linkcrawl.url.UrlPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every setting of every function, read once at cold start from environment variables (declared in
 * {@code template.yaml}). Bad values fail the cold start with a message that names each variable
 * and what it should hold, rather than surfacing later as odd behaviour.
 *
 * @param region AWS region ({@code AWS_REGION}, set by Lambda; default {@code us-east-1})
 * @param sqsEndpoint SQS endpoint override ({@code AWS_ENDPOINT_URL_SQS}), for local queues
 * @param queueUrl the crawl queue ({@code QUEUE_URL}); required by the submit function
 * @param urlPolicy ports ({@code ALLOWED_PORTS}, default 80,443,8080,8443) and exempt loopback
 *     pairs ({@code ALLOWED_PRIVATE_HOSTS}, default none)
 * @param fetchDeadline the whole fetch ({@code FETCH_DEADLINE_MS}, default 15000, 1000 to 25000)
 * @param maxBodyBytes body cap after decompression ({@code MAX_BODY_BYTES}, default 5 MiB)
 * @param maxRedirects redirect hops followed ({@code MAX_REDIRECTS}, default 10, 0 to 20)
 * @param userAgent the crawler's {@code User-Agent} ({@code USER_AGENT})
 * @param maxReceives deliveries before the DLQ ({@code MAX_RECEIVES}, default 5), so the last
 *     attempt can record the failure
 * @param openSearchEndpoint the OpenSearch base URL ({@code OPENSEARCH_ENDPOINT}, {@code
 *     https://host[:port]}, or {@code http://127.0.0.1:port} locally); required by the functions
 *     that use the index
 * @param openSearchAuth how index requests are authenticated ({@code OPENSEARCH_AUTH}, {@code
 *     sigv4} or {@code none}, default {@code sigv4})
 * @param openSearchService the SigV4 service name ({@code OPENSEARCH_SERVICE}, {@code es} or {@code
 *     aoss}, default {@code es})
 * @param indexName the links index ({@code INDEX_NAME}, default {@code links})
 * @param s3Endpoint S3 endpoint override ({@code AWS_ENDPOINT_URL_S3}), for a local S3 such as
 *     S3Mock; clients then use path-style addressing
 * @param recrawlAfterDays links crawled longer ago are re-crawled ({@code RECRAWL_AFTER_DAYS},
 *     default 30, 1 to 3650)
 * @param recrawlMaxPerRun at most this many links are queued by one re-crawl run ({@code
 *     RECRAWL_MAX_PER_RUN}, default 10000, 1 to 1000000)
 * @param crawlQueueUrl the crawl queue as the crawl function sees it ({@code CRAWL_QUEUE_URL}): a
 *     message it defers or retries later goes back there
 * @param backfillQueueUrl the backfill queue likewise ({@code BACKFILL_QUEUE_URL})
 * @param ownerLimits what one owner may use ({@code LINKS_PER_OWNER_PER_DAY}, {@code
 *     IMPORT_MAX_LINKS}, {@code IMPORTS_AT_ONCE_PER_OWNER}, {@code CRAWL_MAX_PER_OWNER}, {@code
 *     BACKFILL_MAX_PER_OWNER}; see {@link OwnerLimits} for the defaults; 0 turns one off)
 * @param retrySchedule when a transient failure is tried again ({@code RETRY_DELAYS_SECONDS},
 *     default 30,120,480,1800; see {@link RetrySchedule})
 * @param importBucket the bucket imports are uploaded to ({@code IMPORT_BUCKET}); required by the
 *     function that hands out uploads
 * @param importMaxBytes the largest upload handed out ({@code IMPORT_MAX_BYTES}, default 100 MiB, 1
 *     KiB to 5 GiB, S3's largest single PUT)
 * @param eventBusName the EventBridge bus finished crawls are announced on ({@code EVENT_BUS_NAME},
 *     default {@code default})
 * @param eventsEndpoint EventBridge endpoint override ({@code AWS_ENDPOINT_URL_EVENTBRIDGE}), for
 *     the local stack's bus
 */
public record Settings(
        String region,
        Optional<URI> sqsEndpoint,
        Optional<String> queueUrl,
        UrlPolicy urlPolicy,
        Duration fetchDeadline,
        long maxBodyBytes,
        int maxRedirects,
        String userAgent,
        int maxReceives,
        Optional<URI> openSearchEndpoint,
        OpenSearchAuth openSearchAuth,
        String openSearchService,
        String indexName,
        Optional<URI> s3Endpoint,
        int recrawlAfterDays,
        int recrawlMaxPerRun,
        Optional<String> crawlQueueUrl,
        Optional<String> backfillQueueUrl,
        OwnerLimits ownerLimits,
        RetrySchedule retrySchedule,
        Optional<String> importBucket,
        long importMaxBytes,
        String eventBusName,
        Optional<URI> eventsEndpoint) {

    /** The default {@code IMPORT_MAX_BYTES}: 100 MiB, a browser export of some 300,000 links. */
    public static final long DEFAULT_IMPORT_MAX_BYTES = 100L * 1024 * 1024;

    public static final String DEFAULT_USER_AGENT =
            "linkcrawl/0.1 (+https://github.com/linkcrawl/linkcrawl)";

    /** Reads the process environment. */
    public static Settings fromEnvironment() {
        return from(System.getenv());
    }

    /**
     * Reads settings from {@code env}.
     *
     * @throws InvalidSettingsException naming every variable with a bad value
     */
    public static Settings from(Map<String, String> env) {
        Reader reader = new Reader(env);
        Settings settings =
                new Settings(
                        reader.text("AWS_REGION", "us-east-1"),
                        reader.optional("AWS_ENDPOINT_URL_SQS", Reader::uri),
                        reader.optional("QUEUE_URL", Function.identity()),
                        new UrlPolicy(
                                reader.value(
                                        "ALLOWED_PORTS", UrlPolicy.DEFAULT_PORTS, Reader::ports),
                                reader.value("ALLOWED_PRIVATE_HOSTS", Set.of(), Reader::loopback)),
                        Duration.ofMillis(
                                reader.number("FETCH_DEADLINE_MS", 15_000, 1_000, 25_000)),
                        reader.number("MAX_BODY_BYTES", 5L * 1024 * 1024, 1024, 64L * 1024 * 1024),
                        (int) reader.number("MAX_REDIRECTS", 10, 0, 20),
                        reader.text("USER_AGENT", DEFAULT_USER_AGENT),
                        (int) reader.number("MAX_RECEIVES", 5, 1, 1000),
                        reader.optional("OPENSEARCH_ENDPOINT", Reader::openSearchEndpoint),
                        reader.value("OPENSEARCH_AUTH", OpenSearchAuth.SIGV4, Reader::auth),
                        reader.value("OPENSEARCH_SERVICE", "es", Reader::service),
                        reader.value("INDEX_NAME", "links", IndexLocation::requireIndexName),
                        reader.optional("AWS_ENDPOINT_URL_S3", Reader::uri),
                        (int) reader.number("RECRAWL_AFTER_DAYS", 30, 1, 3650),
                        (int) reader.number("RECRAWL_MAX_PER_RUN", 10_000, 1, 1_000_000),
                        reader.optional("CRAWL_QUEUE_URL", Function.identity()),
                        reader.optional("BACKFILL_QUEUE_URL", Function.identity()),
                        new OwnerLimits(
                                (int)
                                        reader.number(
                                                "LINKS_PER_OWNER_PER_DAY",
                                                OwnerLimits.DEFAULT.linksPerDay(),
                                                0,
                                                10_000_000),
                                (int)
                                        reader.number(
                                                "IMPORT_MAX_LINKS",
                                                OwnerLimits.DEFAULT.importLinks(),
                                                1,
                                                1_000_000),
                                (int)
                                        reader.number(
                                                "IMPORTS_AT_ONCE_PER_OWNER",
                                                OwnerLimits.DEFAULT.importsAtOnce(),
                                                0,
                                                1000),
                                (int)
                                        reader.number(
                                                "CRAWL_MAX_PER_OWNER",
                                                OwnerLimits.DEFAULT.crawlsAtOnce(),
                                                0,
                                                1000),
                                (int)
                                        reader.number(
                                                "BACKFILL_MAX_PER_OWNER",
                                                OwnerLimits.DEFAULT.backfillCrawlsAtOnce(),
                                                0,
                                                1000)),
                        reader.value(
                                "RETRY_DELAYS_SECONDS",
                                RetrySchedule.DEFAULT,
                                RetrySchedule::parseSeconds),
                        reader.optional("IMPORT_BUCKET", Function.identity()),
                        reader.number(
                                "IMPORT_MAX_BYTES",
                                DEFAULT_IMPORT_MAX_BYTES,
                                1024,
                                5L * 1024 * 1024 * 1024),
                        reader.text("EVENT_BUS_NAME", "default"),
                        reader.optional("AWS_ENDPOINT_URL_EVENTBRIDGE", Reader::uri));
        reader.throwIfInvalid();
        return settings;
    }

    /**
     * The queue this function sends to (CrawlQueue for submit, BackfillQueue for backfill), or a
     * clear error for a function that cannot run without it.
     */
    public String requireQueueUrl() {
        return queueUrl.orElseThrow(
                () ->
                        new InvalidSettingsException(
                                List.of(
                                        "QUEUE_URL is not set: it must hold the URL of the queue"
                                                + " this function sends crawl messages to")));
    }

    /** The import bucket, or a clear error for a function that cannot run without it. */
    public String requireImportBucket() {
        return importBucket.orElseThrow(
                () ->
                        new InvalidSettingsException(
                                List.of(
                                        "IMPORT_BUCKET is not set: it must name the bucket"
                                                + " imports are uploaded to")));
    }

    /** The OpenSearch endpoint, or a clear error for a function that cannot run without it. */
    public URI requireOpenSearchEndpoint() {
        return openSearchEndpoint.orElseThrow(
                () ->
                        new InvalidSettingsException(
                                List.of(
                                        "OPENSEARCH_ENDPOINT is not set: it must hold the"
                                                + " OpenSearch base URL, such as"
                                                + " https://search-links.eu-west-1.es.amazonaws.com")));
    }

    /** Collects every problem so one failed cold start reports them all. */
    private static final class Reader {
        private final Map<String, String> env;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> env) {
            this.env = env;
        }

        String text(String name, String fallback) {
            String raw = env.get(name);
            return raw == null || raw.isBlank() ? fallback : raw.strip();
        }

        <T> Optional<T> optional(String name, Function<String, T> parse) {
            String raw = env.get(name);
            if (raw == null || raw.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(parse.apply(raw.strip()));
            } catch (IllegalArgumentException e) {
                problems.add(name + ": " + e.getMessage());
                return Optional.empty();
            }
        }

        <T> T value(String name, T fallback, Function<String, T> parse) {
            return optional(name, parse).orElse(fallback);
        }

        long number(String name, long fallback, long min, long max) {
            return value(
                    name,
                    fallback,
                    raw -> {
                        long parsed;
                        try {
                            parsed = Long.parseLong(raw);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("expected a whole number", e);
                        }
                        if (parsed < min || parsed > max) {
                            throw new IllegalArgumentException(
                                    "must be from " + min + " to " + max + ", not " + parsed);
                        }
                        return parsed;
                    });
        }

        void throwIfInvalid() {
            if (!problems.isEmpty()) {
                throw new InvalidSettingsException(problems);
            }
        }

        static URI uri(String raw) {
            try {
                URI uri = new URI(raw);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new IllegalArgumentException(
                            "expected an absolute URL such as http://127.0.0.1:9324");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(
                        "expected an absolute URL such as http://127.0.0.1:9324", e);
            }
        }

        static URI openSearchEndpoint(String raw) {
            return IndexLocation.requireBaseUrl(uri(raw));
        }

        static OpenSearchAuth auth(String raw) {
            return switch (raw.toLowerCase(Locale.ROOT)) {
                case "sigv4" -> OpenSearchAuth.SIGV4;
                case "none" -> OpenSearchAuth.NONE;
                default -> throw new IllegalArgumentException("expected sigv4 or none");
            };
        }

        static String service(String raw) {
            if (!raw.equals("es") && !raw.equals("aoss")) {
                throw new IllegalArgumentException(
                        "expected es (OpenSearch Service) or aoss (OpenSearch Serverless)");
            }
            return raw;
        }

        static Set<Integer> ports(String raw) {
            Set<Integer> ports = new LinkedHashSet<>();
            for (String part : raw.split(",")) {
                try {
                    int port = Integer.parseInt(part.strip());
                    if (port < 1 || port > 65535) {
                        throw new NumberFormatException();
                    }
                    ports.add(port);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "expected comma-separated ports from 1 to 65535, such as 80,443", e);
                }
            }
            return ports;
        }

        /** Exemptions exist for tests and local fixtures, so only loopback pairs are accepted. */
        static Set<HostPort> loopback(String raw) {
            Set<HostPort> pairs = new LinkedHashSet<>();
            for (String part : raw.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                HostPort pair = HostPort.parse(part);
                if (!isLoopback(pair.host())) {
                    throw new IllegalArgumentException(
                            "only loopback pairs can be exempt (localhost, 127.x.x.x, ::1), not "
                                    + pair);
                }
                pairs.add(pair);
            }
            return pairs;
        }

        private static boolean isLoopback(String host) {
            if (host.equals("localhost")) {
                return true;
            }
            if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                return false;
            }
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }
}
