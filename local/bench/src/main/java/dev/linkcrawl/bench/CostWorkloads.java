package dev.linkcrawl.bench;

import static dev.linkcrawl.bench.CostBench.BACKFILL;
import static dev.linkcrawl.bench.CostBench.CODEC;
import static dev.linkcrawl.bench.CostBench.CRAWL;
import static dev.linkcrawl.bench.CostBench.OWNERS;
import static dev.linkcrawl.bench.CostBench.QUERY;
import static dev.linkcrawl.bench.CostBench.QUERY_WORDS;
import static dev.linkcrawl.bench.CostBench.SUBMIT;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.bench.CostBench.Workload;
import dev.linkcrawl.bench.harness.PageSite;
import dev.linkcrawl.crawl.extract.HostileMarkup;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlSource;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.url.HostPort;
import dev.linkcrawl.url.LinkUrl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The workloads {@code bench cost} runs: the corpus and hostile pages the crawl fetches, and each
 * function's events, written one JSON event a line.
 */
final class CostWorkloads {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path root;
    private final Path work;
    private final BenchServices services;
    private final PageSite site;
    private final Map<String, BenchFunction> functions;

    CostWorkloads(
            Path root,
            Path work,
            BenchServices services,
            PageSite site,
            Map<String, BenchFunction> functions) {
        this.root = root;
        this.work = work;
        this.services = services;
        this.site = site;
        this.functions = functions;
    }

    private ObjectNode sample(String function, String name) throws IOException {
        return (ObjectNode)
                JSON.readTree(root.resolve("events").resolve(function).resolve(name).toFile());
    }

    /**
     * One SQS record per page: the first {@code warmup} corpus pages, the hostile ones (early, so a
     * size too small fails soon), then the other corpus pages.
     */
    Workload crawl(
            Map<String, Path> corpusPages,
            Map<String, byte[]> hostile,
            int warmup,
            List<LinkId> ids)
            throws IOException {
        ObjectNode sample = sample(CRAWL, "crawl-message.json");
        HostPort server = HostPort.parse(site.hostPort());
        Path events = work.resolve("crawl-link.jsonl");
        List<String> paths = new ArrayList<>(corpusPages.keySet());
        paths.addAll(Math.min(warmup, paths.size()), hostile.keySet());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (Writer writer = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
            for (int i = 0; i < paths.size(); i++) {
                String owner = owner(i);
                LinkUrl url = LoopbackLink.of(site.url(paths.get(i)).toString(), server);
                LinkId id = LinkId.of(owner, url);
                ids.add(id);
                ObjectNode event = sample.deepCopy();
                ObjectNode record = (ObjectNode) event.withArray("Records").get(0);
                record.put("messageId", UUID.randomUUID().toString());
                record.put(
                        "body",
                        CODEC.encode(
                                new CrawlMessage(
                                        id,
                                        url.value(),
                                        owner,
                                        now,
                                        CrawlSource.API,
                                        List.of("reading"),
                                        "saved for the cost bench")));
                ((ObjectNode) record.path("attributes"))
                        .put("SentTimestamp", Long.toString(now.toEpochMilli()));
                writer.write(event.toString());
                writer.write('\n');
            }
        }
        return new Workload(
                functions.get(CRAWL),
                events,
                Map.of("ALLOWED_PRIVATE_HOSTS", site.hostPort()),
                call ->
                        call.error() == null
                                && call.response().contains("\"batchItemFailures\":[]"),
                paths,
                path -> !hostile.containsKey(path),
                warmup,
                () -> {});
    }

    /** Searches, lists and gets by the owners of the crawled links, in turn. */
    Workload query(int count, int warmup, List<LinkId> crawled) throws IOException {
        ObjectNode search = sample(QUERY, "search.json");
        ObjectNode get = sample(QUERY, "get.json");
        Path events = work.resolve("query-links.jsonl");
        List<String> labels = new ArrayList<>();
        try (Writer writer = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                ObjectNode event;
                String owner;
                if (i % 4 == 3 && !crawled.isEmpty()) {
                    int index = (i / 4 * 7) % crawled.size();
                    owner = owner(index);
                    String id = crawled.get(index).value();
                    event = get.deepCopy();
                    String path = "/links/" + id;
                    event.put("rawPath", path);
                    event.putObject("pathParameters").put("id", id);
                    ((ObjectNode) event.path("requestContext").path("http")).put("path", path);
                } else {
                    owner = owner(i);
                    event = search.deepCopy();
                    ObjectNode parameters = event.putObject("queryStringParameters");
                    if (i % 4 == 2) {
                        parameters.put("status", "crawled");
                        parameters.put("size", "20");
                    } else {
                        parameters.put("q", QUERY_WORDS.get(i % QUERY_WORDS.size()));
                        if (i % 2 == 0) {
                            parameters.put("tag", "reading");
                        }
                    }
                    StringBuilder raw = new StringBuilder();
                    parameters
                            .fields()
                            .forEachRemaining(
                                    field ->
                                            raw.append(raw.isEmpty() ? "" : "&")
                                                    .append(field.getKey())
                                                    .append('=')
                                                    .append(
                                                            URLEncoder.encode(
                                                                    field.getValue().asText(),
                                                                    StandardCharsets.UTF_8)));
                    event.put("rawQueryString", raw.toString());
                }
                claims(event).put("sub", owner);
                ((ObjectNode) event.path("requestContext")).put("requestId", "cost-query-" + i);
                String query = event.path("rawQueryString").asText();
                labels.add(
                        "GET "
                                + event.path("rawPath").asText()
                                + (query.isEmpty() ? "" : "?" + query));
                writer.write(event.toString());
                writer.write('\n');
            }
        }
        return new Workload(
                functions.get(QUERY),
                events,
                Map.of(),
                call -> call.status() == 200,
                labels,
                label -> true,
                warmup,
                () -> {});
    }

    /** {@code POST /links} of distinct links, the owners in turn. */
    Workload submit(int count, int warmup) throws IOException {
        ObjectNode sample = sample(SUBMIT, "valid.json");
        Path events = work.resolve("submit-link.jsonl");
        try (Writer writer = Files.newBufferedWriter(events, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                ObjectNode event = sample.deepCopy();
                ObjectNode body = JSON.createObjectNode();
                body.put(
                        "url",
                        "https://news"
                                + (i % 7)
                                + ".example.com/2026/12/story-"
                                + i
                                + "?utm_source=newsletter#top");
                body.putArray("tags").add("reading").add(i % 2 == 0 ? "web" : "later");
                body.put("note", "saved for the cost bench, link " + i);
                event.put("body", body.toString());
                claims(event).put("sub", owner(i));
                ((ObjectNode) event.path("requestContext")).put("requestId", "cost-submit-" + i);
                writer.write(event.toString());
                writer.write('\n');
            }
        }
        return new Workload(
                functions.get(SUBMIT),
                events,
                Map.of(),
                call -> call.status() == 202,
                IntStream.range(0, count).mapToObj(i -> "POST /links #" + i).toList(),
                label -> true,
                warmup,
                () -> purge("CrawlQueue"));
    }

    /** An import of {@code links} bookmarks, then the scheduled re-crawl. */
    Workload backfill(int links) throws IOException {
        StringBuilder export =
                new StringBuilder(
                        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<META HTTP-EQUIV=\"Content-Type\""
                                + " CONTENT=\"text/html; charset=UTF-8\">\n"
                                + "<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n");
        for (int i = 1; i <= links; i++) {
            export.append("<DT><A HREF=\"https://site")
                    .append(i % 997)
                    .append(".example.org/reading/")
                    .append(i)
                    .append("?ref=bookmarks\" ADD_DATE=\"1700000000\" TAGS=\"reading,import\">")
                    .append("Article number ")
                    .append(i)
                    .append(" from the bookmark export</A>\n");
        }
        export.append("</DL><p>\n");
        byte[] file = export.toString().getBytes(StandardCharsets.UTF_8);
        ObjectNode upload = sample(BACKFILL, "import-netscape.json");
        ((ObjectNode) upload.withArray("Records").get(0).path("s3").path("object"))
                .put("size", file.length);
        Path events = work.resolve("backfill-links.jsonl");
        Files.writeString(
                events,
                upload
                        + "\n"
                        + JSON.readTree(root.resolve("events/backfill-links/recrawl.json").toFile())
                        + "\n",
                StandardCharsets.UTF_8);
        return new Workload(
                functions.get(BACKFILL),
                events,
                Map.of(),
                call ->
                        call.error() == null
                                && (call.response().contains("\"outcome\":\"imported\"")
                                        || call.response().contains("\"recrawl\":\"done\"")),
                List.of("import of " + links + " bookmarks", "scheduled re-crawl"),
                label -> label.startsWith("import"),
                0,
                () -> {
                    purge("BackfillQueue");
                    services.s3()
                            .putObject(
                                    p ->
                                            p.bucket(BenchServices.IMPORT_BUCKET)
                                                    .key(BenchServices.IMPORT_KEY)
                                                    .contentType("text/html"),
                                    RequestBody.fromBytes(file));
                });
    }

    /** Empties a queue the last run filled, so the local SQS does not grow run after run. */
    private void purge(String queue) {
        try {
            services.sqs().purgeQueue(p -> p.queueUrl(services.queueUrl(queue)));
        } catch (RuntimeException e) {
            // Left full: it only costs the local SQS memory.
        }
    }

    private static ObjectNode claims(ObjectNode event) {
        return (ObjectNode)
                event.path("requestContext").path("authorizer").path("jwt").path("claims");
    }

    /**
     * The corpus pages by site path ({@code /wcxb/0001.html.gz}, {@code /article-benchmark/…}),
     * {@code limit} of them spread evenly when it is above 0.
     */
    static Map<String, Path> corpusPages(Path corpusDir, int limit) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("wcxb/dev/html", "article-benchmark/html")) {
            Path dir = corpusDir.resolve(folder);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(
                        dir
                                + " is missing: pass --corpus with the folder holding wcxb and"
                                + " article-benchmark");
            }
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.getFileName().toString().matches(".*\\.html(\\.gz)?"))
                        .sorted()
                        .forEach(files::add);
            }
        }
        int count = limit > 0 ? Math.min(limit, files.size()) : files.size();
        Map<String, Path> pages = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            Path file = files.get((int) ((long) i * files.size() / count));
            String folder = file.getParent().getParent().getFileName().toString();
            String corpusName = folder.equals("dev") ? "wcxb" : folder;
            pages.put("/" + corpusName + "/" + file.getFileName(), file);
        }
        return pages;
    }

    /** The bytes of a saved page, gunzipped when the file is gzipped. */
    static byte[] read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] raw = in.readAllBytes();
            if (raw.length > 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
                return new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes();
            }
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Every {@link HostileMarkup} page by site path ({@code /hostile/nested_divs}): the shapes the
     * crawl function's own tests hold extraction to its budget with.
     */
    static Map<String, byte[]> hostilePages() {
        Map<String, byte[]> pages = new LinkedHashMap<>();
        for (HostileMarkup shape : HostileMarkup.all()) {
            pages.put(
                    "/hostile/" + shape.name().toLowerCase(Locale.ROOT),
                    shape.html().getBytes(StandardCharsets.UTF_8));
        }
        return pages;
    }

    static void openSearchRefresh(BenchServices services) throws IOException {
        FirstInvocation.openSearch(services, "POST", "/" + BenchServices.INDEX_NAME + "/_refresh");
    }

    static String owner(int i) {
        return String.format(Locale.ROOT, "owner-%02d", i % OWNERS + 1);
    }
}
