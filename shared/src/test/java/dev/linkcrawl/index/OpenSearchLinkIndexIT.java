package dev.linkcrawl.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.testing.backend.TestOpenSearch;
import dev.linkcrawl.testing.backend.TestOpenSearchExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(TestOpenSearchExtension.class)
class OpenSearchLinkIndexIT extends LinkIndexContract {

    private static final AtomicInteger INDEX_NUMBER = new AtomicInteger();

    private final TestOpenSearch openSearch;
    private final NodeHttp http;
    private final List<OpenSearchLinkIndex> opened = new ArrayList<>();
    private final String indexName = "links-it-" + INDEX_NUMBER.incrementAndGet();
    private OpenSearchLinkIndex index;

    OpenSearchLinkIndexIT(TestOpenSearch openSearch) {
        this.openSearch = openSearch;
        this.http = new NodeHttp(openSearch.endpoint());
    }

    @BeforeEach
    void createIndex() {
        index = open(indexName);
        index.ensureIndex();
    }

    @AfterEach
    void closeClients() {
        opened.forEach(OpenSearchLinkIndex::close);
    }

    @Override
    LinkIndex index() {
        return index;
    }

    @Override
    void makeSearchable() {
        http.ok("POST", "/" + indexName + "/_refresh", null);
    }

    @Test
    void createsTheIndexWithExactlyTheResourceMappingAndAnalysis() throws Exception {
        JsonNode resource = new ObjectMapper().readTree(LinkIndexMapping.json());

        JsonNode mapping = http.ok("GET", "/" + indexName + "/_mapping", null);
        JsonNode settings = http.ok("GET", "/" + indexName + "/_settings", null);

        assertThat(mapping.path(indexName).path("mappings")).isEqualTo(resource.get("mappings"));
        assertThat(settings.path(indexName).path("settings").path("index").path("analysis"))
                .isEqualTo(resource.path("settings").path("analysis"));
    }

    @Test
    void createsTheIndexOnceWhenColdStartsRace() throws Exception {
        String racedName = indexName + "-raced";
        int racers = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                OpenSearchLinkIndex racer = open(racedName);
                results.add(
                        pool.submit(
                                () -> {
                                    go.await();
                                    racer.ensureIndex();
                                    return null;
                                }));
            }
            go.countDown();
            for (Future<?> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode mapping = http.ok("GET", "/" + racedName + "/_mapping", null);
        assertThat(mapping.path(racedName).path("mappings").path("dynamic").asText())
                .isEqualTo("strict");
    }

    @Test
    void addsTheFieldsOfANewerMappingToAnIndexCreatedBefore() throws Exception {
        String olderName = indexName + "-older";
        ObjectNode older = (ObjectNode) new ObjectMapper().readTree(LinkIndexMapping.json());
        ObjectNode properties = (ObjectNode) older.path("mappings").path("properties");
        properties.remove(List.of("lastAttemptAt", "lastFailure", "deletedAt"));
        http.ok("PUT", "/" + olderName, older.toString());
        OpenSearchLinkIndex upgraded = open(olderName);

        upgraded.ensureIndex();
        LinkId id = SampleDocuments.randomId();
        LinkDocument document =
                SampleDocuments.full("alice", Instant.now()).toBuilder()
                        .lastAttemptAt(Instant.now())
                        .build();

        assertThat(upgraded.put(id, document)).isEqualTo(PutOutcome.WRITTEN);
        JsonNode mapping = http.ok("GET", "/" + olderName + "/_mapping", null);
        assertThat(mapping.path(olderName).path("mappings").path("properties").has("deletedAt"))
                .isTrue();
    }

    @Test
    void createsTheStrictIndexBeforeAFirstPutWithoutEnsureIndex() {
        String freshName = indexName + "-fresh";
        OpenSearchLinkIndex fresh = open(freshName);

        fresh.put(SampleDocuments.randomId(), SampleDocuments.full("alice", Instant.now()));

        JsonNode mapping = http.ok("GET", "/" + freshName + "/_mapping", null);
        assertThat(mapping.path(freshName).path("mappings").path("dynamic").asText())
                .isEqualTo("strict");
    }

    @Test
    void keepsOneDocumentWhenTheSameMessageIsProcessedTwice() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument document = SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT);

        index.put(id, document);
        index.put(id, document);

        http.ok("POST", "/" + indexName + "/_refresh", null);
        JsonNode count = http.ok("GET", "/" + indexName + "/_count", null);
        assertThat(count.path("count").asLong()).isEqualTo(1);
    }

    @Test
    void storesTheIdForSearchesSortedByCrawlTimeWithHighlights() {
        LinkId first = new LinkId("00000000000000000000000000000001");
        LinkId second = new LinkId("00000000000000000000000000000002");
        index.put(second, SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT));
        index.put(first, SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT));
        http.ok("POST", "/" + indexName + "/_refresh", null);

        JsonNode result =
                http.ok(
                        "POST",
                        "/" + indexName + "/_search",
                        """
                        {"query": {"bool": {
                           "filter": [{"term": {"owner": "alice"}}, {"term": {"tags": "ARCHITECTURE"}}],
                           "must": {"multi_match": {"query": "slow links",
                              "fields": ["title^3", "description", "text", "url", "siteName", "tags.text"]}}}},
                         "sort": [{"crawledAt": "desc"}, {"id": "asc"}],
                         "highlight": {"pre_tags": ["<mark>"], "post_tags": ["</mark>"],
                           "fields": {"title": {}, "text": {}}}}
                        """);

        JsonNode hits = result.path("hits").path("hits");
        assertThat(hits).hasSize(2);
        assertThat(hits.get(0).path("_id").asText()).isEqualTo(first.value());
        assertThat(hits.get(1).path("_id").asText()).isEqualTo(second.value());
        assertThat(hits.get(0).path("highlight").path("title").get(0).asText())
                .contains("<mark>slow</mark>");
    }

    /** The longest texts that cost the most clauses, each 512 code points. */
    static Stream<Arguments> worstCaseTexts() {
        StringBuilder twoLetterWords = new StringBuilder();
        for (char a = 'a'; a <= 'z' && twoLetterWords.length() < 510; a++) {
            for (char b = 'a'; b <= 'z' && twoLetterWords.length() < 510; b++) {
                twoLetterWords.append(a).append(b).append(' ');
            }
        }
        StringBuilder ideographs = new StringBuilder();
        StringBuilder emoji = new StringBuilder();
        for (int n = 0; n < LinkQuery.MAX_TEXT_LENGTH; n++) {
            ideographs.appendCodePoint(0x4E00 + n);
            emoji.appendCodePoint(n % 2 == 0 ? 0x1F600 + n / 2 % 80 : ' ');
        }
        return Stream.of(
                Arguments.of("one-letter words", "a b ".repeat(128).strip()),
                Arguments.of("two-letter words", twoLetterWords.toString().strip()),
                Arguments.of("ideographs", ideographs.toString()),
                Arguments.of("emoji", emoji.toString().strip()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("worstCaseTexts")
    void searchesTheLongestTextWhateverItsWords(String kind, String text) {
        index.put(
                SampleDocuments.randomId(),
                SampleDocuments.page("alice", "a b", text, List.of(), SampleDocuments.CRAWLED_AT));
        makeSearchable();

        LinkPage page = index.search(LinkQuery.newest("alice").withText(text));

        assertThat(page.hits()).hasSize(1);
    }

    @Test
    void findsNothingInAnIndexThatDoesNotExistYet() {
        OpenSearchLinkIndex missing = open(indexName + "-missing");

        assertThat(missing.search(LinkQuery.newest("alice")).hits()).isEmpty();
        assertThat(missing.search(LinkQuery.newest("alice").withText("zeppelin")).next()).isEmpty();
    }

    @Test
    void reportsAWriteTheMappingRefusesAsNotRetryable() {
        String conflicting = indexName + "-conflicting";
        http.ok(
                "PUT",
                "/" + conflicting,
                """
                {"mappings": {"properties": {"title": {"type": "integer"}}}}
                """);
        OpenSearchLinkIndex wrong = open(conflicting);

        assertThatThrownBy(
                        () ->
                                wrong.put(
                                        SampleDocuments.randomId(),
                                        SampleDocuments.full("alice", Instant.now())))
                .isInstanceOfSatisfying(
                        LinkIndexException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(LinkIndexException.Reason.REJECTED);
                            assertThat(e.httpStatus()).isEqualTo(400);
                            assertThat(e.retryable()).isFalse();
                        });
    }

    @Test
    void failsRetryablyWhileOpenSearchIsDownAndWorksAgainAfterARestart() {
        assumeTrue(openSearch.canStop(), "only the embedded node can be stopped for one test");
        LinkId id = SampleDocuments.randomId();
        LinkDocument before = SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT);
        index.put(id, before);

        openSearch.stop();
        try {
            assertThatThrownBy(
                            () ->
                                    index.put(
                                            id,
                                            SampleDocuments.full(
                                                    "alice",
                                                    SampleDocuments.CRAWLED_AT.plusSeconds(1))))
                    .isInstanceOfSatisfying(
                            LinkIndexException.class,
                            e -> {
                                assertThat(e.reason())
                                        .isEqualTo(LinkIndexException.Reason.UNREACHABLE);
                                assertThat(e.retryable()).isTrue();
                            });
        } finally {
            openSearch.start();
        }

        assertThat(index.get("alice", id)).contains(before);
        LinkDocument after =
                SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT.plusSeconds(2));
        assertThat(index.put(id, after)).isEqualTo(PutOutcome.WRITTEN);
        assertThat(index.get("alice", id)).contains(after);
    }

    private OpenSearchLinkIndex open(String name) {
        OpenSearchLinkIndex opened =
                OpenSearchLinkIndex.create(
                        openSearch.endpoint(), openSearch.auth(), null, null, name);
        this.opened.add(opened);
        return opened;
    }
}
