package dev.linkcrawl.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.linkcrawl.config.InvalidSettingsException;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.link.LinkId;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The adapter against a scripted HTTP server on loopback: what goes on the wire, and how each kind
 * of answer is reported.
 */
class OpenSearchLinkIndexWireIT {

    private static final String CREATED =
            """
            {"acknowledged": true, "shards_acknowledged": true, "index": "links"}
            """;
    private static final String INDEXED =
            """
            {"_index": "links", "_id": "00000000000000000000000000000001", "_version": 1,
             "result": "created", "_shards": {"total": 2, "successful": 1, "failed": 0},
             "_seq_no": 0, "_primary_term": 1}
            """;

    private static final String NO_HITS =
            """
            {"took": 1, "timed_out": false,
             "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
             "hits": {"hits": []}}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final AtomicReference<String> lastSearchBody = new AtomicReference<>();
    private final AtomicReference<Headers> lastDocumentHeaders = new AtomicReference<>();
    private final AtomicReference<String> lastDocumentQuery = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicInteger documentReads =
            new java.util.concurrent.atomic.AtomicInteger();
    private volatile int documentStatus = 201;
    private volatile String documentBody = INDEXED;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] request = exchange.getRequestBody().readAllBytes();
        if (exchange.getRequestURI().getPath().endsWith("/_search")) {
            lastSearchBody.set(new String(request, StandardCharsets.UTF_8));
            send(exchange, 200, NO_HITS);
            return;
        }
        if (exchange.getRequestMethod().equals("HEAD")) {
            // The index does not exist yet, so the adapter creates it.
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        if (exchange.getRequestMethod().equals("GET")
                && exchange.getRequestURI().getPath().contains("/_doc/")) {
            // No document yet (a put first looks for the tombstone of a deletion).
            documentReads.incrementAndGet();
            send(
                    exchange,
                    404,
                    "{\"_index\": \"links\", \"_id\": \"00000000000000000000000000000001\","
                            + " \"found\": false}");
            return;
        }
        boolean createIndex = exchange.getRequestURI().getPath().equals("/links");
        if (!createIndex) {
            lastDocumentHeaders.set(exchange.getRequestHeaders());
            lastDocumentQuery.set(exchange.getRequestURI().getQuery());
        }
        byte[] body = (createIndex ? CREATED : documentBody).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(createIndex ? 200 : documentStatus, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private JsonNode searchSent(LinkQuery query) throws IOException {
        try (OpenSearchLinkIndex index =
                OpenSearchLinkIndex.create(endpoint(), OpenSearchAuth.NONE, null, null, "links")) {
            assertThat(index.search(query).hits()).isEmpty();
        }
        return JSON.readTree(lastSearchBody.get());
    }

    @Test
    void sendsTheUserTextAsOneStringValueWithOnlyPhraseSyntax() throws IOException {
        String text = "title:foo AND ( \"bar";

        JsonNode sent = searchSent(LinkQuery.newest("alice").withText(text));

        JsonNode must = sent.at("/query/bool/must");
        assertThat(must).hasSize(1);
        JsonNode words = must.get(0).get("simple_query_string");
        assertThat(words.get("query").asText()).isEqualTo(text);
        assertThat(words.get("flags").asText()).isEqualTo("PHRASE|WHITESPACE");
        assertThat(words.get("default_operator").asText()).isEqualToIgnoringCase("and");
        assertThat(words.get("fields").toString())
                .isEqualTo(
                        "[\"title^5\",\"tags.text^3\",\"siteName^2\",\"description^2\","
                                + "\"url^1.5\",\"finalUrl^1.5\",\"text\"]");
    }

    @Test
    void filtersByOwnerTagsAndStatusWithoutScoring() throws IOException {
        JsonNode sent =
                searchSent(
                        LinkQuery.newest("alice")
                                .withTags(List.of("web", "Reading"))
                                .withStatus(LinkDocument.Status.FAILED));

        assertThat(sent.at("/query/bool/filter").toString())
                .isEqualTo(
                        JSON.readTree(
                                        """
                                        [{"term": {"owner": {"value": "alice"}}},
                                         {"term": {"tags": {"value": "web"}}},
                                         {"term": {"tags": {"value": "Reading"}}},
                                         {"term": {"status": {"value": "failed"}}}]
                                        """)
                                .toString());
        assertThat(sent.at("/query/bool/must").isMissingNode()).isTrue();
    }

    @Test
    void asksForOneHitMoreThanThePageOnAStableSort() throws IOException {
        JsonNode sent =
                searchSent(
                        LinkQuery.newest("alice")
                                .withSize(10)
                                .after(
                                        new SortKey.Newest(
                                                1_795_775_400_000L,
                                                new LinkId("0123456789abcdef0123456789abcdef"))));

        assertThat(sent.get("size").asInt()).isEqualTo(11);
        assertThat(sent.get("sort").toString()).contains("crawledAt").contains("\"id\"");
        assertThat(sent.get("search_after").toString())
                .isEqualTo("[1795775400000,\"0123456789abcdef0123456789abcdef\"]");
        assertThat(sent.has("from")).isFalse();
        assertThat(sent.has("highlight")).isFalse();
    }

    @Test
    void highlightsWithMarkAndEscapesEverythingElse() throws IOException {
        JsonNode highlight =
                searchSent(LinkQuery.newest("alice").withText("queue")).get("highlight");

        assertThat(highlight.get("encoder").asText()).isEqualTo("html");
        assertThat(highlight.get("pre_tags").get(0).asText()).isEqualTo("<mark>");
        assertThat(highlight.get("post_tags").get(0).asText()).isEqualTo("</mark>");
    }

    @Test
    void buildsTheIndexFromSettings() {
        Settings settings =
                Settings.from(
                        Map.of(
                                "OPENSEARCH_ENDPOINT",
                                endpoint().toString(),
                                "OPENSEARCH_AUTH",
                                "none"));

        try (OpenSearchLinkIndex index = OpenSearchLinkIndex.create(settings)) {
            assertThat(
                            index.put(
                                    new LinkId("00000000000000000000000000000001"),
                                    SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT)))
                    .isEqualTo(PutOutcome.WRITTEN);
        }
    }

    @Test
    void refusesToBuildFromSettingsWithoutAnEndpoint() {
        assertThatThrownBy(() -> OpenSearchLinkIndex.create(Settings.from(Map.of())))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("OPENSEARCH_ENDPOINT");
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private PutOutcome putSample(OpenSearchAuth auth, String service, String region) {
        try (OpenSearchLinkIndex index =
                OpenSearchLinkIndex.create(endpoint(), auth, service, region, "links")) {
            return index.put(
                    new LinkId("00000000000000000000000000000001"),
                    SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT));
        }
    }

    @Test
    void aPutGivenWhatWasReadSendsNoReadOfItsOwn() {
        try (OpenSearchLinkIndex index =
                OpenSearchLinkIndex.create(endpoint(), OpenSearchAuth.NONE, null, null, "links")) {
            LinkId id = new LinkId("00000000000000000000000000000001");
            StoredLink before = index.read("alice", id);
            int reads = documentReads.get();

            PutOutcome outcome =
                    index.put(
                            id, SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT), before);

            assertThat(outcome).isEqualTo(PutOutcome.WRITTEN);
            assertThat(documentReads.get()).isEqualTo(reads);
        }
    }

    @Test
    void writesWithTheCrawlTimeAsExternalVersion() {
        assertThat(putSample(OpenSearchAuth.NONE, null, null)).isEqualTo(PutOutcome.WRITTEN);

        assertThat(lastDocumentQuery.get())
                .contains("version=" + SampleDocuments.CRAWLED_AT.toEpochMilli())
                .contains("version_type=external");
    }

    @Test
    void sendsNoCredentialsWithoutAuth() {
        putSample(OpenSearchAuth.NONE, null, null);

        assertThat(lastDocumentHeaders.get())
                .doesNotContainKeys(
                        "Authorization",
                        "X-Amz-Date",
                        "X-Amz-Security-Token",
                        "X-Amz-Content-Sha256");
    }

    @Test
    void signsForTheConfiguredServiceAndRegion() {
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        try {
            putSample(OpenSearchAuth.SIGV4, "aoss", "eu-west-1");
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }

        assertThat(lastDocumentHeaders.get().getFirst("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/eu-west-1/aoss/aws4_request");
    }

    @Test
    void reportsAVersionConflictAsStale() {
        documentStatus = 409;
        documentBody =
                """
                {"error": {"type": "version_conflict_engine_exception",
                  "reason": "current version [2] is higher or equal to the one provided [1]"},
                 "status": 409}
                """;

        assertThat(putSample(OpenSearchAuth.NONE, null, null)).isEqualTo(PutOutcome.STALE);
    }

    @ParameterizedTest
    @CsvSource({
        "429, es_rejected_execution_exception, THROTTLED, true",
        "503, cluster_block_exception, SERVER_ERROR, true",
        "500, null_pointer_exception, SERVER_ERROR, true",
        "403, security_exception, DENIED, false",
        "400, mapper_parsing_exception, REJECTED, false",
        "409, resource_already_exists_exception, REJECTED, false"
    })
    void reportsAnErrorAnswerWithItsReason(
            int status, String type, LinkIndexException.Reason reason, boolean retryable) {
        documentStatus = status;
        documentBody =
                """
                {"error": {"type": "%s", "reason": "scripted"}, "status": %d}
                """
                        .formatted(type, status);

        assertThatThrownBy(() -> putSample(OpenSearchAuth.NONE, null, null))
                .isInstanceOfSatisfying(
                        LinkIndexException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(reason);
                            assertThat(e.httpStatus()).isEqualTo(status);
                            assertThat(e.retryable()).isEqualTo(retryable);
                        });
    }

    @Test
    void reportsAProxyErrorPageAsARetryableServerError() {
        documentStatus = 502;
        documentBody = "<html><body>Bad Gateway</body></html>";

        assertThatThrownBy(() -> putSample(OpenSearchAuth.NONE, null, null))
                .isInstanceOfSatisfying(
                        LinkIndexException.class,
                        e ->
                                assertThat(e.reason())
                                        .isEqualTo(LinkIndexException.Reason.SERVER_ERROR));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://127.0.0.1:9200",
                "http://127.0.0.1:9200/prefix",
                "http://user:secret@127.0.0.1:9200",
                "http://127.0.0.1:9200?x=1",
                "127.0.0.1:9200"
            })
    void refusesAnEndpointThatIsNotABaseUrl(String endpoint) {
        assertThatThrownBy(
                        () ->
                                OpenSearchLinkIndex.create(
                                        URI.create(endpoint),
                                        OpenSearchAuth.NONE,
                                        null,
                                        null,
                                        "links"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Links", "_links", "links/1", "links*", ""})
    void refusesAnInvalidIndexName(String indexName) {
        assertThatThrownBy(
                        () ->
                                OpenSearchLinkIndex.create(
                                        endpoint(), OpenSearchAuth.NONE, null, null, indexName))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnUnknownSigningService() {
        assertThatThrownBy(
                        () ->
                                OpenSearchLinkIndex.create(
                                        endpoint(),
                                        OpenSearchAuth.SIGV4,
                                        "s3",
                                        "eu-west-1",
                                        "links"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("es or aoss");
    }

    @Test
    void refusesSigV4WithoutARegion() {
        assertThatThrownBy(
                        () ->
                                OpenSearchLinkIndex.create(
                                        endpoint(), OpenSearchAuth.SIGV4, "es", " ", "links"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("region");
    }

    @Test
    void refusesToSignOverPlainHttpToAnotherMachine() {
        assertThatThrownBy(
                        () ->
                                OpenSearchLinkIndex.create(
                                        URI.create("http://search.example.com"),
                                        OpenSearchAuth.SIGV4,
                                        "es",
                                        "eu-west-1",
                                        "links"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
    }
}
