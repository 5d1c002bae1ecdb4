package dev.linkcrawl.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.link.LinkId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link LinkIndex} does, run against OpenSearch ({@code OpenSearchLinkIndexIT}) and the
 * in-memory fake ({@code InMemoryLinkIndexTest}) so the fake cannot drift from the real index.
 */
abstract class LinkIndexContract {

    /** The index under test, created (ensured) and empty of the ids the tests use. */
    abstract LinkIndex index();

    /** Makes every write so far visible to {@link LinkIndex#search}. */
    abstract void makeSearchable();

    private static final Instant T0 = SampleDocuments.CRAWLED_AT;

    private static LinkId id(int n) {
        return new LinkId("%032x".formatted(n));
    }

    private LinkId put(int n, LinkDocument document) {
        LinkId id = id(n);
        index().put(id, document);
        return id;
    }

    private static List<LinkId> ids(LinkPage page) {
        return page.hits().stream().map(LinkHit::id).toList();
    }

    @Test
    void returnsTheStoredDocumentToItsOwner() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument document = SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT);

        assertThat(index().put(id, document)).isEqualTo(PutOutcome.WRITTEN);

        assertThat(index().get("alice", id)).contains(document);
    }

    @Test
    void returnsAFailedCrawlWithItsFailure() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument document = SampleDocuments.failed("alice", SampleDocuments.CRAWLED_AT);

        index().put(id, document);

        assertThat(index().get("alice", id)).contains(document);
    }

    @Test
    void hidesADocumentFromAnotherOwner() {
        LinkId id = SampleDocuments.randomId();
        index().put(id, SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT));

        assertThat(index().get("mallory", id)).isEmpty();
    }

    @Test
    void findsNothingUnderAnUnknownId() {
        assertThat(index().get("alice", SampleDocuments.randomId())).isEmpty();
    }

    @Test
    void keepsTheNewerCrawlWhenAnOlderOneArrivesLate() {
        LinkId id = SampleDocuments.randomId();
        Instant newer = SampleDocuments.CRAWLED_AT;
        LinkDocument newerDocument = SampleDocuments.full("alice", newer);
        index().put(id, newerDocument);

        PutOutcome outcome = index().put(id, SampleDocuments.failed("alice", newer.minusMillis(1)));

        assertThat(outcome).isEqualTo(PutOutcome.STALE);
        assertThat(index().get("alice", id)).contains(newerDocument);
    }

    @Test
    void replacesAnOlderCrawlWithANewerOne() {
        LinkId id = SampleDocuments.randomId();
        index().put(id, SampleDocuments.failed("alice", SampleDocuments.CRAWLED_AT));
        LinkDocument newer =
                SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT.plusMillis(1));

        assertThat(index().put(id, newer)).isEqualTo(PutOutcome.WRITTEN);

        assertThat(index().get("alice", id)).contains(newer);
    }

    @Test
    void reportsTheSameCrawlStoredTwiceAsStale() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument document = SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT);
        index().put(id, document);

        assertThat(index().put(id, document)).isEqualTo(PutOutcome.STALE);
        assertThat(index().get("alice", id)).contains(document);
    }

    @Test
    void storesKeywordValuesPastTheTermLimitOfTheIndex() {
        // 40 KB in UTF-8, past Lucene's 32,766-byte term: a page's author meta can be that long.
        String immense = "Ada Lovelace ".repeat(3_100);
        LinkDocument document =
                SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT).toBuilder()
                        .author(immense)
                        .siteName(immense)
                        .canonicalUrl("https://www.example.com/" + "a".repeat(40_000))
                        .keywords(List.of(immense))
                        .lang(immense)
                        .contentType(immense)
                        .build();
        LinkId id = SampleDocuments.randomId();

        assertThat(index().put(id, document)).isEqualTo(PutOutcome.WRITTEN);

        assertThat(index().get("alice", id)).contains(document);
    }

    @Test
    void deletesTheOwnersDocument() {
        LinkId id = SampleDocuments.randomId();
        index().put(id, SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT));

        assertThat(index().delete("alice", id)).isTrue();

        assertThat(index().get("alice", id)).isEmpty();
    }

    @Test
    void refusesToDeleteAnotherOwnersDocument() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument document = SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT);
        index().put(id, document);

        assertThat(index().delete("mallory", id)).isFalse();

        assertThat(index().get("alice", id)).contains(document);
    }

    @Test
    void reportsNothingDeletedForAnUnknownId() {
        assertThat(index().delete("alice", SampleDocuments.randomId())).isFalse();
    }

    @Test
    void reportsNothingDeletedTheSecondTime() {
        LinkId id = SampleDocuments.randomId();
        index().put(id, SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT));
        index().delete("alice", id);

        assertThat(index().delete("alice", id)).isFalse();
    }

    @Test
    void showsAQueuedLinkToItsOwner() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument queued = SampleDocuments.queued("alice", T0);

        assertThat(index().putQueued(id, queued)).isTrue();

        assertThat(index().get("alice", id)).contains(queued);
        assertThat(index().get("mallory", id)).isEmpty();
    }

    @Test
    void keepsTheCrawledPageWhenTheLinkIsSavedAgain() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument crawled = SampleDocuments.full("alice", T0);
        index().put(id, crawled);

        assertThat(index().putQueued(id, SampleDocuments.queued("alice", T0.plusSeconds(60))))
                .isFalse();

        assertThat(index().get("alice", id)).contains(crawled);
    }

    @Test
    void replacesAQueuedLinkWithItsCrawl() {
        LinkId id = SampleDocuments.randomId();
        index().putQueued(id, SampleDocuments.queued("alice", T0.minusSeconds(1)));
        LinkDocument crawled = SampleDocuments.full("alice", T0);

        assertThat(index().put(id, crawled)).isEqualTo(PutOutcome.WRITTEN);

        assertThat(index().get("alice", id)).contains(crawled);
    }

    @Test
    void deletesAQueuedLink() {
        LinkId id = SampleDocuments.randomId();
        index().putQueued(id, SampleDocuments.queued("alice", T0));

        assertThat(index().delete("alice", id)).isTrue();

        assertThat(index().get("alice", id)).isEmpty();
    }

    @Test
    void keepsALinkDeletedWhileItsCrawlRan() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument saved = SampleDocuments.full("alice", T0);
        index().put(id, saved);
        index().delete("alice", id);

        // The same save, crawled again (a retry, or a re-crawl queued before the delete).
        PutOutcome outcome = index().put(id, saved.toBuilder().crawledAt(Instant.now()).build());

        assertThat(outcome).isEqualTo(PutOutcome.DELETED);
        assertThat(index().get("alice", id)).isEmpty();
    }

    @Test
    void keepsALinkDeletedBeforeItsFirstCrawl() {
        LinkId id = SampleDocuments.randomId();
        Instant savedAt = Instant.now().minusSeconds(5);
        index().putQueued(id, SampleDocuments.queued("alice", savedAt));
        index().delete("alice", id);

        PutOutcome outcome =
                index().put(
                                id,
                                SampleDocuments.full("alice", Instant.now()).toBuilder()
                                        .submittedAt(savedAt)
                                        .build());

        assertThat(outcome).isEqualTo(PutOutcome.DELETED);
        assertThat(index().get("alice", id)).isEmpty();
    }

    @Test
    void readsTheOwnersDocumentAndNoDeletion() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument saved = SampleDocuments.full("alice", T0);
        index().put(id, saved);

        assertThat(index().read("alice", id))
                .isEqualTo(new StoredLink(Optional.of(saved), Optional.empty()));
        assertThat(index().read("bob", id).document()).isEmpty();
    }

    @Test
    void readsWhenALinkWasDeleted() {
        LinkId id = SampleDocuments.randomId();
        index().put(id, SampleDocuments.full("alice", T0));
        index().delete("alice", id);

        StoredLink stored = index().read("alice", id);

        assertThat(stored.document()).isEmpty();
        assertThat(stored.deletedAt()).isPresent();
    }

    @Test
    void keepsALinkDeletedBeforeTheReadItsWriteWasGiven() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument saved = SampleDocuments.full("alice", T0);
        index().put(id, saved);
        index().delete("alice", id);
        StoredLink before = index().read("alice", id);

        PutOutcome outcome =
                index().put(id, saved.toBuilder().crawledAt(Instant.now()).build(), before);

        assertThat(outcome).isEqualTo(PutOutcome.DELETED);
        assertThat(index().get("alice", id)).isEmpty();
    }

    @Test
    void writesWithWhatItReadLikeWithoutIt() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument older = SampleDocuments.full("alice", T0);
        LinkDocument newer = SampleDocuments.full("alice", T0.plusSeconds(60));
        index().put(id, newer);

        assertThat(index().put(id, older, index().read("alice", id))).isEqualTo(PutOutcome.STALE);
        assertThat(index().get("alice", id)).contains(newer);
    }

    @Test
    void storesASaveMadeAfterTheDeletion() {
        LinkId id = SampleDocuments.randomId();
        index().put(id, SampleDocuments.full("alice", T0));
        index().delete("alice", id);
        Instant savedAgain = Instant.now().plusSeconds(1);
        LinkDocument crawledAgain =
                SampleDocuments.full("alice", savedAgain.plusSeconds(1)).toBuilder()
                        .submittedAt(savedAgain)
                        .build();

        assertThat(index().put(id, crawledAgain)).isEqualTo(PutOutcome.WRITTEN);

        assertThat(index().get("alice", id)).contains(crawledAgain);
    }

    @Test
    void queuesASaveMadeAfterTheDeletionButNotOneMadeBefore() {
        LinkId id = SampleDocuments.randomId();
        Instant before = Instant.now().minusSeconds(5);
        index().put(id, SampleDocuments.full("alice", T0));
        index().delete("alice", id);

        assertThat(index().putQueued(id, SampleDocuments.queued("alice", before))).isFalse();
        LinkDocument savedAgain = SampleDocuments.queued("alice", Instant.now().plusSeconds(1));
        assertThat(index().putQueued(id, savedAgain)).isTrue();

        assertThat(index().get("alice", id)).contains(savedAgain);
    }

    @Test
    void recordsAFailedAttemptAndTheSavesTagsKeepingThePage() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument crawled = SampleDocuments.full("alice", T0);
        index().put(id, crawled);
        LinkDocument.Failure failure = new LinkDocument.Failure("http_error", "HTTP 503", true);
        Instant attempt = T0.plus(Duration.ofDays(1));

        boolean recorded =
                index().recordAttempt(
                                "alice",
                                id,
                                attempt,
                                failure,
                                Optional.empty(),
                                List.of("re-read"),
                                null);

        assertThat(recorded).isTrue();
        assertThat(index().get("alice", id))
                .contains(
                        crawled.toBuilder()
                                .lastAttemptAt(attempt)
                                .lastFailure(failure)
                                .tags(List.of("re-read"))
                                .note(null)
                                .build());
    }

    @Test
    void recordsNoAttemptOnAnotherOwnersOrADeletedLink() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument crawled = SampleDocuments.full("alice", T0);
        index().put(id, crawled);
        LinkDocument.Failure failure = new LinkDocument.Failure("timeout", "slow", true);

        assertThat(
                        index().recordAttempt(
                                        "mallory",
                                        id,
                                        T0,
                                        failure,
                                        Optional.empty(),
                                        List.of(),
                                        null))
                .isFalse();
        index().delete("alice", id);
        assertThat(
                        index().recordAttempt(
                                        "alice",
                                        id,
                                        T0,
                                        failure,
                                        Optional.empty(),
                                        List.of(),
                                        null))
                .isFalse();
        assertThat(
                        index().recordAttempt(
                                        "alice",
                                        SampleDocuments.randomId(),
                                        T0,
                                        failure,
                                        Optional.empty(),
                                        List.of(),
                                        null))
                .isFalse();
    }

    @Test
    void aFirstGoneCheckCountsItAndKeepsThePageCrawled() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument crawled = SampleDocuments.full("alice", T0);
        index().put(id, crawled);
        LinkDocument.Failure notFound = new LinkDocument.Failure("http_status", "HTTP 404", false);
        Instant attempt = T0.plus(Duration.ofDays(30));

        index().recordAttempt(
                        "alice",
                        id,
                        attempt,
                        notFound,
                        Optional.of(new GoneChecks(1, attempt)),
                        crawled.tags(),
                        crawled.note());

        LinkDocument stored = index().get("alice", id).orElseThrow();
        assertThat(stored.status()).isEqualTo(LinkDocument.Status.CRAWLED);
        assertThat(stored.goneChecks()).isEqualTo(1);
        assertThat(stored.goneSince()).isEqualTo(attempt);
        assertThat(stored.text()).isEqualTo(crawled.text());
    }

    @Test
    void aSecondGoneCheckMarksTheLinkGoneKeepingItsContentAndIsListedAsGone() {
        String owner = "gone-" + UUID.randomUUID();
        LinkId id = SampleDocuments.randomId();
        LinkDocument crawled = SampleDocuments.full(owner, T0);
        index().put(id, crawled);
        LinkDocument.Failure notFound = new LinkDocument.Failure("http_status", "HTTP 410", false);
        Instant first = T0.plus(Duration.ofDays(30));
        Instant second = T0.plus(Duration.ofDays(60));

        index().recordAttempt(
                        owner,
                        id,
                        second,
                        notFound,
                        Optional.of(new GoneChecks(2, first)),
                        crawled.tags(),
                        crawled.note());
        makeSearchable();

        LinkDocument stored = index().get(owner, id).orElseThrow();
        assertThat(stored.status()).isEqualTo(LinkDocument.Status.GONE);
        assertThat(stored.goneSince()).isEqualTo(first);
        assertThat(stored.title()).isEqualTo(crawled.title());
        assertThat(stored.text()).isEqualTo(crawled.text());
        assertThat(
                        index().search(LinkQuery.newest(owner).withStatus(LinkDocument.Status.GONE))
                                .hits())
                .extracting(LinkHit::id)
                .containsExactly(id);
    }

    @Test
    void anAttemptWithoutGoneChecksClearsThemAndTheGoneStatus() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument crawled = SampleDocuments.full("alice", T0);
        index().put(id, crawled);
        LinkDocument.Failure failure = new LinkDocument.Failure("http_status", "HTTP 404", false);
        index().recordAttempt(
                        "alice",
                        id,
                        T0.plusSeconds(1),
                        failure,
                        Optional.of(new GoneChecks(2, T0.plusSeconds(1))),
                        List.of(),
                        null);

        index().recordAttempt(
                        "alice", id, T0.plusSeconds(2), failure, Optional.empty(), List.of(), null);

        LinkDocument stored = index().get("alice", id).orElseThrow();
        assertThat(stored.status()).isEqualTo(LinkDocument.Status.CRAWLED);
        assertThat(stored.goneChecks()).isNull();
        assertThat(stored.goneSince()).isNull();
    }

    @Test
    void goneChecksNeverTouchAFailedDocument() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument failed = SampleDocuments.failed("alice", T0);
        index().put(id, failed);

        index().recordAttempt(
                        "alice",
                        id,
                        T0.plusSeconds(1),
                        failed.failure(),
                        Optional.of(new GoneChecks(2, T0)),
                        List.of(),
                        null);

        LinkDocument stored = index().get("alice", id).orElseThrow();
        assertThat(stored.status()).isEqualTo(LinkDocument.Status.FAILED);
        assertThat(stored.goneChecks()).isNull();
    }

    @Test
    void aSentPageKeepsItsSourceAndSendingTimeThroughAFailedAttempt() {
        LinkId id = SampleDocuments.randomId();
        index().put(
                        id,
                        SampleDocuments.full("alice", T0).toBuilder()
                                .source(LinkDocument.PageSource.CLIENT)
                                .pageSentAt(T0.minusSeconds(5))
                                .build());

        index().recordAttempt(
                        "alice",
                        id,
                        T0.plusSeconds(1),
                        new LinkDocument.Failure("bot_challenge", "Just a moment", false),
                        Optional.empty(),
                        List.of(),
                        null);

        LinkDocument stored = index().get("alice", id).orElseThrow();
        assertThat(stored.source()).isEqualTo(LinkDocument.PageSource.CLIENT);
        assertThat(stored.pageSentAt()).isEqualTo(T0.minusSeconds(5));
        assertThat(stored.lastFailure().code()).isEqualTo("bot_challenge");
    }

    @Test
    void listsOnlyTheLinksThatNeedAPageWhenAsked() {
        String owner = "needs-page-" + UUID.randomUUID();
        LinkId walled = SampleDocuments.randomId();
        index().put(
                        walled,
                        SampleDocuments.failed(owner, T0).toBuilder()
                                .failure(
                                        new LinkDocument.Failure(
                                                "bot_challenge", "Just a moment", false))
                                .needsPage(true)
                                .build());
        index().put(SampleDocuments.randomId(), SampleDocuments.full(owner, T0));
        makeSearchable();

        assertThat(index().search(LinkQuery.newest(owner).needingPage()).hits())
                .extracting(LinkHit::id)
                .containsExactly(walled);
        assertThat(index().get(owner, walled).orElseThrow().needsPage()).isTrue();
    }

    @Test
    void listsQueuedLinksFirstAndFiltersThem() {
        String owner = "queued-" + UUID.randomUUID();
        LinkId crawled = SampleDocuments.randomId();
        index().put(crawled, SampleDocuments.full(owner, T0));
        LinkId queued = SampleDocuments.randomId();
        index().putQueued(queued, SampleDocuments.queued(owner, T0));
        makeSearchable();

        assertThat(ids(index().search(LinkQuery.newest(owner)))).containsExactly(queued, crawled);
        assertThat(
                        ids(
                                index().search(
                                                LinkQuery.newest(owner)
                                                        .withStatus(LinkDocument.Status.QUEUED))))
                .containsExactly(queued);
    }

    @Test
    void pagesFromQueuedLinksToCrawledOnesReturningEachOnce() {
        String owner = "queued-pages-" + UUID.randomUUID();
        Set<LinkId> saved = new HashSet<>();
        for (int n = 0; n < 3; n++) {
            LinkId queued = SampleDocuments.randomId();
            index().putQueued(queued, SampleDocuments.queued(owner, T0));
            LinkId crawled = SampleDocuments.randomId();
            index().put(crawled, SampleDocuments.full(owner, T0.plusSeconds(n)));
            saved.add(queued);
            saved.add(crawled);
        }
        makeSearchable();

        List<LinkId> seen = new ArrayList<>();
        LinkQuery query = LinkQuery.newest(owner).withSize(2);
        for (int pages = 0; pages < 10; pages++) {
            LinkPage page = index().search(query);
            seen.addAll(ids(page));
            if (page.next().isEmpty()) {
                break;
            }
            query = query.after(page.next().get());
        }

        assertThat(seen).hasSize(6).containsExactlyInAnyOrderElementsOf(saved);
        assertThat(seen.subList(0, 3))
                .allSatisfy(
                        id ->
                                assertThat(index().get(owner, id).orElseThrow().crawledAt())
                                        .isNull());
    }

    @Test
    void neverListsOrFindsADeletedLink() {
        String owner = "deleted-" + UUID.randomUUID();
        LinkId id = SampleDocuments.randomId();
        index().put(id, SampleDocuments.full(owner, T0));
        index().delete(owner, id);
        makeSearchable();

        assertThat(index().search(LinkQuery.newest(owner)).hits()).isEmpty();
        assertThat(index().search(LinkQuery.newest(owner).withText("slow")).hits()).isEmpty();
    }

    @Test
    void treatsEnsureIndexAsIdempotent() {
        LinkId id = SampleDocuments.randomId();
        LinkDocument document = SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT);
        index().put(id, document);

        index().ensureIndex();
        index().ensureIndex();

        assertThat(index().get("alice", id)).contains(document);
    }

    @Test
    void listsTheOwnersLinksNewestFirst() {
        LinkId oldest = put(1, SampleDocuments.page("alice", "a", "a", List.of(), T0));
        LinkId newest =
                put(2, SampleDocuments.page("alice", "b", "b", List.of(), T0.plusSeconds(2)));
        LinkId middle =
                put(3, SampleDocuments.page("alice", "c", "c", List.of(), T0.plusSeconds(1)));
        put(4, SampleDocuments.page("mallory", "d", "d", List.of(), T0.plusSeconds(3)));
        makeSearchable();

        LinkPage page = index().search(LinkQuery.newest("alice"));

        assertThat(ids(page)).containsExactly(newest, middle, oldest);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void breaksCrawlTimeTiesByIdAscending() {
        put(3, SampleDocuments.page("alice", "c", "c", List.of(), T0));
        put(1, SampleDocuments.page("alice", "a", "a", List.of(), T0));
        put(2, SampleDocuments.page("alice", "b", "b", List.of(), T0));
        makeSearchable();

        assertThat(ids(index().search(LinkQuery.newest("alice"))))
                .containsExactly(id(1), id(2), id(3));
    }

    @Test
    void pagesThroughTheListingReturningEachLinkOnce() {
        Set<LinkId> stored = new HashSet<>();
        for (int n = 1; n <= 7; n++) {
            // Two links per crawl time, so pages also split ties.
            stored.add(
                    put(
                            n,
                            SampleDocuments.page(
                                    "alice", "t", "t", List.of(), T0.plusMillis(n / 2))));
        }
        makeSearchable();

        List<LinkId> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        LinkQuery query = LinkQuery.newest("alice").withSize(3);
        Optional<SortKey> next = Optional.empty();
        do {
            LinkPage page = index().search(next.map(query::after).orElse(query));
            seen.addAll(ids(page));
            sizes.add(page.hits().size());
            next = page.next();
        } while (next.isPresent());

        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(stored);
    }

    @Test
    void endsWithoutAnEmptyPageWhenTheLastPageIsFull() {
        put(1, SampleDocuments.page("alice", "a", "a", List.of(), T0));
        put(2, SampleDocuments.page("alice", "b", "b", List.of(), T0));
        makeSearchable();

        LinkPage page = index().search(LinkQuery.newest("alice").withSize(2));

        assertThat(page.hits()).hasSize(2);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void requiresEveryTagIgnoringCase() {
        LinkId both =
                put(
                        1,
                        SampleDocuments.page(
                                "alice", "a", "a", List.of("Architecture", "postmortem"), T0));
        LinkId one = put(2, SampleDocuments.page("alice", "b", "b", List.of("architecture"), T0));
        put(3, SampleDocuments.page("alice", "c", "c", List.of("other"), T0));
        put(4, SampleDocuments.page("mallory", "d", "d", List.of("architecture"), T0));
        makeSearchable();

        LinkQuery query = LinkQuery.newest("alice");
        assertThat(ids(index().search(query.withTags(List.of("ARCHITECTURE")))))
                .containsExactly(both, one);
        assertThat(ids(index().search(query.withTags(List.of("architecture", "PostMortem")))))
                .containsExactly(both);
        assertThat(index().search(query.withTags(List.of("architect"))).hits()).isEmpty();
    }

    @Test
    void filtersByStatus() {
        LinkId crawled = put(1, SampleDocuments.page("alice", "a", "a", List.of(), T0));
        LinkId failed = put(2, SampleDocuments.failed("alice", T0));
        makeSearchable();

        LinkQuery query = LinkQuery.newest("alice");
        assertThat(ids(index().search(query.withStatus(LinkDocument.Status.FAILED))))
                .containsExactly(failed);
        assertThat(ids(index().search(query.withStatus(LinkDocument.Status.CRAWLED))))
                .containsExactly(crawled);
    }

    @Test
    void filtersByPageType() {
        LinkId forum =
                put(
                        1,
                        SampleDocuments.page("alice", "a", "a", List.of(), T0).toBuilder()
                                .pageType(PageType.FORUM)
                                .build());
        put(
                2,
                SampleDocuments.page("alice", "b", "b", List.of(), T0).toBuilder()
                        .pageType(PageType.PRODUCT)
                        .build());
        put(3, SampleDocuments.page("alice", "c", "c", List.of(), T0));
        makeSearchable();

        LinkQuery query = LinkQuery.newest("alice");
        assertThat(ids(index().search(query.withType(PageType.FORUM)))).containsExactly(forum);
        assertThat(index().search(query.withType(PageType.DOCUMENTATION)).hits()).isEmpty();
    }

    @Test
    void keepsThePageTypeAndExtractionConfidence() {
        LinkId id = put(1, SampleDocuments.full("alice", T0));

        LinkDocument stored = index().get("alice", id).orElseThrow();

        assertThat(stored.pageType()).isEqualTo(PageType.ARTICLE);
        assertThat(stored.extractionConfidence()).isEqualTo(0.875);
    }

    @Test
    void returnsWhatAResultShows() {
        LinkId id = put(1, SampleDocuments.full("alice", T0));
        makeSearchable();

        LinkHit hit = index().search(LinkQuery.newest("alice")).hits().getFirst();

        LinkDocument full = SampleDocuments.full("alice", T0);
        assertThat(hit)
                .isEqualTo(
                        new LinkHit(
                                id,
                                full.url(),
                                full.finalUrl(),
                                full.title(),
                                full.description(),
                                full.siteName(),
                                full.image(),
                                full.favicon(),
                                full.status(),
                                full.pageType(),
                                full.crawledAt(),
                                full.tags(),
                                null));
    }

    @Test
    void ranksATitleMatchAboveAMainTextMatch() {
        // The text match is newer, so only relevance puts the title match first.
        LinkId inTitle =
                put(
                        1,
                        SampleDocuments.page(
                                "alice", "Zeppelin history", "Airships.", List.of(), T0));
        LinkId inText =
                put(
                        2,
                        SampleDocuments.page(
                                "alice",
                                "Airships",
                                "A long story that mentions a zeppelin once.",
                                List.of(),
                                T0.plusSeconds(60)));
        makeSearchable();

        LinkPage page = index().search(LinkQuery.newest("alice").withText("zeppelin"));

        assertThat(ids(page)).containsExactly(inTitle, inText);
    }

    @Test
    void requiresEveryWordOfTheText() {
        LinkId both =
                put(
                        1,
                        SampleDocuments.page(
                                "alice", "Zeppelin", "an airship story", List.of(), T0));
        put(2, SampleDocuments.page("alice", "Zeppelin", "a balloon story", List.of(), T0));
        makeSearchable();

        assertThat(ids(index().search(LinkQuery.newest("alice").withText("zeppelin airship"))))
                .containsExactly(both);
    }

    @Test
    void matchesWordsInTagsAndUrls() {
        LinkDocument tagged =
                SampleDocuments.page("alice", "Untitled", "nothing", List.of("zeppelin"), T0);
        LinkId byTag = put(1, tagged);
        LinkId byUrl =
                put(
                        2,
                        SampleDocuments.page("alice", "Untitled", "nothing", List.of(), T0)
                                .toBuilder()
                                .url("https://airships.example/zeppelin-history")
                                .build());
        makeSearchable();

        assertThat(ids(index().search(LinkQuery.newest("alice").withText("zeppelin"))))
                .containsExactlyInAnyOrder(byTag, byUrl);
    }

    @Test
    void neverSearchesAnotherOwnersLinks() {
        put(1, SampleDocuments.page("mallory", "Zeppelin", "zeppelin", List.of(), T0));
        makeSearchable();

        assertThat(index().search(LinkQuery.newest("alice").withText("zeppelin")).hits()).isEmpty();
    }

    @Test
    void marksMatchesAndEscapesThePageTextInHighlights() {
        put(
                1,
                SampleDocuments.page(
                        "alice",
                        "The zeppelin",
                        "Before. <b onclick=x>A zeppelin</b> & café after.",
                        List.of(),
                        T0));
        makeSearchable();

        LinkHit hit =
                index().search(LinkQuery.newest("alice").withText("zeppelin")).hits().getFirst();

        assertThat(hit.highlight().get("title")).containsExactly("The <mark>zeppelin</mark>");
        assertThat(hit.highlight().get("text"))
                .singleElement()
                .asString()
                .contains("<mark>zeppelin</mark>")
                .contains("&lt;b onclick=x&gt;A <mark>zeppelin</mark>&lt;&#x2F;b&gt; &amp; café")
                .doesNotContain("<b");
    }

    @Test
    void highlightsNothingInAListing() {
        put(1, SampleDocuments.page("alice", "Zeppelin", "zeppelin", List.of(), T0));
        makeSearchable();

        assertThat(index().search(LinkQuery.newest("alice")).hits().getFirst().highlight())
                .isEmpty();
    }

    @Test
    void pagesThroughSearchResultsReturningEachLinkOnce() {
        Set<LinkId> matching = new HashSet<>();
        for (int n = 1; n <= 5; n++) {
            // Equal scores for n = 1..4 (same text): only the id orders them.
            String title = n == 5 ? "zeppelin zeppelin" : "zeppelin";
            matching.add(put(n, SampleDocuments.page("alice", title, "story", List.of(), T0)));
        }
        put(6, SampleDocuments.page("alice", "balloon", "story", List.of(), T0));
        makeSearchable();

        List<LinkId> seen = new ArrayList<>();
        LinkQuery query = LinkQuery.newest("alice").withText("zeppelin").withSize(2);
        Optional<SortKey> next = Optional.empty();
        int pages = 0;
        do {
            LinkPage page = index().search(next.map(query::after).orElse(query));
            seen.addAll(ids(page));
            next = page.next();
            pages++;
        } while (next.isPresent() && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(matching);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "**", "* *", "\"", "( )", "* ( \\ \"", "?", "-", "&&"})
    void findsNothingForTextWithoutAWord(String text) {
        put(
                1,
                SampleDocuments.page(
                        "alice", "Zeppelin", "zeppelin * ( ) \\ \" ? -", List.of(), T0));
        makeSearchable();

        assertThat(index().search(LinkQuery.newest("alice").withText(text)).hits()).isEmpty();
    }

    @Test
    void searchesOnlyTheFirstSixtyFourWords() {
        StringBuilder words = new StringBuilder();
        for (int n = 1; n <= LinkQuery.MAX_WORDS; n++) {
            words.append("w").append(n).append("x ");
        }
        LinkId id = put(1, SampleDocuments.page("alice", "t", words.toString(), List.of(), T0));
        makeSearchable();

        LinkPage page = index().search(LinkQuery.newest("alice").withText(words + "absentword"));

        assertThat(ids(page)).containsExactly(id);
    }

    @Test
    void recrawlVisitsStaleAndRetryablyFailedLinksOldestFirst() {
        String owner = "recrawl-" + UUID.randomUUID();
        Instant cutoff = T0.minus(Duration.ofDays(30));
        LinkId old = SampleDocuments.randomId();
        index().put(old, SampleDocuments.full(owner, cutoff.minus(Duration.ofDays(5))));
        LinkId fresh = SampleDocuments.randomId();
        index().put(fresh, SampleDocuments.full(owner, T0));
        LinkId retryable = SampleDocuments.randomId();
        index().put(
                        retryable,
                        SampleDocuments.failed(owner, T0.minusSeconds(60)).toBuilder()
                                .failure(new LinkDocument.Failure("timeout", "too slow", true))
                                .build());
        LinkId permanent = SampleDocuments.randomId();
        index().put(permanent, SampleDocuments.failed(owner, T0.minusSeconds(30)));
        LinkId oldFailure = SampleDocuments.randomId();
        index().put(oldFailure, SampleDocuments.failed(owner, cutoff.minus(Duration.ofDays(1))));
        makeSearchable();

        List<RecrawlCandidate> visited = new ArrayList<>();
        index().forEachDueForRecrawl(
                        cutoff,
                        10_000,
                        candidate -> {
                            if (candidate.owner().equals(owner)) {
                                visited.add(candidate);
                            }
                        });

        assertThat(visited)
                .extracting(RecrawlCandidate::id)
                .containsExactly(old, oldFailure, retryable);
        RecrawlCandidate first = visited.getFirst();
        assertThat(first.url()).isEqualTo(SampleDocuments.full(owner, T0).url());
        assertThat(first.tags()).isEqualTo(SampleDocuments.full(owner, T0).tags());
        assertThat(first.submittedAt()).isEqualTo(SampleDocuments.full(owner, T0).submittedAt());
    }

    @Test
    void recrawlVisitsTheLeastRecentlyAttemptedFirstAndNeverQueuedOrDeletedLinks() {
        String owner = "recrawl-" + UUID.randomUUID();
        Instant cutoff = T0.minus(Duration.ofDays(30));
        LinkId deadButTried = SampleDocuments.randomId();
        index().put(deadButTried, SampleDocuments.full(owner, cutoff.minus(Duration.ofDays(90))));
        index().recordAttempt(
                        owner,
                        deadButTried,
                        cutoff.minus(Duration.ofDays(1)),
                        new LinkDocument.Failure("http_error", "HTTP 404", false),
                        Optional.empty(),
                        List.of(),
                        null);
        LinkId stale = SampleDocuments.randomId();
        index().put(
                        stale,
                        SampleDocuments.full(owner, cutoff.minus(Duration.ofDays(60))).toBuilder()
                                .lastAttemptAt(cutoff.minus(Duration.ofDays(60)))
                                .build());
        LinkId triedLately = SampleDocuments.randomId();
        index().put(triedLately, SampleDocuments.full(owner, cutoff.minus(Duration.ofDays(90))));
        index().recordAttempt(
                        owner,
                        triedLately,
                        T0,
                        new LinkDocument.Failure("http_error", "HTTP 404", false),
                        Optional.empty(),
                        List.of(),
                        null);
        index().putQueued(SampleDocuments.randomId(), SampleDocuments.queued(owner, cutoff));
        LinkId deleted = SampleDocuments.randomId();
        index().put(deleted, SampleDocuments.full(owner, cutoff.minus(Duration.ofDays(200))));
        index().delete(owner, deleted);
        makeSearchable();

        List<LinkId> visited = new ArrayList<>();
        index().forEachDueForRecrawl(
                        cutoff,
                        10_000,
                        candidate -> {
                            if (candidate.owner().equals(owner)) {
                                visited.add(candidate.id());
                            }
                        });

        assertThat(visited).containsExactly(stale, deadButTried);
    }

    @Test
    void recrawlStopsAtItsLimit() {
        String owner = "recrawl-" + UUID.randomUUID();
        for (int n = 0; n < 5; n++) {
            index().put(
                            SampleDocuments.randomId(),
                            SampleDocuments.full(owner, T0.minus(Duration.ofDays(400 + n))));
        }
        makeSearchable();

        int visited = index().forEachDueForRecrawl(T0, 3, candidate -> {});

        assertThat(visited).isEqualTo(3);
    }
}
