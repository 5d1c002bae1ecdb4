package dev.linkcrawl.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlMessageCodec;
import dev.linkcrawl.link.CrawlSource;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.url.HostPort;
import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What one function's first invocation does in the benchmark, and the check that it really did it:
 * the event (a sample from {@code events/<function>/}, pointed at the local services where it names
 * a URL), the environment the function gets on top of the template's, the state reset before each
 * run, and the verification after it. A run whose invocation did not reach its services (a 503, a
 * batch item failure, nothing indexed or queued) fails the benchmark rather than report a fast
 * error as a cold start.
 */
abstract sealed class FirstInvocation {

    /** The caller in the API sample events and the owner of the crawled link. */
    static final String OWNER = "user-123";

    static final String INDEX_NAME = BenchServices.INDEX_NAME;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The function's folder and jar name, for example {@code crawl-link}. */
    abstract String function();

    /** The row of the results table: the function, or the function and what else it does. */
    String label() {
        return function();
    }

    /**
     * Whether this is the function's first invocation the results line reports; the others only
     * prove another path through the same jar.
     */
    boolean primary() {
        return true;
    }

    /** Writes the event file the probe hands to the handler. */
    abstract Path writeEvent(Path projectRoot, Path workDir) throws IOException;

    /**
     * Variables beyond the template's (whose {@code !Ref} to a queue already gives the local queue)
     * and the local endpoints.
     */
    Map<String, String> environment() {
        return Map.of();
    }

    /** Puts the services back to the state before the first run. */
    void reset() throws IOException {}

    /**
     * Checks what the invocations did (the probe calls the handler twice with the same event).
     *
     * @return a short description of the effect, for the log
     * @throws IllegalStateException if the invocation did not do its work
     */
    abstract String verify(String response) throws IOException;

    static List<FirstInvocation> all(BenchServices services) {
        CrawlLink crawl = new CrawlLink(services, false);
        return List.of(
                new SubmitLink(services),
                new CrawlLink(services, true),
                crawl,
                new QueryLinks(services),
                new QueryGet(crawl.id()),
                new BackfillLinks(services),
                new BackfillRecrawl(services));
    }

    static Path copy(Path projectRoot, String folder, String name, Path workDir)
            throws IOException {
        Path target = workDir.resolve(folder + "-" + name);
        Files.copy(
                projectRoot.resolve("events").resolve(folder).resolve(name),
                target,
                StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    static IllegalStateException failed(String function, String what, String response) {
        return new IllegalStateException(function + ": " + what + "; the response was " + response);
    }

    static HttpResponse<String> openSearch(BenchServices services, String method, String path)
            throws IOException {
        HttpRequest request =
                HttpRequest.newBuilder(services.openSearchEndpoint().resolve(path))
                        .timeout(Duration.ofSeconds(10))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Receives and deletes every message on {@code queueUrl}. */
    static List<Message> drain(BenchServices services, String queueUrl) {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch =
                    services.sqs()
                            .receiveMessage(
                                    r ->
                                            r.queueUrl(queueUrl)
                                                    .maxNumberOfMessages(10)
                                                    .waitTimeSeconds(all.isEmpty() ? 1 : 0))
                            .messages();
            if (batch.isEmpty()) {
                return all;
            }
            for (Message message : batch) {
                services.sqs()
                        .deleteMessage(
                                d -> d.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
            all.addAll(batch);
        }
    }

    /**
     * POST /links with {@code events/submit-link/valid.json}: a 202 and a message on CrawlQueue.
     */
    static final class SubmitLink extends FirstInvocation {
        private final BenchServices services;

        SubmitLink(BenchServices services) {
            this.services = services;
        }

        @Override
        String function() {
            return "submit-link";
        }

        @Override
        Path writeEvent(Path projectRoot, Path workDir) throws IOException {
            return copy(projectRoot, function(), "valid.json", workDir);
        }

        @Override
        void reset() {
            drain(services, services.queueUrl("CrawlQueue"));
        }

        @Override
        String verify(String response) throws IOException {
            int status = json(response).path("statusCode").asInt();
            if (status != 202) {
                throw failed(function(), "expected 202", response);
            }
            List<Message> queued = drain(services, services.queueUrl("CrawlQueue"));
            if (queued.isEmpty()) {
                throw failed(function(), "nothing arrived on CrawlQueue", response);
            }
            return "202, " + queued.size() + " message(s) on CrawlQueue";
        }
    }

    /**
     * One SQS record ({@code events/crawl-link/crawl-message.json}) whose message names a page on
     * the loopback site: fetched, extracted and indexed into the local OpenSearch. With {@code
     * createsIndex}, the index is deleted before each run, so the function also creates it with its
     * mapping (through the jar's OpenSearch client), as on a new deployment.
     */
    static final class CrawlLink extends FirstInvocation {
        private final BenchServices services;
        private final boolean createsIndex;
        private final LinkId id;
        private final String url;

        CrawlLink(BenchServices services, boolean createsIndex) {
            this.services = services;
            this.createsIndex = createsIndex;
            LinkUrl page =
                    LoopbackLink.of(
                            services.pageUrl().toString(), HostPort.parse(services.siteHostPort()));
            this.url = page.value();
            this.id = LinkId.of(OWNER, page);
        }

        LinkId id() {
            return id;
        }

        @Override
        String function() {
            return "crawl-link";
        }

        @Override
        String label() {
            return createsIndex ? "crawl-link new-index" : function();
        }

        @Override
        boolean primary() {
            return !createsIndex;
        }

        @Override
        Path writeEvent(Path projectRoot, Path workDir) throws IOException {
            ObjectNode event =
                    (ObjectNode)
                            json(
                                    Files.readString(
                                            projectRoot.resolve(
                                                    "events/crawl-link/crawl-message.json")));
            String body =
                    new CrawlMessageCodec()
                            .encode(
                                    new CrawlMessage(
                                            id,
                                            url,
                                            OWNER,
                                            Instant.now().truncatedTo(ChronoUnit.SECONDS),
                                            CrawlSource.API,
                                            List.of("reading", "web"),
                                            "from the cold-start benchmark"));
            ((ObjectNode) event.withArray("Records").get(0)).put("body", body);
            Path target = workDir.resolve("crawl-link-local-page.json");
            Files.writeString(target, event.toPrettyString(), StandardCharsets.UTF_8);
            return target;
        }

        @Override
        Map<String, String> environment() {
            return Map.of("ALLOWED_PRIVATE_HOSTS", services.siteHostPort());
        }

        @Override
        void reset() throws IOException {
            openSearch(
                    services,
                    "DELETE",
                    "/" + INDEX_NAME + (createsIndex ? "" : "/_doc/" + id.value()));
        }

        @Override
        String verify(String response) throws IOException {
            if (!json(response).path("batchItemFailures").isEmpty()) {
                throw failed(function(), "the record came back as a batch item failure", response);
            }
            HttpResponse<String> stored =
                    openSearch(services, "GET", "/" + INDEX_NAME + "/_doc/" + id.value());
            JsonNode source = json(stored.body()).path("_source");
            if (!"crawled".equals(source.path("status").asText())
                    || !BenchServices.PAGE_TITLE.equals(source.path("title").asText())) {
                throw failed(
                        function(),
                        "the index holds no crawled document for the page (" + stored.body() + ")",
                        response);
            }
            if (createsIndex) {
                String mapping = openSearch(services, "GET", "/" + INDEX_NAME + "/_mapping").body();
                if (!json(mapping)
                        .path(INDEX_NAME)
                        .path("mappings")
                        .path("dynamic")
                        .asText()
                        .equals("strict")) {
                    throw failed(
                            function(),
                            "the index was not created with the strict mapping (" + mapping + ")",
                            response);
                }
            }
            return (createsIndex ? "created the index, " : "")
                    + "indexed "
                    + id
                    + " \""
                    + source.path("title").asText()
                    + "\"";
        }
    }

    /**
     * {@code events/query-links/search.json} ({@code q=slow links}, tag {@code reading}): a 200
     * with the page the crawl function indexed.
     */
    static final class QueryLinks extends FirstInvocation {
        private final BenchServices services;

        QueryLinks(BenchServices services) {
            this.services = services;
        }

        @Override
        String function() {
            return "query-links";
        }

        @Override
        Path writeEvent(Path projectRoot, Path workDir) throws IOException {
            return copy(projectRoot, function(), "search.json", workDir);
        }

        @Override
        void reset() throws IOException {
            // The crawl runs write the page just before; make it searchable now.
            openSearch(services, "POST", "/" + INDEX_NAME + "/_refresh");
        }

        @Override
        String verify(String response) throws IOException {
            JsonNode answer = json(response);
            if (answer.path("statusCode").asInt() != 200) {
                throw failed(function(), "expected 200", response);
            }
            JsonNode items = json(answer.path("body").asText()).path("items");
            if (items.isEmpty()) {
                throw failed(function(), "the search found nothing", response);
            }
            return "200, " + items.size() + " item(s): " + items.get(0).path("title").asText();
        }
    }

    /**
     * {@code events/query-links/get.json} with the id of the page the crawl function indexed: a 200
     * with the document.
     */
    static final class QueryGet extends FirstInvocation {
        private final LinkId id;

        QueryGet(LinkId id) {
            this.id = id;
        }

        @Override
        String function() {
            return "query-links";
        }

        @Override
        String label() {
            return "query-links get";
        }

        @Override
        boolean primary() {
            return false;
        }

        @Override
        Path writeEvent(Path projectRoot, Path workDir) throws IOException {
            ObjectNode event =
                    (ObjectNode)
                            json(
                                    Files.readString(
                                            projectRoot.resolve("events/query-links/get.json")));
            String path = "/links/" + id.value();
            event.put("rawPath", path);
            event.putObject("pathParameters").put("id", id.value());
            ((ObjectNode) event.path("requestContext").path("http")).put("path", path);
            Path target = workDir.resolve("query-links-get-local-page.json");
            Files.writeString(target, event.toPrettyString(), StandardCharsets.UTF_8);
            return target;
        }

        @Override
        String verify(String response) throws IOException {
            JsonNode answer = json(response);
            JsonNode document = json(answer.path("body").asText());
            if (answer.path("statusCode").asInt() != 200
                    || !BenchServices.PAGE_TITLE.equals(document.path("title").asText())) {
                throw failed(function(), "expected 200 with the crawled page", response);
            }
            return "200, " + document.path("title").asText();
        }
    }

    /**
     * {@code events/backfill-links/import-netscape.json}: the upload it names (a bookmark export
     * put into S3Mock before each run) read from S3 and queued on BackfillQueue.
     */
    static final class BackfillLinks extends FirstInvocation {
        private static final int LINKS = 25;

        private final BenchServices services;

        BackfillLinks(BenchServices services) {
            this.services = services;
        }

        @Override
        String function() {
            return "backfill-links";
        }

        @Override
        Path writeEvent(Path projectRoot, Path workDir) throws IOException {
            return copy(projectRoot, function(), "import-netscape.json", workDir);
        }

        @Override
        void reset() {
            drain(services, services.queueUrl("BackfillQueue"));
            StringBuilder export =
                    new StringBuilder(
                            "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n"
                                    + "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html;"
                                    + " charset=UTF-8\">\n<TITLE>Bookmarks</TITLE>\n"
                                    + "<H1>Bookmarks</H1>\n<DL><p>\n");
            for (int i = 1; i <= LINKS; i++) {
                export.append("<DT><A HREF=\"https://example.com/reading/")
                        .append(i)
                        .append("\" ADD_DATE=\"1700000000\" TAGS=\"reading,import\">Article ")
                        .append(i)
                        .append("</A>\n");
            }
            export.append("</DL><p>\n");
            services.s3()
                    .putObject(
                            p ->
                                    p.bucket(BenchServices.IMPORT_BUCKET)
                                            .key(BenchServices.IMPORT_KEY)
                                            .contentType("text/html"),
                            RequestBody.fromString(export.toString(), StandardCharsets.UTF_8));
        }

        @Override
        String verify(String response) throws IOException {
            JsonNode imported = json(response).path("imports").path(0);
            if (!"imported".equals(imported.path("outcome").asText())
                    || imported.path("accepted").asInt() != LINKS) {
                throw failed(function(), "expected " + LINKS + " links imported", response);
            }
            int queued = drain(services, services.queueUrl("BackfillQueue")).size();
            if (queued < LINKS) {
                throw failed(function(), "only " + queued + " messages on BackfillQueue", response);
            }
            return LINKS + " links imported, " + queued + " message(s) on BackfillQueue";
        }
    }

    /**
     * {@code events/backfill-links/recrawl.json}: the scheduled re-crawl finds, through a point in
     * time over the local index, a link crawled 60 days ago and queues it on BackfillQueue.
     */
    static final class BackfillRecrawl extends FirstInvocation {
        private final BenchServices services;
        private final LinkId id;
        private final LinkUrl url;

        BackfillRecrawl(BenchServices services) {
            this.services = services;
            UrlCheck check = LinkUrl.check("https://example.com/reading/stale", UrlPolicy.DEFAULT);
            if (!(check instanceof UrlCheck.Accepted accepted)) {
                throw new IllegalStateException("the stale link's URL is refused: " + check);
            }
            this.url = accepted.url();
            this.id = LinkId.of(OWNER, url);
        }

        @Override
        String function() {
            return "backfill-links";
        }

        @Override
        String label() {
            return "backfill-links recrawl";
        }

        @Override
        boolean primary() {
            return false;
        }

        @Override
        Path writeEvent(Path projectRoot, Path workDir) throws IOException {
            return copy(projectRoot, function(), "recrawl.json", workDir);
        }

        @Override
        void reset() throws IOException {
            drain(services, services.queueUrl("BackfillQueue"));
            Instant crawledAt =
                    Instant.now().minus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
            services.index()
                    .put(
                            id,
                            LinkDocument.builder(
                                            OWNER,
                                            url.value(),
                                            LinkDocument.Status.CRAWLED,
                                            crawledAt)
                                    .urlHash(LinkId.urlHash(url.value()))
                                    .submittedAt(crawledAt)
                                    .title("A page crawled 60 days ago")
                                    .tags(List.of("reading"))
                                    .build());
            openSearch(services, "POST", "/" + INDEX_NAME + "/_refresh");
        }

        @Override
        String verify(String response) throws IOException {
            JsonNode answer = json(response);
            if (!"done".equals(answer.path("recrawl").asText())
                    || answer.path("enqueued").asInt() < 1) {
                throw failed(function(), "expected the stale link queued", response);
            }
            List<Message> queued = drain(services, services.queueUrl("BackfillQueue"));
            if (queued.stream().noneMatch(m -> m.body().contains(id.value()))) {
                throw failed(function(), "the stale link is not on BackfillQueue", response);
            }
            return answer.path("selected").asInt()
                    + " due, "
                    + queued.size()
                    + " message(s) on BackfillQueue";
        }
    }
}
