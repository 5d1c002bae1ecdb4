package dev.linkcrawl.bench;

import com.sun.net.httpserver.HttpServer;
import dev.linkcrawl.index.OpenSearchAuth;
import dev.linkcrawl.index.OpenSearchLinkIndex;
import dev.linkcrawl.local.s3.LocalS3;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The services the functions' first invocations talk to, all in this JVM on 127.0.0.1 and free
 * ports: ElasticMQ with the template's queues (the local runner's {@link LocalSqs}, in memory), an
 * OpenSearch 3 node (the runner's {@link InProcessOpenSearch}), S3Mock for the import bucket (its
 * {@link LocalS3}), and a small web site for the crawler. Everything lives in a temporary folder,
 * deleted on close.
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
    private LocalS3 s3;
    private HttpServer site;

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
            services.s3 = LocalS3.start(services.home.resolve("s3"), 0);
            services.s3.client().createBucket(bucket -> bucket.bucket(IMPORT_BUCKET));
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
        return s3.endpoint();
    }

    SqsClient sqs() {
        return sqs.client();
    }

    S3Client s3() {
        return s3.client();
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
}
