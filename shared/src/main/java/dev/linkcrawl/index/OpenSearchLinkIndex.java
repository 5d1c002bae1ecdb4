package dev.linkcrawl.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.link.LinkId;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.json.JsonpDeserializer;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Result;
import org.opensearch.client.opensearch._types.Script;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.UpdateResponse;
import org.opensearch.client.opensearch.core.search.Highlight;
import org.opensearch.client.opensearch.core.search.HighlighterEncoder;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.search.Pit;
import org.opensearch.client.opensearch.indices.IndexSettings;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.aws.AwsSdk2Transport;
import org.opensearch.client.transport.aws.AwsSdk2TransportOptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * {@link LinkIndex} on OpenSearch (Amazon OpenSearch Service, OpenSearch Serverless, or a local
 * node), through opensearch-java's {@code AwsSdk2Transport} over the AWS SDK's URL-connection HTTP
 * client.
 *
 * <p>Writes use external versioning with the version {@code crawledAt} in epoch milliseconds, so
 * OpenSearch itself refuses an older crawl (a 409, reported as {@link PutOutcome#STALE}). The index
 * is created on the first {@link #put} if {@link #ensureIndex()} was not called before, so a write
 * can never create it with a dynamic mapping. Connections time out after 2 seconds, reads after 10
 * seconds by default. Thread-safe.
 *
 * <p>{@link #search} runs one request: a {@code bool} query whose filters (owner, each tag, status,
 * page type) never score, plus, with search text, a {@code simple_query_string} with only the
 * {@code PHRASE} and {@code WHITESPACE} flags, so the user's text is words (and quoted phrases),
 * never query syntax, and malformed input cannot make the query fail. It pages with {@code
 * search_after} on a sort that ends with the unique {@code id} keyword, asks for one hit more than
 * the page size to know whether another page exists, and fetches only the fields a result shows.
 */
public final class OpenSearchLinkIndex implements LinkIndex, AutoCloseable {

    /** How long to wait for a connection: 2 seconds. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** How long to wait for response bytes: 10 seconds. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private static final Set<String> SERVICES = Set.of("es", "aoss");
    private static final String ALREADY_EXISTS = "resource_already_exists_exception";
    private static final String VERSION_CONFLICT = "version_conflict_engine_exception";
    private static final String INDEX_NOT_FOUND = "index_not_found_exception";
    private static final String STRICT_MAPPING = "strict_dynamic_mapping_exception";

    /**
     * The fields search text is matched against, with their weights: a word in the title counts
     * five times a word in the main text.
     */
    private static final List<String> TEXT_FIELDS =
            List.of(
                    "title^5",
                    "tags.text^3",
                    "siteName^2",
                    "description^2",
                    "url^1.5",
                    "finalUrl^1.5",
                    "text");

    /** The fields {@link #search} reads: see {@link HitSource}. */
    private static final List<String> HIT_FIELDS =
            List.of(
                    "url",
                    "finalUrl",
                    "title",
                    "description",
                    "siteName",
                    "image",
                    "favicon",
                    "status",
                    "pageType",
                    "crawledAt",
                    "tags");

    private static final List<String> HIGHLIGHT_FIELDS = List.of("title", "description", "text");

    /**
     * {@code <mark>} around matches, the rest HTML-escaped (page text is untrusted). Title and
     * description come whole; the main text as up to 3 passages of about 160 characters.
     */
    private static final Highlight HIGHLIGHT =
            Highlight.of(
                    h ->
                            h.preTags("<mark>")
                                    .postTags("</mark>")
                                    .encoder(HighlighterEncoder.Html)
                                    .fields("title", f -> f.numberOfFragments(0))
                                    .fields("description", f -> f.numberOfFragments(0))
                                    .fields("text", f -> f.fragmentSize(160).numberOfFragments(3)));

    private final OpenSearchClient client;
    private final SdkHttpClient httpClient;
    private final String indexName;
    private final LinkDocumentCodec codec;

    /** Dates tombstones; the crawls it orders them against run on other machines' clocks. */
    private final Clock clock = Clock.systemUTC();

    private volatile boolean indexEnsured;

    OpenSearchLinkIndex(
            OpenSearchTransport transport,
            SdkHttpClient httpClient,
            String indexName,
            LinkDocumentCodec codec) {
        this.client = new OpenSearchClient(Objects.requireNonNull(transport, "transport"));
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        this.indexName = IndexLocation.requireIndexName(indexName);
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /**
     * An index client for {@code endpoint}.
     *
     * @param endpoint the cluster's base URL, {@code https://host[:port]} (or {@code
     *     http://127.0.0.1:port} for a local node); no path
     * @param auth {@link OpenSearchAuth#SIGV4} to sign with the default AWS credentials, {@link
     *     OpenSearchAuth#NONE} to send no credentials
     * @param service the signing service, {@code es} (OpenSearch Service) or {@code aoss}
     *     (Serverless); ignored without SigV4
     * @param region the AWS region to sign for, e.g. {@code eu-west-1}; ignored without SigV4
     * @param indexName the index, e.g. {@code links}
     * @throws IllegalArgumentException if a value is not usable
     */
    public static OpenSearchLinkIndex create(
            URI endpoint, OpenSearchAuth auth, String service, String region, String indexName) {
        return create(endpoint, auth, service, region, indexName, READ_TIMEOUT);
    }

    /**
     * An index client configured by {@code settings} ({@code OPENSEARCH_ENDPOINT}, {@code
     * OPENSEARCH_AUTH}, {@code OPENSEARCH_SERVICE}, {@code AWS_REGION}, {@code INDEX_NAME}), with
     * the default read timeout ({@link #READ_TIMEOUT}).
     *
     * @throws dev.linkcrawl.config.InvalidSettingsException if {@code OPENSEARCH_ENDPOINT} is not
     *     set
     */
    public static OpenSearchLinkIndex create(Settings settings) {
        return create(settings, READ_TIMEOUT);
    }

    /**
     * Like {@link #create(Settings)}, waiting at most {@code readTimeout} for response bytes: a
     * function must give up on the index before its own timeout so it can still answer.
     */
    public static OpenSearchLinkIndex create(Settings settings, Duration readTimeout) {
        Objects.requireNonNull(settings, "settings");
        return create(
                settings.requireOpenSearchEndpoint(),
                settings.openSearchAuth(),
                settings.openSearchService(),
                settings.region(),
                settings.indexName(),
                readTimeout);
    }

    private static OpenSearchLinkIndex create(
            URI endpoint,
            OpenSearchAuth auth,
            String service,
            String region,
            String indexName,
            Duration readTimeout) {
        IndexLocation.requireBaseUrl(endpoint);
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(readTimeout, "readTimeout");
        IndexLocation.requireIndexName(indexName);
        boolean sign = auth == OpenSearchAuth.SIGV4;
        if (sign && !SERVICES.contains(service)) {
            throw new IllegalArgumentException("the signing service must be es or aoss");
        }
        if (sign && (region == null || region.isBlank())) {
            throw new IllegalArgumentException("SigV4 needs a region");
        }
        if (sign) {
            IndexLocation.requireSafeForSigning(endpoint);
        }

        String scheme = endpoint.getScheme();
        boolean plainHttp = scheme.equals("http");
        int port = endpoint.getPort() != -1 ? endpoint.getPort() : plainHttp ? 80 : 443;
        SdkHttpClient urlConnection =
                UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(readTimeout)
                        .build();
        SdkHttpClient httpClient =
                plainHttp || !sign
                        ? new EndpointHttpClient(urlConnection, plainHttp, port, !sign)
                        : urlConnection;
        // Without SigV4 the transport still signs (it always does); the signature headers are
        // stripped before sending, so these placeholder credentials never leave the process.
        AwsCredentialsProvider credentials =
                sign
                        ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("unsigned", "unsigned"));
        return over(
                httpClient,
                endpoint.getHost() + (endpoint.getPort() != -1 ? ":" + port : ""),
                sign ? service : "es",
                sign ? Region.of(region) : Region.US_EAST_1,
                credentials,
                indexName);
    }

    /**
     * An index client whose requests are signed with {@code credentials} and sent through {@code
     * httpClient} to {@code https://host}; {@link #create} and SnapStart priming ({@link
     * dev.linkcrawl.prime.IndexPriming}) build theirs here.
     */
    public static OpenSearchLinkIndex over(
            SdkHttpClient httpClient,
            String host,
            String service,
            Region region,
            AwsCredentialsProvider credentials,
            String indexName) {
        LinkDocumentCodec codec = new LinkDocumentCodec();
        AwsSdk2Transport transport =
                new AwsSdk2Transport(
                        httpClient,
                        host,
                        service,
                        region,
                        AwsSdk2TransportOptions.builder()
                                .setCredentials(credentials)
                                .setMapper(new JacksonJsonpMapper(codec.mapperCopy()))
                                .build());
        return new OpenSearchLinkIndex(transport, httpClient, indexName, codec);
    }

    @Override
    public void ensureIndex() {
        try {
            // A HEAD first: the index nearly always exists, and parsing the mapping into the
            // client's model costs a cold start hundreds of milliseconds.
            if (!client.indices().exists(e -> e.index(indexName)).value()) {
                create();
            }
        } catch (OpenSearchException e) {
            throw failure("check index " + indexName, e);
        } catch (IOException | SdkException e) {
            throw failure("check index " + indexName, e);
        }
        indexEnsured = true;
    }

    private void create() {
        JsonpMapper mapper = client._transport().jsonpMapper();
        try {
            JsonNode tree = new ObjectMapper().readTree(LinkIndexMapping.json());
            IndexSettings settings =
                    parse(tree.get("settings"), IndexSettings._DESERIALIZER, mapper);
            TypeMapping mappings = parse(tree.get("mappings"), TypeMapping._DESERIALIZER, mapper);
            client.indices().create(c -> c.index(indexName).settings(settings).mappings(mappings));
        } catch (OpenSearchException e) {
            if (!ALREADY_EXISTS.equals(e.error().type())) {
                throw failure("create index " + indexName, e);
            }
        } catch (IOException | SdkException e) {
            throw failure("create index " + indexName, e);
        }
    }

    /** A write OpenSearch can refuse for a field an older mapping lacks. */
    private interface Write<T> {
        T send() throws IOException;
    }

    /**
     * Sends {@code write}; when the index was created by an older version and refuses a field added
     * since ({@code dynamic: strict}), puts the mapping's fields on it and sends it once more. Done
     * on refusal rather than on every cold start: parsing the mapping into the client's model costs
     * a cold start hundreds of milliseconds, and it is needed once per upgrade.
     */
    private <T> T withNewFields(Write<T> write) throws IOException {
        try {
            return write.send();
        } catch (OpenSearchException e) {
            if (!STRICT_MAPPING.equals(e.error().type())) {
                throw e;
            }
        }
        JsonpMapper mapper = client._transport().jsonpMapper();
        JsonNode tree = new ObjectMapper().readTree(LinkIndexMapping.json());
        TypeMapping mappings = parse(tree.get("mappings"), TypeMapping._DESERIALIZER, mapper);
        client.indices().putMapping(m -> m.index(indexName).properties(mappings.properties()));
        return write.send();
    }

    @Override
    public PutOutcome put(LinkId id, LinkDocument document) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(document, "document");
        if (document.status() == LinkDocument.Status.QUEUED) {
            throw new IllegalArgumentException("a queued document goes through putQueued");
        }
        long version = document.crawledAt().toEpochMilli();
        if (version < 0) {
            throw new IllegalArgumentException("crawledAt is before 1970");
        }
        if (!indexEnsured) {
            ensureIndex();
        }
        // A crawl that started before the deletion meets the tombstone's higher version below; one
        // that started after it (a retry, a re-crawl) is stopped here.
        Optional<Instant> deletedAt =
                fetch(id, List.of("status", "deletedAt")).flatMap(OpenSearchLinkIndex::deletedAt);
        if (deletedAt.isPresent()
                && (document.submittedAt() == null
                        || !document.submittedAt().isAfter(deletedAt.get()))) {
            return PutOutcome.DELETED;
        }
        ObjectNode source = codec.toTree(document);
        source.put("id", id.value());
        try {
            withNewFields(
                    () ->
                            client.index(
                                    i ->
                                            i.index(indexName)
                                                    .id(id.value())
                                                    .document(source)
                                                    .version(version)
                                                    .versionType(VersionType.External)));
            return PutOutcome.WRITTEN;
        } catch (OpenSearchException e) {
            if (e.status() == 409 && VERSION_CONFLICT.equals(e.error().type())) {
                return PutOutcome.STALE;
            }
            throw failure("put " + id, e);
        } catch (IOException | SdkException e) {
            throw failure("put " + id, e);
        }
    }

    /**
     * Written only where no document is, or over a tombstone older than the save; {@code
     * params.submittedAt} in epoch milliseconds.
     */
    static final String PUT_QUEUED =
            """
            if (ctx._source.isEmpty()) {
              ctx._source.putAll(params.doc);
            } else if (ctx._source.status == 'deleted'
                && ZonedDateTime.parse(ctx._source.deletedAt).toInstant().toEpochMilli()
                    < params.submittedAt) {
              ctx._source.clear();
              ctx._source.putAll(params.doc);
            } else {
              ctx.op = 'none';
            }
            """;

    /** Changes only a crawled or failed document of {@code params.owner}. */
    private static final String RECORD_ATTEMPT =
            """
            if (ctx._source.owner != params.owner
                || ctx._source.status == 'deleted' || ctx._source.status == 'queued') {
              ctx.op = 'none';
            } else {
              ctx._source.lastAttemptAt = params.lastAttemptAt;
              ctx._source.lastFailure = params.lastFailure;
              if (params.tags.isEmpty()) { ctx._source.remove('tags'); }
              else { ctx._source.tags = params.tags; }
              if (params.note == null) { ctx._source.remove('note'); }
              else { ctx._source.note = params.note; }
            }
            """;

    @Override
    public boolean putQueued(LinkId id, LinkDocument queued) {
        Objects.requireNonNull(id, "id");
        QueuedLinks.requireQueued(queued);
        if (!indexEnsured) {
            ensureIndex();
        }
        ObjectNode doc = codec.toTree(queued);
        doc.put("id", id.value());
        Map<String, JsonData> params =
                Map.of(
                        "doc", JsonData.of(doc),
                        "submittedAt", JsonData.of(queued.submittedAt().toEpochMilli()));
        try {
            UpdateResponse<JsonNode> response =
                    client.update(
                            u ->
                                    u.index(indexName)
                                            .id(id.value())
                                            .scriptedUpsert(true)
                                            .upsert(JsonNodeFactory.instance.objectNode())
                                            .script(script(PUT_QUEUED, params)),
                            JsonNode.class);
            return response.result() != Result.NoOp;
        } catch (OpenSearchException e) {
            throw failure("put queued " + id, e);
        } catch (IOException | SdkException e) {
            throw failure("put queued " + id, e);
        }
    }

    @Override
    public boolean recordAttempt(
            String owner,
            LinkId id,
            Instant attemptedAt,
            LinkDocument.Failure failure,
            List<String> tags,
            String note) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(attemptedAt, "attemptedAt");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(tags, "tags");
        Map<String, JsonData> params = new LinkedHashMap<>();
        params.put("owner", JsonData.of(owner));
        params.put("lastAttemptAt", JsonData.of(attemptedAt.toString()));
        params.put("lastFailure", JsonData.of(codec.toTree(failure)));
        params.put("tags", JsonData.of(List.copyOf(tags)));
        if (note != null) {
            params.put("note", JsonData.of(note));
        }
        try {
            UpdateResponse<JsonNode> response =
                    withNewFields(
                            () ->
                                    client.update(
                                            u ->
                                                    u.index(indexName)
                                                            .id(id.value())
                                                            .script(script(RECORD_ATTEMPT, params)),
                                            JsonNode.class));
            return response.result() == Result.Updated;
        } catch (OpenSearchException e) {
            if (e.status() == 404) {
                return false;
            }
            throw failure("record an attempt on " + id, e);
        } catch (IOException | SdkException e) {
            throw failure("record an attempt on " + id, e);
        }
    }

    private static Script script(String source, Map<String, JsonData> params) {
        return Script.of(s -> s.inline(i -> i.source(source).params(params)));
    }

    @Override
    public Optional<LinkDocument> get(String owner, LinkId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        return fetch(id, List.of())
                .filter(source -> owner.equals(source.path("owner").asText(null)))
                .filter(source -> deletedAt(source).isEmpty())
                .map(codec::fromTree);
    }

    /** Tries this often when crawls keep writing between the read and the tombstone. */
    private static final int DELETE_ATTEMPTS = 3;

    @Override
    public boolean delete(String owner, LinkId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        // No ensureIndex: a missing index holds nothing to delete, and the API that deletes does
        // not create indexes.
        for (int attempt = 1; ; attempt++) {
            GetResponse<ObjectNode> stored =
                    getResponse(id, List.of("owner", "status", "deletedAt"));
            if (stored == null
                    || !stored.found()
                    || stored.source() == null
                    || !owner.equals(stored.source().path("owner").asText(null))
                    || deletedAt(stored.source()).isPresent()) {
                return false;
            }
            Instant now = clock.instant();
            // Above the stored crawl's version, so a crawl in flight that started before now
            // cannot write over the tombstone (its crawledAt is older).
            long version = Math.max(now.toEpochMilli(), stored.version() + 1);
            ObjectNode tombstone = codec.mapperCopy().createObjectNode();
            tombstone.put("id", id.value());
            tombstone.put("owner", owner);
            tombstone.put("status", DELETED);
            tombstone.put("deletedAt", now.toString());
            try {
                withNewFields(
                        () ->
                                client.index(
                                        i ->
                                                i.index(indexName)
                                                        .id(id.value())
                                                        .document(tombstone)
                                                        .version(version)
                                                        .versionType(VersionType.External)));
                return true;
            } catch (OpenSearchException e) {
                if (e.status() == 409
                        && VERSION_CONFLICT.equals(e.error().type())
                        && attempt < DELETE_ATTEMPTS) {
                    continue;
                }
                throw failure("delete " + id, e);
            } catch (IOException | SdkException e) {
                throw failure("delete " + id, e);
            }
        }
    }

    /** The status of a tombstone; never a {@link LinkDocument.Status}. */
    private static final String DELETED = "deleted";

    /** When the link whose stored source this is was deleted, if it is a tombstone. */
    private static Optional<Instant> deletedAt(JsonNode source) {
        if (!DELETED.equals(source.path("status").asText(null))) {
            return Optional.empty();
        }
        JsonNode at = source.path("deletedAt");
        // A tombstone without its time (never written so) counts as deleted at the beginning.
        return Optional.of(at.isTextual() ? Instant.parse(at.asText()) : Instant.EPOCH);
    }

    @Override
    public LinkPage search(LinkQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.text().filter(text -> !LinkQuery.hasWords(text)).isPresent()) {
            // OpenSearch would answer a bare * with every link: text without a word matches none.
            return new LinkPage(List.of(), Optional.empty());
        }
        SearchRequest request = searchRequest(query);
        SearchResponse<JsonNode> response;
        try {
            response = client.search(request, JsonNode.class);
        } catch (OpenSearchException e) {
            if (INDEX_NOT_FOUND.equals(e.error().type())) {
                return new LinkPage(List.of(), Optional.empty());
            }
            throw failure("search", e);
        } catch (IOException | SdkException e) {
            throw failure("search", e);
        }
        List<Hit<JsonNode>> hits = response.hits().hits();
        List<LinkHit> page = new ArrayList<>();
        for (Hit<JsonNode> hit : hits.subList(0, Math.min(query.size(), hits.size()))) {
            page.add(linkHit(hit));
        }
        Optional<SortKey> next =
                hits.size() > query.size()
                        ? Optional.of(sortKey(hits.get(query.size() - 1), query))
                        : Optional.empty();
        return new LinkPage(page, next);
    }

    /** Pages of the re-crawl scan: 500 links per request. */
    static final int RECRAWL_PAGE_SIZE = 500;

    /** How long the scan's point in time lives between two pages. */
    private static final String SCAN_KEEP_ALIVE = "2m";

    /**
     * Least recently attempted first; a document written before {@code lastAttemptAt} existed has
     * not been attempted since, so it comes first, by crawl time.
     */
    private static final List<SortOptions> OLDEST_FIRST =
            List.of(
                    SortOptions.of(
                            o ->
                                    o.field(
                                            f ->
                                                    f.field("lastAttemptAt")
                                                            .order(SortOrder.Asc)
                                                            .missing(FieldValue.of("_first")))),
                    SortOptions.of(o -> o.field(f -> f.field("crawledAt").order(SortOrder.Asc))),
                    SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));

    private static final List<String> RECRAWL_FIELDS =
            List.of("owner", "url", "submittedAt", "tags", "note");

    @Override
    public int forEachDueForRecrawl(
            Instant crawledBefore, int limit, Consumer<RecrawlCandidate> visitor) {
        Objects.requireNonNull(crawledBefore, "crawledBefore");
        Objects.requireNonNull(visitor, "visitor");
        if (limit <= 0) {
            return 0;
        }
        String pitId;
        try {
            pitId =
                    client.createPit(
                                    p -> p.index(indexName).keepAlive(t -> t.time(SCAN_KEEP_ALIVE)))
                            .pitId();
        } catch (OpenSearchException e) {
            if (INDEX_NOT_FOUND.equals(e.error().type())) {
                return 0;
            }
            throw failure("open a point in time on", e);
        } catch (IOException | SdkException e) {
            throw failure("open a point in time on", e);
        }
        try {
            return scan(pitId, crawledBefore, limit, visitor);
        } finally {
            try {
                client.deletePit(d -> d.pitId(pitId));
            } catch (OpenSearchException | IOException | SdkException e) {
                // The point in time expires on its own after SCAN_KEEP_ALIVE.
            }
        }
    }

    private int scan(
            String pitId, Instant crawledBefore, int limit, Consumer<RecrawlCandidate> visitor) {
        long before = crawledBefore.toEpochMilli();
        // Queued links and tombstones have neither time, and are never failed: never due.
        Query attemptedLongAgo =
                Query.of(q -> q.range(r -> r.field("lastAttemptAt").lt(JsonData.of(before))));
        Query crawledLongAgo =
                Query.of(q -> q.range(r -> r.field("crawledAt").lt(JsonData.of(before))));
        Query attemptRecorded = Query.of(q -> q.exists(e -> e.field("lastAttemptAt")));
        Query staleBeforeAttempts =
                Query.of(q -> q.bool(b -> b.filter(crawledLongAgo).mustNot(attemptRecorded)));
        Query stale =
                Query.of(
                        q ->
                                q.bool(
                                        b ->
                                                b.should(attemptedLongAgo, staleBeforeAttempts)
                                                        .minimumShouldMatch("1")));
        Query retryable =
                Query.of(q -> q.term(t -> t.field("failure.retryable").value(FieldValue.of(true))));
        Query failedRetryably =
                Query.of(q -> q.bool(b -> b.filter(term("status", "failed"), retryable)));
        Query due =
                Query.of(
                        q -> q.bool(b -> b.should(stale, failedRetryably).minimumShouldMatch("1")));
        List<FieldValue> after = null;
        int visited = 0;
        while (visited < limit) {
            int size = Math.min(RECRAWL_PAGE_SIZE, limit - visited);
            List<FieldValue> searchAfter = after;
            SearchResponse<JsonNode> response;
            try {
                response =
                        client.search(
                                s -> {
                                    s.pit(
                                                    new Pit.Builder()
                                                            .id(pitId)
                                                            .keepAlive(SCAN_KEEP_ALIVE)
                                                            .build())
                                            .query(due)
                                            .sort(OLDEST_FIRST)
                                            .size(size)
                                            .trackTotalHits(t -> t.enabled(false))
                                            .source(
                                                    src ->
                                                            src.filter(
                                                                    f ->
                                                                            f.includes(
                                                                                    RECRAWL_FIELDS)));
                                    if (searchAfter != null) {
                                        s.searchAfter(searchAfter);
                                    }
                                    return s;
                                },
                                JsonNode.class);
            } catch (OpenSearchException e) {
                throw failure("re-crawl scan", e);
            } catch (IOException | SdkException e) {
                throw failure("re-crawl scan", e);
            }
            List<Hit<JsonNode>> hits = response.hits().hits();
            for (Hit<JsonNode> hit : hits) {
                visitor.accept(recrawlCandidate(hit));
                visited++;
            }
            if (hits.size() < size) {
                break;
            }
            after = hits.getLast().sort();
        }
        return visited;
    }

    private static RecrawlCandidate recrawlCandidate(Hit<JsonNode> hit) {
        JsonNode source = hit.source();
        List<String> tags = new ArrayList<>();
        if (source.path("tags").isArray()) {
            source.path("tags").forEach(tag -> tags.add(tag.asText()));
        }
        JsonNode submittedAt = source.path("submittedAt");
        JsonNode note = source.path("note");
        return new RecrawlCandidate(
                new LinkId(hit.id()),
                source.path("owner").asText(),
                source.path("url").asText(),
                submittedAt.isTextual() ? Instant.parse(submittedAt.asText()) : null,
                tags,
                note.isTextual() ? note.asText() : null);
    }

    private SearchRequest searchRequest(LinkQuery query) {
        List<Query> filters = new ArrayList<>();
        filters.add(term("owner", query.owner()));
        // One term filter per tag: a link must carry every tag asked for. The keyword field's
        // lowercase normalizer is applied to the term, so the match ignores case.
        query.tags().forEach(tag -> filters.add(term("tags", tag)));
        query.status().ifPresent(status -> filters.add(term("status", statusValue(status))));
        query.type().ifPresent(type -> filters.add(term("pageType", type.label())));
        Query text = query.text().map(OpenSearchLinkIndex::textQuery).orElse(null);
        Query bool =
                Query.of(
                        q ->
                                q.bool(
                                        b -> {
                                            b.filter(filters).mustNot(term("status", DELETED));
                                            return text == null ? b : b.must(text);
                                        }));
        boolean relevance = query.text().isPresent();
        List<SortOptions> sort =
                List.of(
                        relevance
                                ? SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                                : SortOptions.of(
                                        o ->
                                                o.field(
                                                        f ->
                                                                // Queued links have no crawl
                                                                // time yet: newest of all.
                                                                f.field("crawledAt")
                                                                        .order(SortOrder.Desc)
                                                                        .missing(
                                                                                FieldValue.of(
                                                                                        "_first")))),
                        SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));
        return SearchRequest.of(
                s -> {
                    s.index(indexName)
                            .query(bool)
                            .sort(sort)
                            .size(query.size() + 1)
                            .trackTotalHits(t -> t.enabled(false))
                            .source(src -> src.filter(f -> f.includes(HIT_FIELDS)));
                    query.after().ifPresent(key -> s.searchAfter(searchAfter(key)));
                    if (relevance) {
                        s.highlight(HIGHLIGHT);
                    }
                    return s;
                });
    }

    /**
     * The user's words against every searchable field. {@code simple_query_string} never fails on
     * odd input, analyses each word with each field's own analyzer (so a URL field and a prose
     * field can both match {@code example.com}), and with {@code and} requires every word
     * somewhere. Only quoted phrases are syntax: {@code -}, {@code |}, {@code +}, {@code *}, {@code
     * ~} and parentheses are plain characters.
     */
    private static Query textQuery(String text) {
        return Query.of(
                q ->
                        q.simpleQueryString(
                                sqs ->
                                        sqs.query(text)
                                                .fields(TEXT_FIELDS)
                                                .defaultOperator(Operator.And)
                                                .flags(f -> f.multiple("PHRASE|WHITESPACE"))));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }

    private static String statusValue(LinkDocument.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static List<FieldValue> searchAfter(SortKey key) {
        return switch (key) {
            case SortKey.Newest newest ->
                    List.of(
                            FieldValue.of(newest.crawledAtMillis()),
                            FieldValue.of(newest.id().value()));
            case SortKey.Relevance relevance ->
                    List.of(
                            FieldValue.of((double) relevance.score()),
                            FieldValue.of(relevance.id().value()));
        };
    }

    private SortKey sortKey(Hit<JsonNode> hit, LinkQuery query) {
        List<FieldValue> values = hit.sort();
        if (values.size() != 2) {
            throw new LinkIndexException(
                    LinkIndexException.Reason.SERVER_ERROR,
                    200,
                    "search in " + indexName + " returned a hit without its sort values",
                    null);
        }
        FieldValue first = values.get(0);
        LinkId id = new LinkId(hit.id());
        double number = first.isDouble() ? first.doubleValue() : first.longValue();
        return query.text().isPresent()
                ? new SortKey.Relevance((float) number, id)
                : new SortKey.Newest((long) number, id);
    }

    private LinkHit linkHit(Hit<JsonNode> hit) {
        HitSource source = codec.fromTree(hit.source(), HitSource.class);
        return new LinkHit(
                new LinkId(hit.id()),
                source.url(),
                source.finalUrl(),
                source.title(),
                source.description(),
                source.siteName(),
                source.image(),
                source.favicon(),
                source.status(),
                source.pageType(),
                source.crawledAt(),
                source.tags(),
                orderedHighlight(hit.highlight()));
    }

    /** Highlights in the order a result shows them: title, description, text. */
    private static Map<String, List<String>> orderedHighlight(Map<String, List<String>> found) {
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        for (String field : HIGHLIGHT_FIELDS) {
            List<String> fragments = found.get(field);
            if (fragments != null && !fragments.isEmpty()) {
                ordered.put(field, fragments);
            }
        }
        return ordered;
    }

    /** The part of a stored document a search result shows. */
    record HitSource(
            String url,
            String finalUrl,
            String title,
            String description,
            String siteName,
            String image,
            String favicon,
            LinkDocument.Status status,
            PageType pageType,
            Instant crawledAt,
            List<String> tags) {}

    /** Closes the HTTP client. */
    @Override
    public void close() {
        httpClient.close();
    }

    /** The stored source under {@code id} ({@code fields} of it, or all if empty), if any. */
    private Optional<ObjectNode> fetch(LinkId id, List<String> fields) {
        GetResponse<ObjectNode> response = getResponse(id, fields);
        return response != null && response.found()
                ? Optional.ofNullable(response.source())
                : Optional.empty();
    }

    /** The get response for {@code id}, or {@code null} when the index does not exist. */
    private GetResponse<ObjectNode> getResponse(LinkId id, List<String> fields) {
        try {
            return client.get(
                    g -> {
                        g.index(indexName).id(id.value());
                        return fields.isEmpty() ? g : g.sourceIncludes(fields);
                    },
                    ObjectNode.class);
        } catch (OpenSearchException e) {
            if (INDEX_NOT_FOUND.equals(e.error().type())) {
                return null;
            }
            throw failure("get " + id, e);
        } catch (IOException | SdkException e) {
            throw failure("get " + id, e);
        }
    }

    private static <T> T parse(
            JsonNode node, JsonpDeserializer<T> deserializer, JsonpMapper mapper) {
        Objects.requireNonNull(node, () -> LinkIndexMapping.RESOURCE + " lacks a section");
        try (JsonParser parser =
                mapper.jsonProvider().createParser(new StringReader(node.toString()))) {
            return deserializer.deserialize(parser, mapper);
        }
    }

    private LinkIndexException failure(String action, OpenSearchException e) {
        int status = e.status();
        return new LinkIndexException(
                LinkIndexException.Reason.ofStatus(status),
                status,
                action + " in " + indexName + " failed: " + status + " " + e.error().type(),
                e);
    }

    private LinkIndexException failure(String action, Exception e) {
        LinkIndexException.Reason reason =
                e instanceof SdkException
                        ? LinkIndexException.Reason.NO_CREDENTIALS
                        : LinkIndexException.Reason.UNREACHABLE;
        return new LinkIndexException(reason, 0, action + " in " + indexName + " failed: " + e, e);
    }
}
