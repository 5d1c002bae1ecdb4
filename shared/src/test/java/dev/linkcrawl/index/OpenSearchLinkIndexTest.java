package dev.linkcrawl.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.linkcrawl.link.LinkId;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
class OpenSearchLinkIndexTest {

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

    private HttpServer server;
    private final AtomicReference<Headers> lastDocumentHeaders = new AtomicReference<>();
    private final AtomicReference<String> lastDocumentQuery = new AtomicReference<>();
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
        exchange.getRequestBody().readAllBytes();
        if (exchange.getRequestMethod().equals("HEAD")) {
            // The index does not exist yet, so the adapter creates it.
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
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
}
