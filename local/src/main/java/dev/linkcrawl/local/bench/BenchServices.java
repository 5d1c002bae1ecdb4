package dev.linkcrawl.local.bench;

import com.adobe.testing.s3mock.S3MockApplication;
import com.sun.net.httpserver.HttpServer;
import dev.linkcrawl.index.OpenSearchAuth;
import dev.linkcrawl.index.OpenSearchLinkIndex;
import dev.linkcrawl.local.search.InProcessOpenSearch;
import dev.linkcrawl.local.sqs.LocalQueue;
import dev.linkcrawl.local.sqs.LocalSqs;
import dev.linkcrawl.local.sqs.QueueProvisioner;
import dev.linkcrawl.local.template.QueueResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The services the functions' first invocations talk to, all in this JVM on 127.0.0.1 and free
 * ports: ElasticMQ with the template's queues (the local runner's {@link LocalSqs}, in memory), an
 * OpenSearch 3 node (the runner's {@link InProcessOpenSearch}), S3Mock for the import bucket, and a
 * small web site for the crawler. Everything lives in a temporary folder, deleted on close.
 */
final class BenchServices implements AutoCloseable {

    static final String REGION = LocalSqs.REGION;

    /** The template's {@code IndexName} default. */
    static final String INDEX_NAME = "links";

    /** Credentials the functions read from their environment; the local services accept any. */
    static final String ACCESS_KEY = "local";

    static final String SECRET_KEY = "local";

    /** The bucket and key named in {@code events/backfill-links/import-netscape.json}. */
    static final String IMPORT_BUCKET = "linkcrawl-imports-123456789012-us-east-1";

    static final String IMPORT_KEY = "imports/alice/bookmarks.html";

    /**
     * The page the crawl function fetches; its words match {@code events/query-links/search.json}.
     */
    static final String PAGE_PATH = "/articles/slow-links";

    static final String PAGE_TITLE = "Slow links, fast queues";

    private final Path home;
    private LocalSqs sqs;
    private Map<String, LocalQueue> queues;
    private InProcessOpenSearch openSearch;
    private OpenSearchLinkIndex index;
    private S3MockApplication s3Mock;
    private S3Client s3;
    private HttpServer site;
    private URI s3Endpoint;

    private BenchServices(Path home) {
        this.home = home;
    }

    /**
     * Starts every service (10 to 20 seconds, most of it OpenSearch and S3Mock).
     *
     * @param queues the template's queues, created on the local SQS
     */
    static BenchServices start(List<QueueResource> queues) throws IOException {
        BenchServices services = new BenchServices(Files.createTempDirectory("linkcrawl-bench"));
        try {
            services.startSite();
            services.sqs = LocalSqs.start(Optional.empty(), 0);
            services.queues = QueueProvisioner.provision(services.sqs.client(), queues);
            services.startS3();
            services.openSearch = new InProcessOpenSearch(0);
            services.openSearch.start(services.home.resolve("opensearch"));
            services.index =
                    OpenSearchLinkIndex.create(
                            services.openSearch.endpoint(),
                            OpenSearchAuth.NONE,
                            "es",
                            REGION,
                            INDEX_NAME);
            return services;
        } catch (RuntimeException | IOException e) {
            services.close();
            throw e;
        }
    }

    private void startSite() throws IOException {
        byte[] page =
                ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                                + "<title>"
                                + PAGE_TITLE
                                + "</title>"
                                + "<meta property=\"og:site_name\" content=\"Field Notes\">"
                                + "<meta name=\"description\" content=\"Why slow links should"
                                + " never hold up an API.\">"
                                + "</head><body><nav><a href=\"/\">Home</a></nav><article>"
                                + "<h1>"
                                + PAGE_TITLE
                                + "</h1>"
                                + "<p>A web process that fetched user links inline froze for every"
                                + " visitor as soon as one link was slow. Slow links belong on a"
                                + " queue, each crawl in its own invocation with its own"
                                + " deadline.</p>"
                                + "<p>The API only validates and enqueues; the crawler fetches,"
                                + " extracts and indexes, and no slow page can touch the API.</p>"
                                + "</article><footer>© Field Notes</footer></body></html>")
                        .getBytes(StandardCharsets.UTF_8);
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        site.createContext(
                PAGE_PATH,
                exchange -> {
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, page.length);
                    exchange.getResponseBody().write(page);
                    exchange.close();
                });
        site.start();
    }

    private void startS3() {
        // S3MockApplication.start writes into the map it is given.
        Map<String, Object> properties = new HashMap<>();
        properties.put(S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT);
        properties.put(S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT);
        properties.put(S3MockApplication.PROP_SECURE_CONNECTION, false);
        properties.put(S3MockApplication.PROP_SILENT, true);
        properties.put(S3MockApplication.PROP_INITIAL_BUCKETS, IMPORT_BUCKET);
        properties.put(S3MockApplication.PROP_ROOT_DIRECTORY, home.resolve("s3").toString());
        properties.put("server.address", "127.0.0.1");
        properties.put("spring.main.banner-mode", "off");
        // Spring would otherwise take over logging, which the OpenSearch node in this JVM owns.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        s3Mock = S3MockApplication.start(properties);
        s3Endpoint = URI.create("http://127.0.0.1:" + s3Mock.getHttpPort());
        s3 =
                S3Client.builder()
                        .endpointOverride(s3Endpoint)
                        .forcePathStyle(true)
                        .region(Region.of(REGION))
                        .credentialsProvider(credentials())
                        .httpClient(httpClient())
                        .build();
    }

    URI sqsEndpoint() {
        return sqs.endpoint();
    }

    URI openSearchEndpoint() {
        return openSearch.endpoint();
    }

    /** The links index on the local node, for setting up and checking runs. */
    OpenSearchLinkIndex index() {
        return index;
    }

    /** The template's queues by logical id, as created locally (for {@code !Ref CrawlQueue}). */
    Map<String, LocalQueue> queues() {
        return queues;
    }

    URI s3Endpoint() {
        return s3Endpoint;
    }

    SqsClient sqs() {
        return sqs.client();
    }

    S3Client s3() {
        return s3;
    }

    String queueUrl(String logicalId) {
        LocalQueue queue = queues.get(logicalId);
        if (queue == null) {
            throw new IllegalStateException("template.yaml declares no queue " + logicalId);
        }
        return queue.url();
    }

    /** The crawl target, {@code http://127.0.0.1:<port>/articles/slow-links}. */
    URI pageUrl() {
        return URI.create("http://127.0.0.1:" + site.getAddress().getPort() + PAGE_PATH);
    }

    /** The {@code host:port} pair the crawl function must be told it may fetch. */
    String siteHostPort() {
        return "127.0.0.1:" + site.getAddress().getPort();
    }

    @Override
    public void close() {
        if (site != null) {
            site.stop(0);
        }
        if (sqs != null) {
            sqs.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (s3Mock != null) {
            s3Mock.stop();
        }
        if (index != null) {
            index.close();
        }
        if (openSearch != null) {
            openSearch.stop();
        }
        try (Stream<Path> paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary folder left behind is harmless.
        }
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    private static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).build();
    }
}
