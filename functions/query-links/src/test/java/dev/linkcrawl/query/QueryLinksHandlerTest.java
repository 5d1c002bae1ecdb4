package dev.linkcrawl.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.index.LinkDocumentCodec;
import dev.linkcrawl.index.LinkIndexException;
import dev.linkcrawl.index.PageType;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.testing.ApiDescription;
import dev.linkcrawl.testing.InMemoryLinkIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryLinksHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ApiDescription DESCRIPTION = ApiDescription.load();

    private final InMemoryLinkIndex index = new InMemoryLinkIndex();
    private final QueryLinksHandler handler = new QueryLinksHandler(new QueryLinks(index));

    /** Every sample users pass to {@code sam local invoke} has a row below. */
    private static final Map<String, String> EXPECTED =
            Map.of(
                    "get.json", "200",
                    "other-user-get.json", "404",
                    "search.json", "200",
                    "list.json", "200",
                    "delete.json", "204",
                    "bad-cursor.json", "400 malformed",
                    "no-identity.json", "401");

    @BeforeEach
    void saveTheSampleLink() {
        index.put(SavedLinks.SAMPLE_ID, SavedLinks.sample());
    }

    private APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) throws Exception {
        return JSON.readTree(response.getBody());
    }

    private static APIGatewayV2HTTPEvent search(String rawQueryString) {
        return Requests.search(SavedLinks.SAMPLE_OWNER, rawQueryString);
    }

    private static APIGatewayV2HTTPEvent as(String sub, APIGatewayV2HTTPEvent event) {
        event.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("sub", sub));
        return event;
    }

    @Test
    void everySampleEventHasAnExpectedOutcome() {
        assertThat(SampleEvents.names()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest
    @CsvSource({
        "get.json, 200, ",
        "other-user-get.json, 404, ",
        "search.json, 200, ",
        "list.json, 200, ",
        "delete.json, 204, ",
        "bad-cursor.json, 400, malformed",
        "no-identity.json, 401, "
    })
    void answersEachSampleEventAsDesigned(String file, int status, String code) throws Exception {
        assertThat(EXPECTED.get(file)).isEqualTo(code == null ? "" + status : status + " " + code);

        APIGatewayV2HTTPEvent event = SampleEvents.load(file);
        APIGatewayV2HTTPResponse response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(DESCRIPTION.statuses(event.getRouteKey())).contains(status);
        if (status == 200) {
            assertThat(response.getHeaders())
                    .containsEntry("Content-Type", "application/json")
                    .containsEntry("Cache-Control", "private, no-store");
        } else if (status == 204) {
            assertThat(response.getBody()).isNull();
        } else {
            assertThat(response.getHeaders())
                    .containsEntry("Content-Type", "application/problem+json");
            JsonNode problem = body(response);
            assertThat(problem.get("status").asInt()).isEqualTo(status);
            assertThat(DESCRIPTION.problemTypes()).contains(problem.get("type").asText());
            assertThat(problem.get("title").asText()).isNotBlank();
            assertThat(problem.get("detail").asText()).isNotBlank();
            if (code != null) {
                assertThat(problem.get("errors").findValuesAsText("code")).contains(code);
            }
        }
    }

    @Test
    void getAnswersTheWholeIndexDocumentWithItsId() throws Exception {
        ObjectNode body = (ObjectNode) body(handle(SampleEvents.load("get.json")));

        JsonNode expected = JSON.readTree(new LinkDocumentCodec().toJson(SavedLinks.sample()));
        assertThat(body.fieldNames().next()).isEqualTo("id");
        assertThat(body.remove("id").asText()).isEqualTo(SavedLinks.SAMPLE_ID.value());
        assertThat(body).isEqualTo(expected);
    }

    @Test
    void anotherUsersLinkAnswersExactlyLikeAMissingOne() {
        APIGatewayV2HTTPResponse otherUser = handle(SampleEvents.load("other-user-get.json"));
        APIGatewayV2HTTPResponse missing =
                handle(Requests.get(SavedLinks.SAMPLE_OWNER, "0123456789abcdef0123456789abcdef"));

        assertThat(otherUser.getStatusCode()).isEqualTo(404);
        assertThat(otherUser.getHeaders()).isEqualTo(missing.getHeaders());
        assertThat(otherUser.getBody()).isEqualTo(missing.getBody());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "A29512F3167F1EFF9211BA4AC2C5AEAD",
                "a29512f3167f1eff9211ba4ac2c5aea",
                "a29512f3167f1eff9211ba4ac2c5aeadd",
                "a29512f3167f1eff9211ba4ac2c5aeag",
                "..%2F..%2Fetc",
                "*"
            })
    void aMalformedIdAnswersNotFoundForGetAndDelete(String id) throws Exception {
        APIGatewayV2HTTPResponse get = handle(Requests.get(SavedLinks.SAMPLE_OWNER, id));
        APIGatewayV2HTTPResponse delete = handle(Requests.delete(SavedLinks.SAMPLE_OWNER, id));

        assertThat(get.getStatusCode()).isEqualTo(404);
        assertThat(delete.getStatusCode()).isEqualTo(404);
        assertThat(get.getBody()).doesNotContain(id);
        assertThat(index.documents()).containsKey(SavedLinks.SAMPLE_ID);
    }

    @Test
    void deleteRemovesTheLinkSoItIsNotFoundAfterwards() {
        assertThat(handle(SampleEvents.load("delete.json")).getStatusCode()).isEqualTo(204);

        assertThat(index.documents()).doesNotContainKey(SavedLinks.SAMPLE_ID);
        assertThat(handle(SampleEvents.load("get.json")).getStatusCode()).isEqualTo(404);
        assertThat(handle(SampleEvents.load("delete.json")).getStatusCode()).isEqualTo(404);
    }

    @Test
    void deleteOfAnotherUsersLinkAnswersNotFoundAndKeepsIt() {
        APIGatewayV2HTTPResponse response =
                handle(as("user-456", SampleEvents.load("delete.json")));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(index.documents()).containsEntry(SavedLinks.SAMPLE_ID, SavedLinks.sample());
    }

    @Test
    void searchSampleFindsTheLinkWithEveryResultFieldAndHighlights() throws Exception {
        JsonNode body = body(handle(SampleEvents.load("search.json")));

        assertThat(body.get("next").isNull()).isTrue();
        assertThat(body.get("items")).hasSize(1);
        JsonNode item = body.get("items").get(0);
        assertThat(item.get("id").asText()).isEqualTo(SavedLinks.SAMPLE_ID.value());
        assertThat(item.get("title").asText()).isEqualTo(SavedLinks.sample().title());
        assertThat(item.get("status").asText()).isEqualTo("crawled");
        assertThat(item.get("crawledAt").asText()).isEqualTo("2026-11-27T10:30:02.250Z");
        assertThat(item.get("tags").toString()).isEqualTo("[\"reading\",\"web\"]");
        assertThat(item.get("highlight").get("title").get(0).asText())
                .startsWith("Why one <mark>slow</mark> link");
        assertThat(item.get("highlight").get("text").get(0).asText()).contains("<mark>");
        assertThat(JSON.convertValue(item, Map.class).keySet())
                .containsExactly(
                        "id",
                        "url",
                        "finalUrl",
                        "title",
                        "description",
                        "siteName",
                        "image",
                        "favicon",
                        "status",
                        "pageType",
                        "crawledAt",
                        "tags",
                        "highlight");
    }

    @Test
    void searchNeverReturnsAnotherUsersLinks() throws Exception {
        APIGatewayV2HTTPResponse response =
                handle(as("user-456", SampleEvents.load("search.json")));

        assertThat(body(response).get("items")).isEmpty();
    }

    @Test
    void listShowsAFailedLinkWithNullForWhatItLacks() throws Exception {
        LinkId failed = new LinkId("0123456789abcdef0123456789abcdef");
        index.put(
                failed,
                LinkDocument.builder(
                                SavedLinks.SAMPLE_OWNER,
                                "https://intranet.example.com/",
                                LinkDocument.Status.FAILED,
                                SavedLinks.CRAWLED_AT.plusSeconds(1))
                        .failure(new LinkDocument.Failure("blocked_address", null, false))
                        .build());

        JsonNode item = body(handle(search("status=failed"))).get("items").get(0);

        assertThat(item.get("id").asText()).isEqualTo(failed.value());
        assertThat(item.get("title").isNull()).isTrue();
        assertThat(item.get("tags")).isEmpty();
        assertThat(item.get("highlight")).isEmpty();
    }

    @Test
    void aQueuedLinkIsShownFilteredAndDeletable() throws Exception {
        LinkId queued = new LinkId("0123456789abcdef0123456789abcdef");
        index.putQueued(
                queued,
                LinkDocument.builder(
                                SavedLinks.SAMPLE_OWNER,
                                "https://example.com/later",
                                LinkDocument.Status.QUEUED,
                                null)
                        .submittedAt(SavedLinks.CRAWLED_AT)
                        .build());

        JsonNode document = body(handle(Requests.get(SavedLinks.SAMPLE_OWNER, queued.value())));
        JsonNode items = body(handle(search("status=queued"))).get("items");
        APIGatewayV2HTTPResponse deleted =
                handle(Requests.delete(SavedLinks.SAMPLE_OWNER, queued.value()));

        assertThat(document.get("status").asText()).isEqualTo("queued");
        assertThat(document.has("crawledAt")).isFalse();
        assertThat(items)
                .extracting(item -> item.get("id").asText())
                .containsExactly(queued.value());
        assertThat(items.get(0).get("crawledAt").isNull()).isTrue();
        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertThat(handle(Requests.get(SavedLinks.SAMPLE_OWNER, queued.value())).getStatusCode())
                .isEqualTo(404);
    }

    @Test
    void filtersByPageTypeAndShowsIt() throws Exception {
        LinkId forum = new LinkId("0123456789abcdef0123456789abcdef");
        index.put(
                forum,
                SavedLinks.sample().toBuilder()
                        .url("https://forum.example.com/t/slow-links")
                        .pageType(PageType.FORUM)
                        .extractionConfidence(0.75)
                        .build());

        JsonNode items = body(handle(search("type=forum"))).get("items");

        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("id").asText()).isEqualTo(forum.value());
        assertThat(items.get(0).get("pageType").asText()).isEqualTo("forum");
    }

    @Test
    void refusesAnUnknownPageTypeWithAProblem() throws Exception {
        APIGatewayV2HTTPResponse response = handle(search("type=blog"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("errors").get(0).get("pointer").asText())
                .isEqualTo("/query/type");
    }

    @Test
    void getAnswersThePageTypeAndExtractionConfidence() throws Exception {
        LinkId forum = new LinkId("0123456789abcdef0123456789abcdef");
        index.put(
                forum,
                SavedLinks.sample().toBuilder()
                        .pageType(PageType.FORUM)
                        .extractionConfidence(0.75)
                        .build());

        JsonNode document = body(handle(Requests.get(SavedLinks.SAMPLE_OWNER, forum.value())));

        assertThat(document.get("pageType").asText()).isEqualTo("forum");
        assertThat(document.get("extractionConfidence").asDouble()).isEqualTo(0.75);
    }

    @Test
    void followsNextCursorsThroughEveryLinkOnce() throws Exception {
        List<String> saved = new ArrayList<>(List.of(SavedLinks.SAMPLE_ID.value()));
        for (int n = 1; n <= 4; n++) {
            LinkId id = new LinkId("%032x".formatted(n));
            index.put(
                    id,
                    SavedLinks.sample().toBuilder()
                            .crawledAt(SavedLinks.CRAWLED_AT.plusSeconds(n))
                            .build());
            saved.add(id.value());
        }

        List<String> seen = new ArrayList<>();
        String query = "size=2";
        int pages = 0;
        while (query != null) {
            JsonNode body = body(handle(search(query)));
            body.get("items").forEach(item -> seen.add(item.get("id").asText()));
            query = body.get("next").isNull() ? null : "size=2&cursor=" + body.get("next").asText();
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(saved.reversed());
    }

    @Test
    void aCursorOfAnotherQueryIsRefused() throws Exception {
        index.put(new LinkId("%032x".formatted(1)), SavedLinks.sample());
        String next = body(handle(search("size=1"))).get("next").asText();

        APIGatewayV2HTTPResponse response = handle(search("size=1&status=failed&cursor=" + next));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response).get("errors").get(0).get("pointer").asText())
                .isEqualTo("/query/cursor");
        assertThat(body(response).get("errors").get(0).get("code").asText())
                .isEqualTo("other_query");
    }

    @ParameterizedTest
    @EnumSource(
            value = LinkIndexException.Reason.class,
            names = {"UNREACHABLE", "THROTTLED", "SERVER_ERROR", "NO_CREDENTIALS"})
    void aRetryableIndexFailureAnswers503WithRetryAfterOnEveryRoute(
            LinkIndexException.Reason reason) throws Exception {
        index.failWith(reason);

        for (String sample : List.of("get.json", "search.json", "list.json", "delete.json")) {
            APIGatewayV2HTTPResponse response = handle(SampleEvents.load(sample));

            assertThat(response.getStatusCode()).as(sample).isEqualTo(503);
            assertThat(response.getHeaders()).containsEntry("Retry-After", "5");
            assertThat(body(response).get("type").asText()).endsWith("/index-unavailable");
            assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("at dev.");
        }
    }

    @Test
    void anIndexThatRefusesTheFunctionAnswers503WithoutRetryAfter() {
        index.failWith(LinkIndexException.Reason.DENIED);

        APIGatewayV2HTTPResponse response = handle(SampleEvents.load("search.json"));

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).doesNotContainKey("Retry-After");
    }

    @Test
    void parameterErrorsAreReportedWithoutTouchingTheIndex() {
        index.failWith(LinkIndexException.Reason.UNREACHABLE);

        assertThat(handle(search("size=0")).getStatusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"get.json", "delete.json", "search.json"})
    void aBlankSubjectIsNoIdentity(String sample) {
        assertThat(handle(as(" ", SampleEvents.load(sample))).getStatusCode()).isEqualTo(401);
    }

    @Test
    void routesAnEventWithoutARouteKeyByMethodAndPath() throws Exception {
        APIGatewayV2HTTPEvent event = SampleEvents.load("get.json");
        event.setRouteKey(null);
        event.setPathParameters(null);

        APIGatewayV2HTTPResponse response = handle(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(body(response).get("id").asText()).isEqualTo(SavedLinks.SAMPLE_ID.value());
    }

    @Test
    void anotherRouteAnswersNotFound() {
        APIGatewayV2HTTPEvent event = SampleEvents.load("list.json");
        event.setRouteKey("POST /links");

        assertThat(handle(event).getStatusCode()).isEqualTo(404);
    }

    // --- responses within Lambda's 6 MB limit (issue 15) -------------------------------------

    /** The whole proxy response as the Lambda runtime writes it, in bytes. */
    private static int responseBytes(APIGatewayV2HTTPResponse response) throws Exception {
        return JSON.writeValueAsBytes(response).length;
    }

    /** A link whose every page-filled field is at its cap, written in characters JSON escapes. */
    private static LinkDocument hostile(String url, String escaped, String text) {
        // "zeppelin " first, so a search finds the link and highlights the whole field.
        String field = "zeppelin " + escaped.repeat((2_048 - 9) / escaped.length());
        String pageUrl = url + "?" + "q".repeat(2_000);
        return LinkDocument.builder(
                        SavedLinks.SAMPLE_OWNER,
                        url,
                        LinkDocument.Status.CRAWLED,
                        SavedLinks.CRAWLED_AT)
                .finalUrl(pageUrl)
                .canonicalUrl(pageUrl)
                .image(pageUrl)
                .favicon(pageUrl)
                .title(field)
                .description(field)
                .siteName(field)
                .author(field)
                .keywords(java.util.Collections.nCopies(64, escaped.repeat(256 / escaped.length())))
                .feeds(java.util.Collections.nCopies(16, pageUrl))
                .text(text)
                .tags(java.util.Collections.nCopies(32, "t".repeat(64)))
                .note(escaped.repeat(4_096 / escaped.length()))
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "quotes, '\"'",
        "backslashes, '\\'",
        "control characters, '\u0001'",
        "mixed, '\"\\\u0001<&é'"
    })
    void getOfAPageOfTheMostEscapedCharactersStaysUnderLambdasLimit(String kind, String escaped)
            throws Exception {
        LinkId id = new LinkId("%032x".formatted(kind.hashCode() & 0xffff));
        index.put(
                id,
                hostile(
                        "https://example.com/" + kind.replace(' ', '-'),
                        escaped,
                        escaped.repeat(1_048_576 / escaped.length())));

        APIGatewayV2HTTPResponse response =
                handle(Requests.get(SavedLinks.SAMPLE_OWNER, id.value()));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(responseBytes(response)).isLessThan(6_000_000);
    }

    @Test
    void getOfADocumentWrittenBeforeTheCapsStaysUnderLambdasLimit() throws Exception {
        // 4.5 MB of quote-heavy text, as the index held it before the crawl capped the text.
        LinkId id = new LinkId("%032x".formatted(45));
        index.put(
                id,
                hostile(
                        "https://example.com/quotes",
                        "\"",
                        "\"Quoted,\" she said. ".repeat(220_000)));

        APIGatewayV2HTTPResponse response =
                handle(Requests.get(SavedLinks.SAMPLE_OWNER, id.value()));

        assertThat(responseBytes(response)).isLessThan(6_000_000);
        JsonNode body = body(response);
        assertThat(body.path("textTruncated").asBoolean()).isTrue();
        assertThat(body.path("text").asText()).startsWith("\"Quoted,\" she said.");
    }

    @Test
    void getOfAPageThatFitsShowsItsWholeText() throws Exception {
        LinkId id = new LinkId("%032x".formatted(46));
        String text = "\"Quoted,\" she said. ".repeat(10_000);
        index.put(id, hostile("https://example.com/fits", "a", text));

        JsonNode body = body(handle(Requests.get(SavedLinks.SAMPLE_OWNER, id.value())));

        assertThat(body.path("text").asText()).isEqualTo(text);
        assertThat(body.has("textTruncated")).isFalse();
    }

    @Test
    void listOfAHundredLinksOfTheMostEscapedCharactersStaysUnderTheLimitAndPagesOnWithoutLoss()
            throws Exception {
        java.util.Set<String> expected = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            LinkId id = new LinkId("%032x".formatted(1_000 + i));
            index.put(id, hostile("https://example.com/" + i, "\u0001", "text"));
            expected.add(id.value());
        }

        java.util.List<String> seen = new ArrayList<>();
        String cursor = null;
        int largest = 0;
        do {
            APIGatewayV2HTTPResponse response =
                    handle(
                            search(
                                    "q=zeppelin&size=100"
                                            + (cursor == null ? "" : "&cursor=" + cursor)));
            largest = Math.max(largest, responseBytes(response));
            JsonNode body = body(response);
            body.path("items").forEach(item -> seen.add(item.path("id").asText()));
            cursor = body.path("next").isNull() ? null : body.path("next").asText();
        } while (cursor != null);

        assertThat(largest).isLessThan(6_000_000);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void listItemsNeverCarryTheText() throws Exception {
        JsonNode items = body(handle(search("size=100"))).path("items");

        assertThat(items).isNotEmpty().allSatisfy(item -> assertThat(item.has("text")).isFalse());
    }
}
