package dev.linkcrawl.limit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.index.IndexLocation;
import dev.linkcrawl.index.OpenSearchRest;
import dev.linkcrawl.index.OpenSearchRest.Response;
import dev.linkcrawl.link.TenantKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * Owner counts in OpenSearch, in an index of their own beside the links index ({@code
 * <INDEX_NAME>-quotas}): one small document per owner and counter, changed only by scripted
 * updates, which OpenSearch applies one at a time per document, so concurrent invocations never
 * over-count. OpenSearch is the one store every function already reaches, on AWS and in {@code
 * ./linkcrawl dev} alike. Requests are plain REST calls signed with SigV4 (no OpenSearch client),
 * so the submit function's jar stays small.
 */
public final class OpenSearchOwnerQuotas implements OwnerQuotas, AutoCloseable {

    /** Added to {@code INDEX_NAME} for the index of owner counts. */
    public static final String INDEX_SUFFIX = "-quotas";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The day's count starts again on a new day; it takes as many of the wanted links as the limit
     * leaves ({@code granted}), and a full day leaves the document untouched.
     */
    static final String COUNT_LINKS =
            """
            if (ctx._source.day != params.day) { ctx._source.day = params.day; ctx._source.count = 0; }
            int room = params.limit - (int) ctx._source.count;
            if (room <= 0) { ctx.op = 'none'; }
            else { int granted = (int) Math.min(room, params.wanted);
                   ctx._source.count += granted; ctx._source.granted = granted; }
            """;

    /**
     * Places that ended are dropped first; a holder renews its own place. A full pool gives the
     * caller the next free turn ({@code granted}) and the spacing of turns (the typical hold over
     * the limit), and moves the next turn on by {@code turns} of them.
     */
    static final String HOLD =
            """
            long now = params.now;
            if (ctx._source.leases == null) { ctx._source.leases = new HashMap(); }
            ctx._source.leases.entrySet().removeIf(e -> e.getValue() <= now);
            if (ctx._source.leases.containsKey(params.holder)
                || ctx._source.leases.size() < params.limit) {
              ctx._source.leases.put(params.holder, params.until);
              ctx._source.granted = 0L;
            } else {
              long typical = params.typicalMs;
              if (ctx._source.typicalMs != null) { typical = ctx._source.typicalMs; }
              long next = now;
              if (ctx._source.nextAt != null && ctx._source.nextAt > now) {
                next = ctx._source.nextAt;
              }
              long spacing = typical / params.limit;
              if (spacing < params.minSpacingMs) { spacing = params.minSpacingMs; }
              ctx._source.granted = next;
              ctx._source.spacing = spacing;
              ctx._source.nextAt = next + spacing * params.turns;
            }
            """;

    /** The place goes; the owner's typical hold moves a fifth of the way to this one. */
    static final String RELEASE =
            """
            boolean changed = false;
            if (ctx._source.leases != null && ctx._source.leases.remove(params.holder) != null) {
              changed = true;
            }
            if (params.heldMs >= 0) {
              long typical = params.heldMs;
              if (ctx._source.typicalMs != null) {
                long before = ctx._source.typicalMs;
                typical = (long) (0.8 * before + 0.2 * params.heldMs);
              }
              ctx._source.typicalMs = typical;
              changed = true;
            }
            if (!changed) { ctx.op = 'none'; }
            """;

    /** The least time between two turns of a full pool: 20 ms. */
    static final long MIN_SPACING_MS = 20;

    /**
     * The counts index: nothing in it is searched, so nothing is mapped and it is rarely refreshed
     * (updates read documents in real time). Counts are soft state, so the translog is written to
     * disk every 5 seconds rather than on every update: a crash forgets a few seconds of counts,
     * and a flood of updates does not queue the links index's writes behind a disk sync each.
     */
    static final String INDEX_BODY =
            """
            {"settings": {"index": {"number_of_shards": 1, "refresh_interval": "30s",
                                    "translog": {"durability": "async", "sync_interval": "5s"}}},
             "mappings": {"dynamic": false, "properties": {}}}
            """;

    /**
     * How long creating the counts index may take: 10 seconds. It happens once per deployment, and
     * a cluster takes longer to create an index than to update a document.
     */
    static final Duration CREATE_TIMEOUT = Duration.ofSeconds(10);

    /** OpenSearch's own retries of a conflicting update: 20. */
    static final int RETRY_ON_CONFLICT = 20;

    /** This client's retries of an update OpenSearch still answered 409: 5. */
    static final int CONFLICT_ATTEMPTS = 5;

    private final SdkHttpClient http;
    private final SdkHttpClient slowHttp;
    private final OpenSearchRest rest;
    private final String index;
    private volatile boolean indexReady;

    private OpenSearchOwnerQuotas(
            SdkHttpClient http, SdkHttpClient slowHttp, OpenSearchRest rest, String index) {
        this.http = http;
        this.slowHttp = slowHttp;
        this.rest = rest;
        this.index = index;
    }

    /**
     * The counts next to the links index that {@code settings} name ({@code OPENSEARCH_ENDPOINT},
     * {@code OPENSEARCH_AUTH}, {@code OPENSEARCH_SERVICE}, {@code AWS_REGION}, {@code INDEX_NAME}),
     * giving up on a request after {@code timeout} (connect and read each).
     *
     * @throws IllegalArgumentException when SigV4 is asked for over plain {@code http} to a host
     *     other than this machine: a signed request never crosses a network unencrypted
     */
    public static OpenSearchOwnerQuotas create(Settings settings, Duration timeout) {
        return create(settings, timeout, CREATE_TIMEOUT);
    }

    /**
     * Like {@link #create(Settings, Duration)}, giving up on creating the counts index after {@code
     * createTimeout}: the API answers within its budget even when it is the first to count (the
     * request goes uncounted; the index is created all the same).
     */
    public static OpenSearchOwnerQuotas create(
            Settings settings, Duration timeout, Duration createTimeout) {
        OpenSearchRest rest = OpenSearchRest.of(settings);
        SdkHttpClient http = OpenSearchRest.client(timeout, timeout);
        SdkHttpClient slowHttp = OpenSearchRest.client(timeout, createTimeout);
        return new OpenSearchOwnerQuotas(
                http,
                slowHttp,
                rest,
                IndexLocation.requireIndexName(settings.indexName() + INDEX_SUFFIX));
    }

    @Override
    public int countLinks(TenantKey tenant, LocalDate day, int perDay, int wanted) {
        Objects.requireNonNull(day, "day");
        if (wanted < 1) {
            throw new IllegalArgumentException("wanted must be at least 1, not " + wanted);
        }
        Updated updated =
                update(
                        "links-per-day:" + tenant.value(),
                        COUNT_LINKS,
                        Map.of("day", day.toString(), "limit", perDay, "wanted", wanted),
                        true);
        return updated.changed() ? updated.source().path("granted").asInt(0) : 0;
    }

    /** What an update did: whether it changed the document, and the document after it. */
    private record Updated(boolean changed, JsonNode source) {}

    @Override
    public Place hold(
            String pool,
            TenantKey tenant,
            String holder,
            int limit,
            Instant now,
            Instant until,
            int turns) {
        OwnerQuotas.requireTurns(turns);
        JsonNode source =
                update(
                                pool + ":" + tenant.value(),
                                HOLD,
                                Map.of(
                                        "holder",
                                        holder,
                                        "limit",
                                        limit,
                                        "now",
                                        now.toEpochMilli(),
                                        "until",
                                        until.toEpochMilli(),
                                        "typicalMs",
                                        DEFAULT_TYPICAL_HOLD.toMillis(),
                                        "minSpacingMs",
                                        MIN_SPACING_MS,
                                        "turns",
                                        turns),
                                true)
                        .source();
        long granted = source.path("granted").asLong(0);
        return granted == 0
                ? new Place.Held()
                : new Place.Full(
                        Instant.ofEpochMilli(granted),
                        turns,
                        Duration.ofMillis(source.path("spacing").asLong(MIN_SPACING_MS)));
    }

    @Override
    public void release(String pool, TenantKey tenant, String holder, Optional<Duration> held) {
        update(
                pool + ":" + tenant.value(),
                RELEASE,
                Map.of("holder", holder, "heldMs", held.map(Duration::toMillis).orElse(-1L)),
                false);
    }

    /**
     * Runs {@code script} on one document; without {@code upsert}, a missing document is left
     * missing.
     */
    private Updated update(String id, String script, Map<String, Object> params, boolean upsert) {
        ensureIndex();
        ObjectNode body = JSON.createObjectNode();
        ObjectNode scriptNode = body.putObject("script");
        scriptNode.put("lang", "painless").put("source", script);
        scriptNode.set("params", JSON.valueToTree(params));
        if (upsert) {
            body.put("scripted_upsert", true);
            body.putObject("upsert");
        }
        body.put("_source", true);
        String path =
                "/"
                        + index
                        + "/_update/"
                        + URLEncoder.encode(id, StandardCharsets.UTF_8)
                        + "?retry_on_conflict="
                        + RETRY_ON_CONFLICT;
        Response response = send(SdkHttpMethod.POST, path, body.toString());
        // OpenSearch retries a conflicting update itself; under a burst on one owner's document it
        // can still give up, so a few more tries after a short random pause.
        for (int attempt = 1; response.status() == 409 && attempt <= CONFLICT_ATTEMPTS; attempt++) {
            pause(attempt);
            response = send(SdkHttpMethod.POST, path, body.toString());
        }
        if (response.status() == 404 && !upsert) {
            return new Updated(false, JSON.createObjectNode());
        }
        if (response.status() == 404 && response.body().contains("index_not_found")) {
            indexReady = false; // deleted under us: create it again, once
            ensureIndex();
            response = send(SdkHttpMethod.POST, path, body.toString());
        }
        if (response.status() != 200 && response.status() != 201) {
            throw new QuotaUnavailableException(
                    "OpenSearch answered "
                            + response.status()
                            + " to a count update of "
                            + index
                            + ": "
                            + response.body()
                                    .substring(0, Math.min(300, response.body().length())));
        }
        JsonNode answer = json(response.body());
        return new Updated(
                !answer.path("result").asText().equals("noop"), answer.path("get").path("_source"));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuotaUnavailableException("interrupted while counting");
        }
    }

    private void ensureIndex() {
        if (indexReady) {
            return;
        }
        Response head = send(SdkHttpMethod.HEAD, "/" + index, null);
        if (head.status() == 404) {
            Response created = send(slowHttp, SdkHttpMethod.PUT, "/" + index, INDEX_BODY);
            boolean raced =
                    created.status() == 400
                            && created.body().contains("resource_already_exists_exception");
            if (created.status() != 200 && !raced) {
                throw new QuotaUnavailableException(
                        "OpenSearch answered " + created.status() + " creating " + index);
            }
        } else if (head.status() != 200) {
            throw new QuotaUnavailableException(
                    "OpenSearch answered " + head.status() + " checking " + index);
        }
        indexReady = true;
    }

    private Response send(SdkHttpMethod method, String pathAndQuery, String body) {
        return send(http, method, pathAndQuery, body);
    }

    private Response send(
            SdkHttpClient client, SdkHttpMethod method, String pathAndQuery, String body) {
        try {
            return rest.send(client, method, pathAndQuery, body);
        } catch (SdkException | IOException | UncheckedIOException e) {
            throw new QuotaUnavailableException(
                    "owner counts unreachable (" + e.getMessage() + ")", e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new QuotaUnavailableException("OpenSearch answered something that is not JSON");
        }
    }

    @Override
    public void close() {
        http.close();
        slowHttp.close();
    }
}
