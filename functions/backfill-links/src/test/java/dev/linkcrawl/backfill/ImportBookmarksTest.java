package dev.linkcrawl.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.backfill.format.ImportFormat;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlSource;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.link.TenantKey;
import dev.linkcrawl.testing.InMemoryOwnerQuotas;
import dev.linkcrawl.testing.ManualClock;
import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ImportBookmarksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-27T10:30:00Z");
    private static final String FIREFOX = "/dev/linkcrawl/backfill/format/firefox-bookmarks.html";

    private final InMemoryImportStore store = new InMemoryImportStore();
    private final InMemoryBackfillQueue queue = new InMemoryBackfillQueue();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final ManualClock clock = new ManualClock(NOW);
    private final InMemoryOwnerQuotas quotas = new InMemoryOwnerQuotas();
    private ImportLimits limits = ImportLimits.DEFAULT;

    @Test
    void queuesEachValidLinkOfAFirefoxExportAndCountsTheRest() {
        ImportResult result = importFixture("imports/alice/bookmarks.html", FIREFOX);

        assertThat(result.format()).isEqualTo(ImportFormat.NETSCAPE_HTML);
        assertThat(result.accepted()).isEqualTo(5);
        assertThat(result.duplicates()).isZero();
        assertThat(result.invalid()).isEqualTo(3);
        assertThat(result.notEnqueued()).isZero();
        assertThat(result.errors())
                .extracting(ImportResult.LineError::line, ImportResult.LineError::reason)
                .containsExactly(
                        tuple(12, "blocked_scheme"),
                        tuple(26, "blocked_scheme"),
                        tuple(31, "blocked_address"));
        assertThat(result.complete()).isTrue();
        assertThat(queue.stored)
                .extracting(CrawlMessage::url)
                .containsExactly(
                        "https://support.mozilla.org/products/firefox",
                        "https://www.mozilla.org/en-US/firefox/central/",
                        "https://doc.rust-lang.org/book/",
                        "https://cooking.example.org/recipes/shakshuka?serves=2&spicy=1",
                        "https://news.ycombinator.com/item?id=38000000");
    }

    @Test
    void messagesCarryOwnerIdSourceTagsNoteAndImportTime() {
        importFixture("imports/alice/bookmarks.html", FIREFOX);

        CrawlMessage rust = queue.stored.get(2);
        assertThat(rust.owner()).isEqualTo("alice");
        assertThat(rust.id())
                .isEqualTo(LinkId.of("alice", accepted("https://doc.rust-lang.org/book/")));
        assertThat(rust.source()).isEqualTo(CrawlSource.IMPORT);
        assertThat(rust.tags()).containsExactly("rust", "books");
        assertThat(rust.note()).isEqualTo("Read chapters 4 & 10 again");
        assertThat(rust.submittedAt()).isEqualTo(NOW);
    }

    @Test
    void sendsBatchesOfTenAtMost() {
        store.put("imports/bob/urls.txt", urls(25));

        run("imports/bob/urls.txt");

        assertThat(queue.calls).containsExactly(10, 10, 5);
    }

    @Test
    void duplicatesAreCountedAndSentOnce() {
        store.put(
                "imports/bob/urls.txt",
                text(
                        "https://example.com/a\n"
                                + "https://EXAMPLE.com/a#section\n"
                                + "https://example.com/b\n"
                                + "https://example.com/a?utm_source=feed\n"));

        ImportResult result = run("imports/bob/urls.txt");

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.duplicates()).isEqualTo(2);
        assertThat(queue.stored)
                .extracting(CrawlMessage::url)
                .containsExactly("https://example.com/a", "https://example.com/b");
    }

    @Test
    void marksTheImportIncompleteBeforeReadingAFirstLine() throws Exception {
        store.put("imports/bob/urls.txt", urls(3));

        run("imports/bob/urls.txt");

        assertThat(store.writes).hasSize(2);
        assertThat(JSON.readTree(store.writes.get(0)))
                .isEqualTo(
                        JSON.readTree(
                                """
                                {"key": "imports/bob/urls.txt", "complete": false,
                                 "startedAt": "2026-11-27T10:30:00Z"}
                                """));
        assertThat(store.result("imports/bob/urls.txt.result.json").get("complete").asBoolean())
                .isTrue();
    }

    @Test
    void writesTheResultBesideTheUpload() throws Exception {
        store.put(
                "imports/bob/urls.txt",
                text(
                        "https://example.com/a\nnot a url\nhttps://example.com/a\nftp://x.example/\n"));

        run("imports/bob/urls.txt");

        assertThat(store.results).containsOnlyKeys("imports/bob/urls.txt.result.json");
        assertThat(store.result("imports/bob/urls.txt.result.json"))
                .isEqualTo(
                        JSON.readTree(
                                """
                                {"key": "imports/bob/urls.txt", "format": "plain_text",
                                 "complete": true, "accepted": 1, "duplicates": 1, "invalid": 2,
                                 "notEnqueued": 0,
                                 "errors": [{"line": 2, "reason": "invalid_character"},
                                            {"line": 4, "reason": "blocked_scheme"}],
                                 "errorsOmitted": 0, "stopped": null,
                                 "finishedAt": "2026-11-27T10:30:00Z"}
                                """));
    }

    @Test
    void importingTheSameFileAgainQueuesTheSameIds() {
        importFixture("imports/alice/bookmarks.html", FIREFOX);
        List<LinkId> first = queue.stored.stream().map(CrawlMessage::id).toList();
        queue.stored.clear();

        run("imports/alice/bookmarks.html");

        assertThat(queue.stored).extracting(CrawlMessage::id).containsExactlyElementsOf(first);
    }

    @Test
    void thePartOfABatchTheQueueRefusedIsSentAgainAfterAPause() {
        store.put("imports/bob/urls.txt", urls(10));
        queue.thenFail(3, 7);

        ImportResult result = run("imports/bob/urls.txt");

        assertThat(queue.calls).containsExactly(10, 2);
        assertThat(sleeper.pauses).containsExactly(Duration.ofMillis(100));
        assertThat(result.accepted()).isEqualTo(10);
        assertThat(result.notEnqueued()).isZero();
        assertThat(queue.stored).hasSize(10);
    }

    @Test
    void pausesDoubleBetweenAttempts() {
        store.put("imports/bob/urls.txt", urls(10));
        queue.thenFail(0).thenFail(0).thenFail(0).thenStore();

        run("imports/bob/urls.txt");

        assertThat(queue.calls).containsExactly(10, 1, 1, 1);
        assertThat(sleeper.pauses)
                .containsExactly(
                        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void whatTheQueueStillRefusesAfterTheLastAttemptIsReportedWithItsLine() {
        store.put(
                "imports/bob/urls.txt",
                text(
                        "https://example.com/1\nhttps://example.com/refused\nhttps://example.com/3\n"));
        queue.alwaysFailUrlsContaining("refused", true);

        ImportResult result = run("imports/bob/urls.txt");

        assertThat(queue.calls).containsExactly(3, 1, 1, 1, 1);
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.notEnqueued()).isEqualTo(1);
        assertThat(result.errors()).containsExactly(new ImportResult.LineError(2, "not_enqueued"));
        assertThat(result.complete()).isTrue();
        assertThat(queue.stored)
                .extracting(CrawlMessage::url)
                .containsExactly("https://example.com/1", "https://example.com/3");
    }

    @Test
    void aMessageTheQueueRefusesForItsContentIsNotSentAgain() {
        store.put(
                "imports/bob/urls.txt",
                text("https://example.com/refused\nhttps://example.com/2\n"));
        queue.alwaysFailUrlsContaining("refused", false);

        ImportResult result = run("imports/bob/urls.txt");

        assertThat(queue.calls).containsExactly(2);
        assertThat(sleeper.pauses).isEmpty();
        assertThat(result.notEnqueued()).isEqualTo(1);
        assertThat(result.errors()).containsExactly(new ImportResult.LineError(1, "not_enqueued"));
    }

    @Test
    void aQueueOutageStopsTheImportAndReportsTheBatchItWasSending() {
        store.put("imports/bob/urls.txt", urls(25));
        queue.down();

        ImportResult result = run("imports/bob/urls.txt");

        assertThat(queue.calls).containsExactly(10, 10, 10, 10, 10);
        assertThat(result.accepted()).isZero();
        assertThat(result.notEnqueued()).isEqualTo(10);
        assertThat(result.errors())
                .extracting(ImportResult.LineError::line)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(result.stopped())
                .contains(new ImportResult.Stop(10, StopReason.QUEUE_UNAVAILABLE));
    }

    @Test
    void theErrorListIsCappedAndSaysHowManyItLeftOut() {
        limits = new ImportLimits(1000, 1_000_000, 2);
        store.put("imports/bob/urls.txt", text("not a url\n".repeat(1500)));

        ImportResult result = run("imports/bob/urls.txt");

        assertThat(result.invalid()).isEqualTo(1500);
        assertThat(result.errors()).hasSize(1000);
        assertThat(result.errors().getLast().line()).isEqualTo(1000);
        assertThat(result.errorsOmitted()).isEqualTo(500);
    }

    @Test
    void aFileWithMoreLinksThanTheLimitStopsAtTheFirstOneOver() {
        limits = new ImportLimits(1000, 3, 2);
        store.put("imports/bob/urls.txt", urls(5));

        ImportResult result = run("imports/bob/urls.txt");

        assertThat(result.accepted()).isEqualTo(3);
        assertThat(result.stopped())
                .contains(new ImportResult.Stop(4, StopReason.TOO_MANY_LINKS, OptionalInt.of(3)));
    }

    @Test
    void theResultOfAnImportPastItsLinkLimitNamesTheLimit() throws Exception {
        limits = new ImportLimits(1000, 3, 2);
        store.put("imports/bob/urls.txt", urls(5));

        ImportResult result = run("imports/bob/urls.txt");

        assertThat(JSON.readTree(result.toJson()).get("stopped"))
                .isEqualTo(
                        JSON.readTree(
                                """
                                {"line": 4, "reason": "too_many_links",
                                 "limit": "import_links", "max": 3}
                                """));
    }

    @Test
    void anOwnerPastItsImportsAtOnceGetsAResultThatNamesTheLimitAndNothingIsQueued()
            throws Exception {
        limits = new ImportLimits(1000, 100, 1);
        quotas.hold(
                ImportBookmarks.IMPORTS_POOL,
                TenantKey.of("bob"),
                "imports/bob/other.txt",
                1,
                NOW,
                NOW.plusSeconds(600));
        store.put("imports/bob/urls.txt", urls(5));

        ImportResult result = run("imports/bob/urls.txt");

        assertThat(queue.stored).isEmpty();
        assertThat(result.complete()).isFalse();
        assertThat(result.stopped().get().reason().retryable()).isTrue();
        assertThat(JSON.readTree(result.toJson()).get("stopped"))
                .isEqualTo(
                        JSON.readTree(
                                """
                                {"line": 0, "reason": "too_many_imports",
                                 "limit": "imports_at_once", "max": 1}
                                """));
    }

    @Test
    void anotherOwnersImportsDoNotCountAgainstThisOne() {
        limits = new ImportLimits(1000, 100, 1);
        quotas.hold(
                ImportBookmarks.IMPORTS_POOL,
                TenantKey.of("alice"),
                "imports/alice/other.txt",
                1,
                NOW,
                NOW.plusSeconds(600));
        store.put("imports/bob/urls.txt", urls(5));

        assertThat(run("imports/bob/urls.txt").accepted()).isEqualTo(5);
    }

    @Test
    void aFinishedImportGivesItsPlaceBack() {
        limits = new ImportLimits(1000, 100, 1);
        store.put("imports/bob/urls.txt", urls(2));
        store.put("imports/bob/more.txt", urls(3));

        run("imports/bob/urls.txt");

        assertThat(quotas.held(ImportBookmarks.IMPORTS_POOL, TenantKey.of("bob"), NOW)).isZero();
        assertThat(run("imports/bob/more.txt").accepted()).isEqualTo(3);
    }

    @Test
    void anImportGoesOnWhenTheCountsCannotBeReached() {
        limits = new ImportLimits(1000, 100, 1);
        quotas.unavailable(true);
        store.put("imports/bob/urls.txt", urls(4));

        assertThat(run("imports/bob/urls.txt").accepted()).isEqualTo(4);
    }

    @Test
    void readingStopsWhenTheTimeLimitPassesAndWhatWasReadIsStillSent() {
        store.put("imports/bob/urls.txt", urls(30));
        queue.onCall = () -> clock.advance(Duration.ofSeconds(10));

        ImportResult result = run("imports/bob/urls.txt", NOW.plus(Duration.ofSeconds(15)));

        assertThat(result.stopped()).contains(new ImportResult.Stop(21, StopReason.TIME_LIMIT));
        assertThat(result.accepted()).isEqualTo(20);
    }

    @Test
    void aStreamThatBreaksMidFileStopsTheImportButKeepsWhatWasRead() {
        // More than the 8 KiB looked at to tell the format, so the break comes while reading.
        byte[] before = urls(2000);
        store.put(
                "imports/bob/urls.txt",
                () ->
                        new SequenceInputStream(
                                new ByteArrayInputStream(before),
                                new InputStream() {
                                    @Override
                                    public int read() throws IOException {
                                        throw new IOException("connection reset");
                                    }
                                }));

        ImportResult result = run("imports/bob/urls.txt");

        assertThat(result.stopped())
                .hasValueSatisfying(
                        stop -> {
                            assertThat(stop.reason()).isEqualTo(StopReason.READ_FAILED);
                            assertThat(stop.line()).isBetween(1, 2000);
                            assertThat(result.accepted()).isEqualTo(stop.line());
                        });
        assertThat(queue.stored).hasSize(result.accepted());
    }

    @Test
    void aWindows1252ExportImportsItsAsciiUrlsAndRefusesTheMangledOnes() {
        ImportResult result =
                importFixture(
                        "imports/bob/favoris.html",
                        "/dev/linkcrawl/backfill/format/windows-1252-bookmarks.html");

        assertThat(result.errors())
                .containsExactly(new ImportResult.LineError(8, "undecodable_url"));
        assertThat(queue.stored)
                .singleElement()
                .satisfies(
                        menu -> {
                            assertThat(menu.url()).isEqualTo("https://www.example.fr/menu");
                            assertThat(menu.tags()).containsExactly("Caf\ufffds");
                        });
    }

    @Test
    void aBinaryUploadIsReportedUnsupported() {
        store.put("imports/bob/archive.zip", new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});

        ImportResult result = run("imports/bob/archive.zip");

        assertThat(result.format()).isEqualTo(ImportFormat.UNSUPPORTED);
        assertThat(result.errors())
                .containsExactly(new ImportResult.LineError(1, "unsupported_format"));
        assertThat(result.stopped()).contains(new ImportResult.Stop(1, StopReason.PARSE_ERROR));
        assertThat(queue.calls).isEmpty();
    }

    @Test
    void aJsonOfNoKnownShapeIsUnsupportedAndTheResultNamesItsKeys() throws Exception {
        store.put(
                "imports/bob/export.json",
                text("{\"version\": 2, \"items\": [{\"link\": \"https://a.example/\"}]}"));

        run("imports/bob/export.json");

        assertThat(store.result("imports/bob/export.json.result.json"))
                .isEqualTo(
                        JSON.readTree(
                                """
                                {"key": "imports/bob/export.json", "format": "unsupported",
                                 "unsupported": {"looksLike": "json_object",
                                                 "keys": ["version", "items"]},
                                 "complete": false, "accepted": 0, "duplicates": 0, "invalid": 1,
                                 "notEnqueued": 0,
                                 "errors": [{"line": 1, "reason": "unsupported_format"}],
                                 "errorsOmitted": 0,
                                 "stopped": {"line": 1, "reason": "parse_error"},
                                 "finishedAt": "2026-11-27T10:30:00Z"}
                                """));
        assertThat(queue.calls).isEmpty();
    }

    @Test
    void tagsAndNotesOfAnAppExportTravelWithTheLinks() {
        importFixture(
                "imports/bob/export.json", "/dev/linkcrawl/backfill/format/karakeep-export.json");

        assertThat(queue.stored)
                .filteredOn(message -> message.url().startsWith("https://cooking.example.com/"))
                .singleElement()
                .satisfies(
                        message -> {
                            assertThat(message.tags()).containsExactly("recipes", "dessert");
                            assertThat(message.note()).isEqualTo("Use 6 yolks, not 4");
                        });
    }

    @Test
    void anUploadDeletedBeforeTheImportIsMissingAndNothingIsWritten() throws Exception {
        ImportUpload gone = new ImportUpload("bucket", "imports/bob/gone.txt", "bob");

        ImportBookmarks.Outcome outcome = importBookmarks().run(gone, Instant.MAX);

        assertThat(outcome).isEqualTo(new ImportBookmarks.Outcome.Missing(gone));
        assertThat(store.results).isEmpty();
    }

    private ImportResult importFixture(String key, String resource) {
        store.putResource(key, resource);
        return run(key);
    }

    private ImportResult run(String key) {
        return run(key, Instant.MAX);
    }

    private ImportResult run(String key, Instant stopBy) {
        ImportUpload upload = (ImportUpload) ImportKey.of("linkcrawl-imports", key);
        try {
            ImportBookmarks.Outcome outcome = importBookmarks().run(upload, stopBy);
            ImportResult result = ((ImportBookmarks.Outcome.Imported) outcome).result();
            assertThat(store.result(upload.resultKey())).isEqualTo(JSON.readTree(result.toJson()));
            return result;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private ImportBookmarks importBookmarks() {
        return new ImportBookmarks(
                store,
                queue,
                UrlPolicy.DEFAULT,
                clock,
                Backoff.DEFAULT,
                sleeper,
                limits,
                Optional.of(quotas));
    }

    private static byte[] urls(int count) {
        return text(
                IntStream.rangeClosed(1, count)
                        .mapToObj(i -> "https://example.com/" + i)
                        .collect(Collectors.joining("\n")));
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static LinkUrl accepted(String url) {
        return ((UrlCheck.Accepted) LinkUrl.check(url, UrlPolicy.DEFAULT)).url();
    }
}
