package dev.linkcrawl.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.link.LinkId;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.opensearch.client.json.JsonpDeserializer;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.Result;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.core.GetResponse;
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
 * seconds. Thread-safe.
 */
public final class OpenSearchLinkIndex implements LinkIndex, AutoCloseable {

    /** How long to wait for a connection: 2 seconds. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** How long to wait for response bytes: 10 seconds. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private static final Set<String> SERVICES = Set.of("es", "aoss");
    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,254}");
    private static final String ALREADY_EXISTS = "resource_already_exists_exception";
    private static final String VERSION_CONFLICT = "version_conflict_engine_exception";

    private final OpenSearchClient client;
    private final SdkHttpClient httpClient;
    private final String indexName;
    private final LinkDocumentCodec codec;
    private volatile boolean indexEnsured;

    OpenSearchLinkIndex(
            OpenSearchTransport transport,
            SdkHttpClient httpClient,
            String indexName,
            LinkDocumentCodec codec) {
        this.client = new OpenSearchClient(Objects.requireNonNull(transport, "transport"));
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        this.indexName = requireIndexName(indexName);
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
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(auth, "auth");
        String scheme = endpoint.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("the OpenSearch endpoint must be http or https");
        }
        if (endpoint.getHost() == null
                || endpoint.getRawUserInfo() != null
                || endpoint.getRawQuery() != null
                || endpoint.getRawFragment() != null
                || !(endpoint.getRawPath() == null
                        || endpoint.getRawPath().isEmpty()
                        || endpoint.getRawPath().equals("/"))) {
            throw new IllegalArgumentException(
                    "the OpenSearch endpoint is scheme://host[:port] only, without credentials,"
                            + " path or query");
        }
        requireIndexName(indexName);
        boolean sign = auth == OpenSearchAuth.SIGV4;
        if (sign && !SERVICES.contains(service)) {
            throw new IllegalArgumentException("the signing service must be es or aoss");
        }
        if (sign && (region == null || region.isBlank())) {
            throw new IllegalArgumentException("SigV4 needs a region");
        }

        boolean plainHttp = scheme.equals("http");
        int port = endpoint.getPort() != -1 ? endpoint.getPort() : plainHttp ? 80 : 443;
        SdkHttpClient urlConnection =
                UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(READ_TIMEOUT)
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
        LinkDocumentCodec codec = new LinkDocumentCodec();
        AwsSdk2Transport transport =
                new AwsSdk2Transport(
                        httpClient,
                        endpoint.getHost() + (endpoint.getPort() != -1 ? ":" + port : ""),
                        sign ? service : "es",
                        sign ? Region.of(region) : Region.US_EAST_1,
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

    @Override
    public PutOutcome put(LinkId id, LinkDocument document) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(document, "document");
        long version = document.crawledAt().toEpochMilli();
        if (version < 0) {
            throw new IllegalArgumentException("crawledAt is before 1970");
        }
        if (!indexEnsured) {
            ensureIndex();
        }
        ObjectNode source = codec.toTree(document);
        source.put("id", id.value());
        try {
            client.index(
                    i ->
                            i.index(indexName)
                                    .id(id.value())
                                    .document(source)
                                    .version(version)
                                    .versionType(VersionType.External));
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

    @Override
    public Optional<LinkDocument> get(String owner, LinkId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        return fetch(id, false)
                .filter(source -> owner.equals(source.path("owner").asText(null)))
                .map(codec::fromTree);
    }

    @Override
    public boolean delete(String owner, LinkId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        boolean owned =
                fetch(id, true)
                        .filter(source -> owner.equals(source.path("owner").asText(null)))
                        .isPresent();
        if (!owned) {
            return false;
        }
        try {
            return client.delete(d -> d.index(indexName).id(id.value())).result() == Result.Deleted;
        } catch (OpenSearchException e) {
            throw failure("delete " + id, e);
        } catch (IOException | SdkException e) {
            throw failure("delete " + id, e);
        }
    }

    /** Closes the HTTP client. */
    @Override
    public void close() {
        httpClient.close();
    }

    /** The stored source under {@code id} (only its owner when {@code ownerOnly}), if any. */
    private Optional<ObjectNode> fetch(LinkId id, boolean ownerOnly) {
        try {
            GetResponse<ObjectNode> response =
                    client.get(
                            g -> {
                                g.index(indexName).id(id.value());
                                return ownerOnly ? g.sourceIncludes("owner") : g;
                            },
                            ObjectNode.class);
            return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
        } catch (OpenSearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                return Optional.empty();
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
        LinkIndexException.Reason reason;
        if (status == 429) {
            reason = LinkIndexException.Reason.THROTTLED;
        } else if (status >= 500) {
            reason = LinkIndexException.Reason.SERVER_ERROR;
        } else if (status == 401 || status == 403) {
            reason = LinkIndexException.Reason.DENIED;
        } else {
            reason = LinkIndexException.Reason.REJECTED;
        }
        return new LinkIndexException(
                reason,
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

    private static String requireIndexName(String indexName) {
        Objects.requireNonNull(indexName, "indexName");
        if (!INDEX_NAME.matcher(indexName).matches()) {
            throw new IllegalArgumentException(
                    "an index name is lowercase letters, digits, '.', '_' and '-'");
        }
        return indexName;
    }
}
