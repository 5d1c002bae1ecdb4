package dev.linkcrawl.prime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.index.LinkDocumentCodec;
import dev.linkcrawl.index.LinkPage;
import dev.linkcrawl.index.LinkQuery;
import dev.linkcrawl.index.OpenSearchLinkIndex;
import dev.linkcrawl.index.PageType;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.prime.CannedHttpClient.Answer;
import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/**
 * The links index for priming: an {@link OpenSearchLinkIndex} built as the deployed one is
 * (opensearch-java's {@code AwsSdk2Transport}, SigV4 for {@code es}, the same JSON mapper), sending
 * through a {@link CannedHttpClient} that answers like an OpenSearch domain holding one link of
 * {@link ApiRequests#CALLER}. The index reads as missing on the first check, so creating it with
 * its mapping is primed too.
 */
public final class IndexPriming {

    /** The index name the canned domain answers for. */
    public static final String INDEX = "links";

    private static final String HOST = "search-priming.us-east-1.es.amazonaws.com";
    private static final String PIT_ID = "cHJpbWluZw==";
    private static final String SHARDS =
            "{\"total\":1,\"successful\":1,\"skipped\":0,\"failed\":0}";
    private static final ObjectMapper JSON = new ObjectMapper();

    private IndexPriming() {}

    /** The link the canned domain holds. */
    public static LinkId sampleId() {
        return LinkId.of(ApiRequests.CALLER, sampleUrl());
    }

    /** A new index client over a new canned domain. */
    public static OpenSearchLinkIndex index() {
        return over(cannedDomain());
    }

    private static CannedHttpClient cannedDomain() {
        AtomicBoolean created = new AtomicBoolean();
        ObjectNode source = (ObjectNode) parse(new LinkDocumentCodec().toJson(sampleDocument()));
        source.put("id", sampleId().value());
        return new CannedHttpClient(request -> answer(request, source, created));
    }

    private static OpenSearchLinkIndex over(CannedHttpClient http) {
        return OpenSearchLinkIndex.over(
                http,
                HOST,
                "es",
                Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")),
                INDEX);
    }

    /**
     * Every operation of the index once: create it, write, read, search with and without text and
     * from a cursor, delete, and the re-crawl scan through a point in time.
     *
     * @return the number of requests the canned domain answered
     */
    public static int exercise() {
        CannedHttpClient http = cannedDomain();
        try (OpenSearchLinkIndex index = over(http)) {
            LinkId id = sampleId();
            index.ensureIndex();
            index.put(id, sampleDocument());
            index.get(ApiRequests.CALLER, id);
            LinkQuery words =
                    new LinkQuery(
                            ApiRequests.CALLER,
                            Optional.of("slow links"),
                            List.of("reading"),
                            Optional.empty(),
                            Optional.empty(),
                            1,
                            Optional.empty(),
                            false);
            LinkPage page = index.search(words);
            index.search(
                    new LinkQuery(
                            words.owner(),
                            words.text(),
                            words.tags(),
                            words.status(),
                            words.type(),
                            words.size(),
                            page.next(),
                            words.needsPage()));
            index.search(
                    new LinkQuery(
                            ApiRequests.CALLER,
                            Optional.empty(),
                            List.of(),
                            Optional.of(LinkDocument.Status.CRAWLED),
                            Optional.of(PageType.ARTICLE),
                            LinkQuery.DEFAULT_SIZE,
                            Optional.empty(),
                            false));
            index.delete(ApiRequests.CALLER, id);
            index.forEachDueForRecrawl(Instant.now().minus(30, ChronoUnit.DAYS), 100, due -> {});
        }
        return http.served();
    }

    /** A fully populated document, so that every field goes through the codec. */
    public static LinkDocument sampleDocument() {
        LinkUrl url = sampleUrl();
        Instant crawledAt = Instant.parse("2026-11-27T10:30:05Z");
        return LinkDocument.builder(
                        ApiRequests.CALLER, url.value(), LinkDocument.Status.CRAWLED, crawledAt)
                .urlHash(LinkId.urlHash(url.value()))
                .finalUrl(url.value())
                .redirects(List.of(new LinkDocument.Redirect("https://example.com/s/7", 301)))
                .httpStatus(200)
                .contentType("text/html")
                .bytes(48_213L)
                .truncated(false)
                .fetchMs(412L)
                .submittedAt(crawledAt.minusSeconds(5))
                .title("Slow links, fast queues")
                .description("Why slow links should never hold up an API.")
                .text("A web process that fetched user links inline froze for every visitor.")
                .siteName("Field Notes")
                .author("A. Writer")
                .publishedAt(crawledAt.minus(3, ChronoUnit.DAYS))
                .modifiedAt(crawledAt.minus(1, ChronoUnit.DAYS))
                .lang("en")
                .image("https://example.com/cover.png")
                .favicon("https://example.com/favicon.ico")
                .canonicalUrl(url.value())
                .keywords(List.of("queues", "latency"))
                .feeds(List.of("https://example.com/feed.xml"))
                .wordCount(1_250)
                .pageType(PageType.ARTICLE)
                .extractionConfidence(0.9)
                .tags(List.of("reading", "web"))
                .note("from the weekly digest")
                .build();
    }

    private static LinkUrl sampleUrl() {
        if (LinkUrl.check("https://example.com/articles/slow-links", UrlPolicy.DEFAULT)
                instanceof UrlCheck.Accepted accepted) {
            return accepted.url();
        }
        throw new IllegalStateException("the sample URL is refused");
    }

    /** What an OpenSearch domain answers to the requests {@link OpenSearchLinkIndex} makes. */
    private static Answer answer(
            CannedHttpClient.Request request, ObjectNode source, AtomicBoolean created) {
        String path = request.path();
        SdkHttpMethod method = request.method();
        String id = source.path("id").asText();
        String doc = "/" + INDEX + "/_doc/";
        if (method == SdkHttpMethod.HEAD && path.equals("/" + INDEX)) {
            return Answer.empty(created.get() ? 200 : 404);
        }
        if (method == SdkHttpMethod.PUT && path.equals("/" + INDEX)) {
            created.set(true);
            return Answer.json(
                    200,
                    "{\"acknowledged\":true,\"shards_acknowledged\":true,\"index\":\""
                            + INDEX
                            + "\"}");
        }
        if (path.startsWith(doc)) {
            String write =
                    "{\"_index\":\"%s\",\"_id\":\"%s\",\"_version\":%d,\"result\":\"%s\",\"_shards\":"
                            + "{\"total\":1,\"successful\":1,\"failed\":0},\"_seq_no\":0,"
                            + "\"_primary_term\":1}";
            return switch (method) {
                case PUT, POST -> Answer.json(201, write.formatted(INDEX, id, 1, "created"));
                case DELETE -> Answer.json(200, write.formatted(INDEX, id, 2, "deleted"));
                default ->
                        Answer.json(
                                200,
                                "{\"_index\":\"%s\",\"_id\":\"%s\",\"_version\":1,\"_seq_no\":0,"
                                                .formatted(INDEX, id)
                                        + "\"_primary_term\":1,\"found\":true,\"_source\":"
                                        + source
                                        + "}");
            };
        }
        if (path.endsWith("/_search/point_in_time")) {
            return method == SdkHttpMethod.DELETE
                    ? Answer.json(
                            200, "{\"pits\":[{\"pit_id\":\"" + PIT_ID + "\",\"successful\":true}]}")
                    : Answer.json(
                            200,
                            "{\"pit_id\":\""
                                    + PIT_ID
                                    + "\",\"_shards\":"
                                    + SHARDS
                                    + ",\"creation_time\":1795775400000}");
        }
        if (path.endsWith("/_search")) {
            return Answer.json(200, searchAnswer(request, source));
        }
        return Answer.json(
                404,
                "{\"error\":{\"type\":\"index_not_found_exception\",\"reason\":\"no such index\"},"
                        + "\"status\":404}");
    }

    /** As many hits as asked for (at most 2), with highlights and sort values. */
    private static String searchAnswer(CannedHttpClient.Request request, ObjectNode source) {
        int size;
        try {
            size = Math.min(2, Math.max(1, JSON.readTree(request.body()).path("size").asInt(2)));
        } catch (IOException e) {
            size = 1;
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("took", 1).put("timed_out", false);
        answer.set("_shards", parse(SHARDS));
        ArrayNode hits = answer.putObject("hits").putArray("hits");
        for (int i = 0; i < size; i++) {
            ObjectNode hit = hits.addObject();
            String id =
                    i == 0 ? source.path("id").asText() : LinkId.of("other", sampleUrl()).value();
            hit.put("_index", INDEX).put("_id", id).put("_score", 2.5);
            hit.set("_source", source);
            hit.putObject("highlight")
                    .putArray("title")
                    .add("<mark>Slow</mark> <mark>links</mark>, fast queues");
            hit.putArray("sort").add(1795775405000L).add(id);
        }
        return answer.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
