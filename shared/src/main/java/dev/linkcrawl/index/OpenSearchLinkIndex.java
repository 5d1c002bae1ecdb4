package dev.linkcrawl.index;

import dev.linkcrawl.config.Settings;
import dev.linkcrawl.link.LinkId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.aws.AwsSdk2Transport;
import org.opensearch.client.transport.aws.AwsSdk2TransportOptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * {@link LinkIndex} on OpenSearch (Amazon OpenSearch Service, OpenSearch Serverless, or a local
 * node), through opensearch-java's {@code AwsSdk2Transport} over the AWS SDK's URL-connection HTTP
 * client. Connections time out after 2 seconds, reads after 10 seconds by default. Thread-safe.
 *
 * <p>This class connects; the work is done by its parts, each on the same {@link OpenSearchTarget}:
 *
 * <ul>
 *   <li>{@link OpenSearchIndexMapping}: the index is created on the first write if {@link
 *       #ensureIndex()} was not called before, so a write can never create it with a dynamic
 *       mapping, and an index an older version created gets the fields added since;
 *   <li>{@link LinkDocumentStore}: reads and writes by id, with external versioning on {@code
 *       crawledAt}, so OpenSearch itself refuses an older crawl (a 409, reported as {@link
 *       PutOutcome#STALE}), and {@link Tombstones tombstones} for deleted links;
 *   <li>{@link LinkSearch}: one search request per page, user text as words, never query syntax;
 *   <li>{@link RecrawlScan}: the links due for a re-crawl, through a point in time.
 * </ul>
 */
public final class OpenSearchLinkIndex implements LinkIndex, AutoCloseable {

    /** How long to wait for a connection: 2 seconds. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** How long to wait for response bytes: 10 seconds. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private static final Set<String> SERVICES = Set.of("es", "aoss");

    private final SdkHttpClient httpClient;
    private final OpenSearchIndexMapping mapping;
    private final LinkDocumentStore documents;
    private final LinkSearch search;
    private final RecrawlScan recrawl;

    OpenSearchLinkIndex(
            OpenSearchTransport transport,
            SdkHttpClient httpClient,
            String indexName,
            LinkDocumentCodec codec) {
        OpenSearchTarget target =
                new OpenSearchTarget(
                        new OpenSearchClient(Objects.requireNonNull(transport, "transport")),
                        IndexLocation.requireIndexName(indexName));
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        Objects.requireNonNull(codec, "codec");
        this.mapping = new OpenSearchIndexMapping(target);
        this.documents = new LinkDocumentStore(target, mapping, codec);
        this.search = new LinkSearch(target, codec);
        this.recrawl = new RecrawlScan(target);
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
        SdkHttpClient urlConnection = OpenSearchRest.client(CONNECT_TIMEOUT, readTimeout);
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
        mapping.ensure();
    }

    @Override
    public PutOutcome put(LinkId id, LinkDocument document) {
        return documents.put(id, document);
    }

    @Override
    public PutOutcome put(LinkId id, LinkDocument document, StoredLink before) {
        return documents.put(id, document, before);
    }

    @Override
    public StoredLink read(String owner, LinkId id) {
        return documents.read(owner, id);
    }

    @Override
    public boolean putQueued(LinkId id, LinkDocument queued) {
        return documents.putQueued(id, queued);
    }

    @Override
    public boolean recordAttempt(
            String owner,
            LinkId id,
            Instant attemptedAt,
            LinkDocument.Failure failure,
            Optional<GoneChecks> gone,
            List<String> tags,
            String note) {
        return documents.recordAttempt(owner, id, attemptedAt, failure, gone, tags, note);
    }

    @Override
    public boolean delete(String owner, LinkId id) {
        return documents.delete(owner, id);
    }

    @Override
    public LinkPage search(LinkQuery query) {
        return search.search(query);
    }

    @Override
    public int forEachDueForRecrawl(
            Instant crawledBefore, int limit, Consumer<RecrawlCandidate> visitor) {
        return recrawl.forEachDue(crawledBefore, limit, visitor);
    }

    /** Closes the HTTP client. */
    @Override
    public void close() {
        httpClient.close();
    }
}
