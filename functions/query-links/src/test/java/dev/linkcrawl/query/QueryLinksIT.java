package dev.linkcrawl.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.index.OpenSearchLinkIndex;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.testing.backend.TestBackend;
import dev.linkcrawl.testing.backend.TestOpenSearch;
import dev.linkcrawl.testing.backend.TestOpenSearchExtension;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The query function against a real OpenSearch (a node on loopback, or a LocalStack domain: see
 * {@link TestBackend}), built from settings as the local runner builds it. Documents are written
 * through {@link OpenSearchLinkIndex#put}, as the crawl function writes them. All tests share one
 * index; each uses its own owners, which is also what keeps their links apart.
 */
@ExtendWith(TestOpenSearchExtension.class)
class QueryLinksIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private static TestOpenSearch openSearch;
    private static String indexName;
    private static OpenSearchLinkIndex writer;
    private static QueryLinksHandler handler;

    private final String alice = owner("alice");
    private final String bob = owner("bob");

    @BeforeAll
    static void createIndexAndHandler(TestOpenSearch node) {
        openSearch = node;
        indexName = "links-query-it-" + UUID.randomUUID().toString().substring(0, 8);
        Settings settings = settings(indexName);
        writer = OpenSearchLinkIndex.create(settings);
        writer.ensureIndex();
        handler = new QueryLinksHandler(settings);
    }

    @AfterAll
    static void closeWriter() {
        writer.close();
    }

    private static Settings settings(String index) {
        return Settings.from(
                Map.of(
                        "OPENSEARCH_ENDPOINT",
                        openSearch.endpoint().toString(),
                        "OPENSEARCH_AUTH",
                        openSearch.authSetting(),
                        "INDEX_NAME",
                        index));
    }

    private static String owner(String name) {
        return name + "-" + UUID.randomUUID();
    }

    // ---- saved links -------------------------------------------------------------------------

    private static LinkId save(LinkDocument document) {
        byte[] random = new byte[16];
        new java.security.SecureRandom().nextBytes(random);
        LinkId id = new LinkId(HexFormat.of().formatHex(random));
        writer.put(id, document);
        return id;
    }

    private static LinkDocument.Builder article(
            String owner, String path, String title, String text, Instant crawledAt) {
        return LinkDocument.builder(
                        owner,
                        "https://blog.example.com/" + path,
                        LinkDocument.Status.CRAWLED,
                        crawledAt)
                .finalUrl("https://blog.example.com/" + path)
                .httpStatus(200)
                .contentType("text/html")
                .title(title)
                .description("An article on " + title.toLowerCase(java.util.Locale.ROOT) + ".")
                .text(text)
                .siteName("Example Blog")
                .lang("en");
    }

    private static LinkDocument failed(String owner, String url, Instant crawledAt) {
        return LinkDocument.builder(owner, url, LinkDocument.Status.FAILED, crawledAt)
                .failure(new LinkDocument.Failure("timeout", "no answer within 15 s", true))
                .tags(List.of("work"))
                .build();
    }

    /** Makes every write so far searchable (OpenSearch refreshes about once a second). */
    private static void refresh() {
        HttpRequest request =
                HttpRequest.newBuilder(openSearch.endpoint().resolve("/" + indexName + "/_refresh"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- requests ------------------------------------------------------------------------------

    private static APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    private static JsonNode ok(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode search(String owner, String rawQuery) {
        return ok(handle(Requests.search(owner, rawQuery)));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // ---- search ------------------------------------------------------------------------------

    @Test
    void ranksATitleMatchAboveAMainTextMatch() {
        // The main-text match is newer: only relevance can put the title match first.
        LinkId inTitle =
                save(
                        article(
                                        alice,
                                        "zeppelins",
                                        "A short history of zeppelins",
                                        "Rigid airships flew the Atlantic before airliners did.",
                                        T0)
                                .build());
        LinkId inText =
                save(
                        article(
                                        alice,
                                        "airports",
                                        "Why airports look the way they do",
                                        "Hangars were once built for the zeppelin, then for jets.",
                                        T0.plusSeconds(3600))
                                .build());
        save(article(alice, "trains", "Night trains", "Sleeping cars return.", T0).build());
        refresh();

        JsonNode page = search(alice, q("zeppelin"));

        assertThat(ids(page)).containsExactly(inTitle.value(), inText.value());
        assertThat(page.get("next").isNull()).isTrue();
    }

    @Test
    void marksMatchesInHighlightsWithStemmingAndEscapesThePage() {
        save(
                article(
                                alice,
                                "queues",
                                "Why one slow link froze every visitor",
                                "When a user saved a link, the web process fetched it inline."
                                        + " <script>alert(1)</script> Slow links held a worker"
                                        + " each, and soon every visitor waited.",
                                T0)
                        .build());
        refresh();

        JsonNode highlight = search(alice, q("slow links")).get("items").get(0).get("highlight");

        assertThat(highlight.get("title").get(0).asText())
                .isEqualTo("Why one <mark>slow</mark> <mark>link</mark> froze every visitor");
        assertThat(highlight.get("text")).isNotEmpty();
        highlight
                .get("text")
                .forEach(
                        fragment ->
                                assertThat(fragment.asText())
                                        .contains("<mark>")
                                        .doesNotContain("<script>")
                                        .hasSizeLessThan(400));
        assertThat(highlight.get("text").toString())
                .contains("<mark>Slow</mark> <mark>links</mark>");
    }

    @Test
    void findsWordsInTheUrlSiteNameTagsAndDescription() {
        LinkId byUrl =
                save(
                        article(alice, "rust-borrow-checker", "Untitled", "Nothing here.", T0)
                                .build());
        LinkId byTag =
                save(
                        article(alice, "misc", "Untitled", "Nothing here.", T0)
                                .tags(List.of("borrow"))
                                .build());
        refresh();

        assertThat(ids(search(alice, q("borrow"))))
                .containsExactlyInAnyOrder(byUrl.value(), byTag.value());
        assertThat(ids(search(alice, q("blog.example.com borrow"))))
                .containsExactlyInAnyOrder(byUrl.value(), byTag.value());
    }

    @Test
    void filtersByEveryTagGivenIgnoringCase() {
        LinkId both =
                save(
                        article(alice, "a", "Queues", "text", T0)
                                .tags(List.of("Architecture", "postmortem"))
                                .build());
        LinkId one =
                save(
                        article(alice, "b", "Queues", "text", T0.plusSeconds(1))
                                .tags(List.of("architecture"))
                                .build());
        save(article(alice, "c", "Queues", "text", T0).tags(List.of("cooking")).build());
        save(article(bob, "d", "Queues", "text", T0).tags(List.of("architecture")).build());
        refresh();

        assertThat(ids(search(alice, "tag=ARCHITECTURE")))
                .containsExactly(one.value(), both.value());
        assertThat(ids(search(alice, "tag=architecture&tag=PostMortem")))
                .containsExactly(both.value());
        assertThat(ids(search(alice, "tag=architecture&" + q("queues"))))
                .containsExactlyInAnyOrder(both.value(), one.value());
    }

    @Test
    void filtersByStatus() {
        LinkId crawled = save(article(alice, "a", "Queues", "text", T0).build());
        LinkId failed = save(failed(alice, "https://slow.example.net/", T0.plusSeconds(1)));
        refresh();

        assertThat(ids(search(alice, "status=failed"))).containsExactly(failed.value());
        assertThat(ids(search(alice, "status=crawled"))).containsExactly(crawled.value());
        assertThat(ids(search(alice, ""))).containsExactly(failed.value(), crawled.value());
        JsonNode failedItem = search(alice, "status=failed").get("items").get(0);
        assertThat(failedItem.get("status").asText()).isEqualTo("failed");
        assertThat(failedItem.get("title").isNull()).isTrue();
    }

    @Test
    void listsTheLinksThatNeedAPage() {
        save(article(alice, "a", "Queues", "text", T0).build());
        LinkId walled =
                save(
                        failed(alice, "https://walled.example.net/", T0.plusSeconds(1)).toBuilder()
                                .needsPage(true)
                                .build());
        refresh();

        assertThat(ids(search(alice, "needsPage=true"))).containsExactly(walled.value());
    }

    @Test
    void listsGoneLinksWithTheirContentKept() {
        save(article(alice, "a", "Queues", "text", T0).build());
        LinkId gone =
                save(
                        article(alice, "b", "Retries", "text", T0.plusSeconds(1))
                                .status(LinkDocument.Status.GONE)
                                .goneChecks(2)
                                .goneSince(T0.plusSeconds(2))
                                .build());
        refresh();

        JsonNode page = search(alice, "status=gone");

        assertThat(ids(page)).containsExactly(gone.value());
        assertThat(page.get("items").get(0).get("status").asText()).isEqualTo("gone");
        assertThat(page.get("items").get(0).get("title").asText()).isEqualTo("Retries");
    }

    @Test
    void pagesThrough45LinksTenAtATimeReturningEachOnce() {
        List<String> saved = new ArrayList<>();
        for (int n = 0; n < 45; n++) {
            // Three links per crawl time, so pages also end inside ties.
            saved.add(
                    save(article(
                                            alice,
                                            "post-" + n,
                                            "Post number " + n + " about queues",
                                            "Queues, retries and dead letters, part " + n,
                                            T0.plusSeconds(n / 3))
                                    .build())
                            .value());
        }
        save(article(bob, "bobs", "Bob's post about queues", "queues", T0).build());
        refresh();

        for (String query : List.of("size=10", "size=10&" + q("queues"))) {
            List<String> seen = new ArrayList<>();
            List<Integer> pageSizes = new ArrayList<>();
            String next = null;
            do {
                JsonNode page = search(alice, query + (next == null ? "" : "&cursor=" + next));
                seen.addAll(ids(page));
                pageSizes.add(page.get("items").size());
                next = page.get("next").isNull() ? null : page.get("next").asText();
            } while (next != null && pageSizes.size() < 10);

            assertThat(pageSizes).as(query).containsExactly(10, 10, 10, 10, 5);
            assertThat(seen)
                    .as(query)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(saved);
        }
    }

    @Test
    void listsNewestFirst() {
        LinkId older = save(article(alice, "a", "Older", "text", T0).build());
        LinkId newer = save(article(alice, "b", "Newer", "text", T0.plusSeconds(60)).build());
        refresh();

        JsonNode page = search(alice, "");

        assertThat(ids(page)).containsExactly(newer.value(), older.value());
        assertThat(page.get("items").get(0).get("highlight")).isEmpty();
    }

    // ---- owner isolation ----------------------------------------------------------------------

    @Test
    void anotherUsersLinkIsNotFoundAndItsSearchFindsNothingOfYours() {
        LinkId alices =
                save(
                        article(alice, "zeppelins", "Zeppelins", "Airships and zeppelins.", T0)
                                .build());
        refresh();

        assertThat(handle(Requests.get(alice, alices.value())).getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse bobsGet = handle(Requests.get(bob, alices.value()));
        APIGatewayV2HTTPResponse missing =
                handle(Requests.get(bob, "0123456789abcdef0123456789abcdef"));
        assertThat(bobsGet.getStatusCode()).isEqualTo(404);
        assertThat(bobsGet.getBody()).isEqualTo(missing.getBody());
        assertThat(search(bob, q("zeppelins")).get("items")).isEmpty();
        assertThat(search(bob, "").get("items")).isEmpty();
    }

    @Test
    void anotherUsersDeleteIsNotFoundAndTheLinkStays() {
        LinkId alices = save(article(alice, "a", "Zeppelins", "text", T0).build());
        refresh();

        APIGatewayV2HTTPResponse bobsDelete = handle(Requests.delete(bob, alices.value()));

        assertThat(bobsDelete.getStatusCode()).isEqualTo(404);
        refresh();
        assertThat(handle(Requests.get(alice, alices.value())).getStatusCode()).isEqualTo(200);
        assertThat(ids(search(alice, q("zeppelins")))).containsExactly(alices.value());
    }

    @Test
    void theOwnerGetsTheWholeDocumentAndDeletesIt() {
        LinkDocument document =
                article(alice, "a", "Zeppelins", "Airships.", T0)
                        .tags(List.of("history"))
                        .note("for the talk")
                        .build();
        LinkId id = save(document);
        refresh();

        JsonNode got = ok(handle(Requests.get(alice, id.value())));
        assertThat(got.get("id").asText()).isEqualTo(id.value());
        assertThat(got.get("owner").asText()).isEqualTo(alice);
        assertThat(got.get("note").asText()).isEqualTo("for the talk");
        assertThat(got.get("text").asText()).isEqualTo("Airships.");

        assertThat(handle(Requests.delete(alice, id.value())).getStatusCode()).isEqualTo(204);
        refresh();
        assertThat(handle(Requests.get(alice, id.value())).getStatusCode()).isEqualTo(404);
        assertThat(handle(Requests.delete(alice, id.value())).getStatusCode()).isEqualTo(404);
        assertThat(search(alice, "").get("items")).isEmpty();
    }

    // ---- bad parameters and hostile text -------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
        "size=0, /query/size",
        "size=101, /query/size",
        "size=abc, /query/size",
        "cursor=garbage, /query/cursor",
        "status=bogus, /query/status"
    })
    void refusesABadParameter(String raw, String pointer) throws IOException {
        APIGatewayV2HTTPResponse response = handle(Requests.search(alice, raw));

        assertThat(response.getStatusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.get("type").asText()).endsWith("/invalid-parameter");
        assertThat(problem.get("errors").get(0).get("pointer").asText()).isEqualTo(pointer);
    }

    @Test
    void refusesTextOf513Characters() {
        assertThat(handle(Requests.search(alice, "q=" + "x".repeat(513))).getStatusCode())
                .isEqualTo(400);
    }

    @Test
    void refusesTheCursorOfAnotherQuery() throws IOException {
        for (int n = 0; n < 3; n++) {
            save(article(alice, "p" + n, "Queues " + n, "queues", T0.plusSeconds(n)).build());
        }
        refresh();
        String next = search(alice, "size=1").get("next").asText();

        APIGatewayV2HTTPResponse response =
                handle(Requests.search(alice, "size=1&" + q("queues") + "&cursor=" + next));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).get("errors").get(0).get("code").asText())
                .isEqualTo("other_query");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "title:foo AND (",
                "*",
                "\"",
                "\\",
                "\"unbalanced phrase",
                "a || b && c",
                "zeppelin~2",
                "/regex.*/",
                "(((zeppelin",
                "{\"match_all\": {}}",
                "<script>alert(1)</script>",
                "🚀 ünïcödé ✓"
            })
    void neverFailsOnTextThatLooksLikeQuerySyntax(String text) {
        save(article(alice, "a", "Zeppelins", "text", T0).build());
        refresh();

        APIGatewayV2HTTPResponse response = handle(Requests.search(alice, q(text)));

        assertThat(response.getStatusCode()).as(text).isEqualTo(200);
    }

    @Test
    void takesQuerySyntaxLiterally() {
        LinkId literal =
                save(
                        article(
                                        alice,
                                        "syntax",
                                        "Search syntax",
                                        "Type title:foo AND ( bar to see what breaks.",
                                        T0)
                                .build());
        LinkId zeppelin = save(article(alice, "z", "Zeppelins", "Airships.", T0).build());
        refresh();

        assertThat(ids(search(alice, q("title:foo AND (")))).containsExactly(literal.value());
        // A minus sign is not NOT, and a star is not a wildcard.
        assertThat(ids(search(alice, q("-zeppelins")))).containsExactly(zeppelin.value());
        assertThat(search(alice, q("zeppel*")).get("items")).isEmpty();
        assertThat(search(alice, q("*")).get("items")).isEmpty();
        assertThat(search(alice, q("\"")).get("items")).isEmpty();
    }

    @Test
    void searchesTheLongestTextOfShortWords() {
        save(article(alice, "a", "ab cd", "text", T0).build());
        refresh();
        StringBuilder words = new StringBuilder();
        for (char a = 'a'; a <= 'z' && words.length() < 510; a++) {
            for (char b = 'a'; b <= 'z' && words.length() < 510; b++) {
                words.append(a).append(b).append(' ');
            }
        }

        APIGatewayV2HTTPResponse response =
                handle(Requests.search(alice, q(words.toString().strip())));

        assertThat(response.getStatusCode()).isEqualTo(200);
    }

    // ---- the index away -----------------------------------------------------------------------

    @Test
    void anIndexNotCreatedYetHoldsNoLinks() {
        QueryLinksHandler fresh = new QueryLinksHandler(settings(indexName + "-not-created"));

        APIGatewayV2HTTPResponse list = fresh.handleRequest(Requests.search(alice, ""), null);
        APIGatewayV2HTTPResponse get =
                fresh.handleRequest(Requests.get(alice, "0123456789abcdef0123456789abcdef"), null);

        assertThat(ok(list).get("items")).isEmpty();
        assertThat(get.getStatusCode()).isEqualTo(404);
    }

    @Test
    void answers503WithRetryAfterWhileOpenSearchIsDown() throws IOException {
        assumeTrue(openSearch.canStop(), "only the embedded node can be stopped for one test");
        LinkId id = save(article(alice, "a", "Zeppelins", "text", T0).build());
        refresh();

        openSearch.stop();
        try {
            for (APIGatewayV2HTTPEvent event :
                    List.of(
                            Requests.search(alice, q("zeppelins")),
                            Requests.get(alice, id.value()),
                            Requests.delete(alice, id.value()))) {
                long started = System.nanoTime();
                APIGatewayV2HTTPResponse response = handle(event);
                long tookMs = (System.nanoTime() - started) / 1_000_000;

                assertThat(response.getStatusCode()).isEqualTo(503);
                assertThat(response.getHeaders()).containsEntry("Retry-After", "5");
                assertThat(JSON.readTree(response.getBody()).get("type").asText())
                        .endsWith("/index-unavailable");
                assertThat(tookMs).as("an outage must not hold the API").isLessThan(5_000);
            }
        } finally {
            openSearch.start();
        }

        assertThat(handle(Requests.get(alice, id.value())).getStatusCode()).isEqualTo(200);
    }
}
