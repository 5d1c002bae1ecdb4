package dev.linkcrawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.crawl.extract.ExtractedPage;
import dev.linkcrawl.crawl.extract.PageExtractor;
import dev.linkcrawl.crawl.fetch.FailureCode;
import dev.linkcrawl.crawl.fetch.FetchOutcome;
import dev.linkcrawl.crawl.fetch.Redirect;
import dev.linkcrawl.index.DocumentLimits;
import dev.linkcrawl.index.GoneChecks;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.index.LinkIndex;
import dev.linkcrawl.index.LinkIndexException;
import dev.linkcrawl.index.LinkPage;
import dev.linkcrawl.index.LinkQuery;
import dev.linkcrawl.index.PutOutcome;
import dev.linkcrawl.index.RecrawlCandidate;
import dev.linkcrawl.index.StoredLink;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlSource;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.testing.InMemoryLinkIndex;
import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CrawlLinkTest {

    private static final Instant SUBMITTED = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:05Z");
    private static final String ARTICLE =
            """
            <html lang="en"><head><title>Slow links | Example</title>
            <meta property="og:title" content="Slow links">
            <meta property="og:site_name" content="Example">
            <meta name="author" content="Ada Lovelace"></head>
            <body><nav>Home About</nav><article><h1>Slow links</h1>
            <p>One slow link froze the whole server and every visitor waited for it.</p>
            <p>Queues keep each fetch in its own invocation, with its own deadline.</p>
            </article><footer>© Example</footer></body></html>
            """;

    private static final String BOT_CHECK =
            "<html><head><title>Just a moment...</title></head><body>"
                    + "<h1>Checking your browser before accessing example.com</h1>"
                    + "<script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1\"></script>"
                    + "</body></html>";

    private final InMemoryLinkIndex index = new InMemoryLinkIndex();

    @Test
    void crawledPageBecomesADocumentWithItsExtractedFields() {
        CrawlMessage message = message("https://example.com/slow");

        var outcome = crawl(url -> page(url, ARTICLE), message, 1);

        assertThat(outcome)
                .isEqualTo(new CrawlLink.Outcome.Indexed(LinkDocument.Status.CRAWLED, null));
        LinkDocument document = stored(message);
        assertThat(document.title()).isEqualTo("Slow links");
        assertThat(document.siteName()).isEqualTo("Example");
        assertThat(document.author()).isEqualTo("Ada Lovelace");
        assertThat(document.lang()).isEqualTo("en");
        assertThat(document.text()).contains("One slow link froze").doesNotContain("Home About");
        assertThat(document.httpStatus()).isEqualTo(200);
        assertThat(document.contentType()).isEqualTo("text/html");
        assertThat(document.crawledAt()).isEqualTo(NOW);
    }

    @Test
    void documentCarriesThePageTypeAndExtractionConfidence() {
        CrawlMessage message = message("https://example.com/slow");

        crawl(url -> page(url, ARTICLE), message, 1);

        LinkDocument document = stored(message);
        ExtractedPage extracted = new PageExtractor().extract(ARTICLE, "https://example.com/slow");
        assertThat(document.pageType()).isEqualTo(extracted.pageType()).isNotNull();
        assertThat(document.extractionConfidence())
                .isEqualTo(extracted.extractionConfidence())
                .isBetween(0.0, 1.0);
    }

    @Test
    void documentKeepsOwnerTagsNoteSubmissionTimeAndUrlHash() {
        CrawlMessage message = message("https://example.com/slow");

        crawl(url -> page(url, ARTICLE), message, 1);

        LinkDocument document = stored(message);
        assertThat(document.owner()).isEqualTo("alice");
        assertThat(document.url()).isEqualTo("https://example.com/slow");
        assertThat(document.tags()).containsExactly("reading");
        assertThat(document.note()).isEqualTo("later");
        assertThat(document.submittedAt()).isEqualTo(SUBMITTED);
        assertThat(document.urlHash()).isEqualTo(LinkId.urlHash("https://example.com/slow"));
    }

    @Test
    void redirectChainAndFinalUrlAreRecorded() {
        CrawlMessage message = message("https://sho.rt/abc");
        LinkUrl target = url("https://example.com/slow");

        crawl(
                url ->
                        new FetchOutcome.Page(
                                target,
                                List.of(new Redirect("https://sho.rt/abc", 301)),
                                200,
                                "text/html",
                                ARTICLE.length(),
                                false,
                                42,
                                StandardCharsets.UTF_8,
                                ARTICLE),
                message,
                1);

        LinkDocument document = stored(message);
        assertThat(document.finalUrl()).isEqualTo("https://example.com/slow");
        assertThat(document.redirects())
                .containsExactly(new LinkDocument.Redirect("https://sho.rt/abc", 301));
        assertThat(document.fetchMs()).isEqualTo(42);
    }

    @Test
    void permanentFailureIsIndexedAsFailedAndAcknowledged() {
        CrawlMessage message = message("https://example.com/gone");

        var outcome = crawl(url -> failed(url, FailureCode.HTTP_STATUS, false, 410), message, 1);

        assertThat(outcome)
                .isEqualTo(
                        new CrawlLink.Outcome.Indexed(LinkDocument.Status.FAILED, "http_status"));
        LinkDocument document = stored(message);
        assertThat(document.failure().retryable()).isFalse();
        assertThat(document.httpStatus()).isEqualTo(410);
    }

    @Test
    void transientFailureBeforeTheLastDeliveryIsRedeliveredWithoutAWrite() {
        CrawlMessage message = message("https://example.com/busy");

        var outcome = crawl(url -> failed(url, FailureCode.HTTP_STATUS, true, 503), message, 4);

        assertThat(outcome).isInstanceOf(CrawlLink.Outcome.Redeliver.class);
        assertThat(index.documents()).isEmpty();
    }

    @Test
    void transientFailureOnTheLastDeliveryIsWrittenRetryableAndStillGoesToTheDlq() {
        CrawlMessage message = message("https://example.com/busy");

        var outcome = crawl(url -> failed(url, FailureCode.TIMEOUT, true, 0), message, 5);

        assertThat(outcome).isInstanceOf(CrawlLink.Outcome.Redeliver.class);
        LinkDocument document = stored(message);
        assertThat(document.status()).isEqualTo(LinkDocument.Status.FAILED);
        assertThat(document.failure().code()).isEqualTo("timeout");
        assertThat(document.failure().retryable()).isTrue();
    }

    @Test
    void failedRecrawlKeepsThePageCrawledBefore() {
        CrawlMessage message = message("https://example.com/slow");
        LinkDocument before = crawledYesterday(message);

        var outcome = crawl(url -> failed(url, FailureCode.HTTP_STATUS, false, 404), message, 1);

        assertThat(outcome).isEqualTo(new CrawlLink.Outcome.Kept("http_status"));
        assertThat(stored(message))
                .usingRecursiveComparison()
                .comparingOnlyFields("title", "text", "status", "crawledAt")
                .isEqualTo(before);
    }

    @Test
    void failedRecrawlRecordsTheAttemptAndTheResavesTagsAndNote() {
        CrawlMessage message = message("https://example.com/slow");
        crawledYesterday(message);

        crawl(url -> failed(url, FailureCode.HTTP_STATUS, false, 404), message, 1);

        LinkDocument kept = stored(message);
        assertThat(kept.lastAttemptAt()).isEqualTo(NOW);
        assertThat(kept.lastFailure().code()).isEqualTo("http_status");
        assertThat(kept.tags()).isEqualTo(message.tags());
        assertThat(kept.note()).isEqualTo(message.note());
    }

    @Test
    void aRecrawlThatFirstFindsThePageGoneCountsItAndKeepsThePageCrawled() {
        CrawlMessage message = message("https://example.com/slow");
        LinkDocument before = crawledYesterday(message);

        var outcome = crawl(url -> failed(url, FailureCode.HTTP_STATUS, false, 404), message, 1);

        assertThat(outcome).isEqualTo(new CrawlLink.Outcome.Kept("http_status"));
        LinkDocument kept = stored(message);
        assertThat(kept.status()).isEqualTo(LinkDocument.Status.CRAWLED);
        assertThat(kept.goneChecks()).isEqualTo(1);
        assertThat(kept.goneSince()).isEqualTo(NOW);
        assertThat(kept.text()).isEqualTo(before.text());
    }

    @Test
    void aSecondRecrawlInARowThatFindsThePageGoneMarksTheLinkGoneKeepingItsText() {
        CrawlMessage message = message("https://example.com/slow");
        Instant firstSeen = NOW.minus(Duration.ofDays(30));
        LinkDocument before = crawledYesterday(message, new GoneChecks(1, firstSeen));

        var outcome = crawl(url -> failed(url, FailureCode.DNS_NXDOMAIN, false, 0), message, 1);

        assertThat(outcome).isEqualTo(new CrawlLink.Outcome.Gone("dns_nxdomain", firstSeen));
        LinkDocument gone = stored(message);
        assertThat(gone.status()).isEqualTo(LinkDocument.Status.GONE);
        assertThat(gone.goneSince()).isEqualTo(firstSeen);
        assertThat(gone.text()).isEqualTo(before.text());
        assertThat(gone.lastFailure().code()).isEqualTo("dns_nxdomain");
    }

    @Test
    void anOutageBetweenTwoNotFoundsStartsTheCountAgain() {
        CrawlMessage message = message("https://example.com/slow");
        crawledYesterday(message, new GoneChecks(1, NOW.minus(Duration.ofDays(30))));

        var outcome = crawl(url -> failed(url, FailureCode.HTTP_STATUS, false, 403), message, 1);

        assertThat(outcome).isEqualTo(new CrawlLink.Outcome.Kept("http_status"));
        assertThat(stored(message).goneChecks()).isNull();
        assertThat(stored(message).status()).isEqualTo(LinkDocument.Status.CRAWLED);
    }

    @Test
    void aNotFoundPageServedWithASuccessStatusNeverReplacesThePageCrawledBefore() {
        CrawlMessage message = message("https://example.com/slow");
        LinkDocument before = crawledYesterday(message);
        String notFound =
                "<html><head><title>Page not found | Example</title></head>"
                        + "<body><p>Sorry, we could not find that.</p></body></html>";

        var outcome = crawl(url -> page(url, notFound), message, 1);

        assertThat(outcome).isEqualTo(new CrawlLink.Outcome.Kept("soft_404"));
        assertThat(stored(message).title()).isEqualTo(before.title());
        assertThat(stored(message).goneChecks()).isEqualTo(1);
    }

    @Test
    void aParkedDomainOnTheSecondRecrawlMarksTheLinkGone() {
        CrawlMessage message = message("https://example.com/slow");
        crawledYesterday(message, new GoneChecks(1, NOW.minus(Duration.ofDays(30))));
        String parked =
                "<html><head><title>example.com</title>"
                        + "<script src=\"https://www.parkingcrew.net/jsparkcaf.js\"></script>"
                        + "</head><body><p>Related searches</p></body></html>";

        var outcome = crawl(url -> page(url, parked), message, 1);

        assertThat(outcome).isInstanceOf(CrawlLink.Outcome.Gone.class);
        assertThat(stored(message).status()).isEqualTo(LinkDocument.Status.GONE);
        assertThat(stored(message).title()).isEqualTo("Slow links");
    }

    @Test
    void aSuccessfulCrawlOfAGoneLinkBringsItBack() {
        CrawlMessage message = message("https://example.com/article");
        index.put(
                message.id(),
                crawledYesterdayPage(message, new GoneChecks(2, NOW.minus(Duration.ofDays(30))))
                        .toBuilder()
                        .status(LinkDocument.Status.GONE)
                        .build());

        var outcome = crawl(url -> page(url, ARTICLE), message, 1);

        assertThat(outcome)
                .isEqualTo(new CrawlLink.Outcome.Indexed(LinkDocument.Status.CRAWLED, null));
        assertThat(stored(message).status()).isEqualTo(LinkDocument.Status.CRAWLED);
        assertThat(stored(message).goneChecks()).isNull();
        assertThat(stored(message).goneSince()).isNull();
    }

    @Test
    void aFirstCrawlThatFindsNothingIsAFailureNotGone() {
        CrawlMessage message = message("https://example.com/never");

        var outcome = crawl(url -> failed(url, FailureCode.HTTP_STATUS, false, 404), message, 1);

        assertThat(outcome)
                .isEqualTo(
                        new CrawlLink.Outcome.Indexed(LinkDocument.Status.FAILED, "http_status"));
        assertThat(stored(message).goneChecks()).isNull();
    }

    @Test
    void everyWrittenDocumentIsItsOwnLastAttempt() {
        CrawlMessage message = message("https://example.com/gone");

        crawl(url -> failed(url, FailureCode.HTTP_STATUS, false, 410), message, 1);

        assertThat(stored(message).lastAttemptAt()).isEqualTo(NOW);
        assertThat(stored(message).lastFailure()).isNull();
    }

    @Test
    void aCrawlReadsItsLinkOnceBeforeWritingIt() {
        CrawlMessage message = message("https://example.com/article");
        crawledYesterday(message);
        int before = index.reads();

        crawl(url -> page(url, ARTICLE), message, 2);

        assertThat(index.reads() - before).isEqualTo(1);
    }

    @Test
    void linkDeletedAfterItsSaveIsNotWrittenBack() {
        CrawlMessage message = message("https://example.com/article");
        crawledYesterday(message);
        index.delete("alice", message.id());

        var outcome = crawl(url -> page(url, ARTICLE), message, 2);

        assertThat(outcome).isEqualTo(new CrawlLink.Outcome.Deleted());
        assertThat(index.documents()).doesNotContainKey(message.id());
        assertThat(index.deleted(message.id())).isTrue();
    }

    @Test
    void transientFailureOnTheLastDeliveryKeepsThePageCrawledBeforeAndStillGoesToTheDlq() {
        CrawlMessage message = message("https://example.com/slow");
        LinkDocument before = crawledYesterday(message);

        var outcome = crawl(url -> failed(url, FailureCode.TIMEOUT, true, 0), message, 5);

        assertThat(outcome).isInstanceOf(CrawlLink.Outcome.Redeliver.class);
        assertThat(stored(message))
                .usingRecursiveComparison()
                .comparingOnlyFields("title", "text", "status", "crawledAt")
                .isEqualTo(before);
        assertThat(stored(message).lastFailure().code()).isEqualTo("timeout");
    }

    @Test
    void failedCrawlReplacesAnEarlierFailure() {
        CrawlMessage message = message("https://example.com/gone");
        index.put(
                message.id(),
                LinkDocument.builder(
                                "alice",
                                message.url(),
                                LinkDocument.Status.FAILED,
                                NOW.minus(Duration.ofDays(1)))
                        .failure(new LinkDocument.Failure("timeout", "earlier", true))
                        .build());

        var outcome = crawl(url -> failed(url, FailureCode.HTTP_STATUS, false, 410), message, 1);

        assertThat(outcome)
                .isEqualTo(
                        new CrawlLink.Outcome.Indexed(LinkDocument.Status.FAILED, "http_status"));
        assertThat(stored(message).failure().code()).isEqualTo("http_status");
        assertThat(stored(message).crawledAt()).isEqualTo(NOW);
    }

    @Test
    void indexOutageWhileCheckingForAnEarlierPageIsRedelivered() {
        CrawlMessage message = message("https://example.com/gone");
        index.failWith(LinkIndexException.Reason.UNREACHABLE);

        var outcome = crawl(url -> failed(url, FailureCode.HTTP_STATUS, false, 410), message, 1);

        assertThat(outcome).isInstanceOf(CrawlLink.Outcome.Redeliver.class);
    }

    @Test
    void urlRefusedAtCrawlTimeIsIndexedAsBlockedWithoutAnyFetch() {
        CrawlMessage message = message("http://169.254.169.254/latest/meta-data/");
        InMemoryPageFetcher fetcher = new InMemoryPageFetcher(url -> page(url, ARTICLE));

        var outcome = crawlLink(fetcher).crawl(message, 1, NOW.plusSeconds(15)).outcome();

        assertThat(fetcher.fetched).isEmpty();
        assertThat(outcome)
                .isEqualTo(
                        new CrawlLink.Outcome.Indexed(
                                LinkDocument.Status.FAILED, "blocked_address"));
    }

    @Test
    void botChallengeIsAFailureAndNeverTheTitle() {
        CrawlMessage message = message("https://example.com/guarded");

        var outcome = crawl(url -> page(url, BOT_CHECK), message, 1);

        assertThat(outcome)
                .isEqualTo(
                        new CrawlLink.Outcome.Indexed(LinkDocument.Status.FAILED, "bot_challenge"));
        assertThat(stored(message).title()).isNull();
        assertThat(stored(message).needsPage()).isTrue();
    }

    @Test
    void aBotCheckOnARecrawlNeverReplacesThePageTheOwnerSent() {
        CrawlMessage message = message("https://example.com/guarded");
        LinkDocument sent = sentYesterday(message, 200);

        var outcome = crawl(url -> page(url, BOT_CHECK), message, 1);

        assertThat(outcome).isEqualTo(new CrawlLink.Outcome.Kept("bot_challenge"));
        LinkDocument kept = stored(message);
        assertThat(kept.source()).isEqualTo(LinkDocument.PageSource.CLIENT);
        assertThat(kept.text()).isEqualTo(sent.text());
        assertThat(kept.status()).isEqualTo(LinkDocument.Status.CRAWLED);
        assertThat(kept.lastFailure().code()).isEqualTo("bot_challenge");
    }

    @Test
    void aShellOnARecrawlNeverReplacesThePageTheOwnerSent() {
        CrawlMessage message = message("https://example.com/app");
        LinkDocument sent = sentYesterday(message, 200);
        String shell =
                "<html><head><title>App</title></head><body><div id=root></div>"
                        + "<script src=\"/app.js\"></script></body></html>";

        var outcome = crawl(url -> page(url, shell), message, 1);

        assertThat(outcome).isEqualTo(new CrawlLink.Outcome.Kept("less_than_sent_page"));
        assertThat(stored(message).text()).isEqualTo(sent.text());
        assertThat(stored(message).pageSentAt()).isEqualTo(sent.pageSentAt());
    }

    @Test
    void aRecrawlThatReadsNoMoreThanTheSentPageKeepsIt() {
        CrawlMessage message = message("https://example.com/slow");
        LinkDocument sent = sentYesterday(message, 200);

        var outcome = crawl(url -> page(url, ARTICLE), message, 1);

        assertThat(outcome).isEqualTo(new CrawlLink.Outcome.Kept("less_than_sent_page"));
        assertThat(stored(message).title()).isEqualTo(sent.title());
        assertThat(stored(message).lastAttemptAt()).isEqualTo(NOW);
    }

    @Test
    void aRecrawlThatReadsMoreThanTheSentPageReplacesIt() {
        CrawlMessage message = message("https://example.com/slow");
        sentYesterday(message, 3);

        var outcome = crawl(url -> page(url, ARTICLE), message, 1);

        assertThat(outcome)
                .isEqualTo(new CrawlLink.Outcome.Indexed(LinkDocument.Status.CRAWLED, null));
        assertThat(stored(message).source()).isNull();
        assertThat(stored(message).pageSentAt()).isNull();
        assertThat(stored(message).text()).contains("One slow link froze");
    }

    @Test
    void aPageReadWholeNeedsNoPage() {
        CrawlMessage message = message("https://example.com/article");

        crawl(url -> page(url, ARTICLE), message, 1);

        assertThat(stored(message).needsPage()).isNull();
    }

    @Test
    void aPaywalledPageIsCrawledAndNeedsThePage() {
        CrawlMessage message = message("https://example.com/article");
        String paywalled =
                ARTICLE.replace(
                        "</head>",
                        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                                + "\"isAccessibleForFree\":false}</script></head>");

        var outcome = crawl(url -> page(url, paywalled), message, 1);

        assertThat(outcome)
                .isEqualTo(new CrawlLink.Outcome.Indexed(LinkDocument.Status.CRAWLED, null));
        assertThat(stored(message).needsPage()).isTrue();
        assertThat(stored(message).title()).isEqualTo("Slow links");
    }

    @Test
    void nonHtmlContentIsRecordedWithItsTypeSizeAndName() {
        CrawlMessage message = message("https://example.com/paper.pdf");

        crawl(
                url ->
                        new FetchOutcome.NotHtml(
                                url,
                                List.of(),
                                200,
                                "application/pdf",
                                12_345,
                                false,
                                7,
                                Optional.of("paper.pdf")),
                message,
                1);

        LinkDocument document = stored(message);
        assertThat(document.status()).isEqualTo(LinkDocument.Status.CRAWLED);
        assertThat(document.contentType()).isEqualTo("application/pdf");
        assertThat(document.bytes()).isEqualTo(12_345);
        assertThat(document.title()).isEqualTo("paper.pdf");
        assertThat(document.text()).isNull();
    }

    @Test
    void pageWithAFortyKilobyteAuthorIsIndexedWithTheAuthorCappedAtTwoKibibytes() {
        CrawlMessage message = message("https://example.com/slow");
        String html = ARTICLE.replace("Ada Lovelace", "Ada Lovelace ".repeat(3_100).strip());

        var outcome = crawl(url -> page(url, html), message, 1);

        assertThat(outcome)
                .isEqualTo(new CrawlLink.Outcome.Indexed(LinkDocument.Status.CRAWLED, null));
        assertThat(stored(message).author().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(DocumentLimits.FIELD_BYTES);
    }

    @Test
    void mainTextOverOneMebibyteIsCutAndMarkedTextTruncated() {
        CrawlMessage message = message("https://example.com/slow");
        String paragraph = "<p>\"Quoted\" words, one \"after\" another; and more of them.</p>";
        String html =
                "<html><body><article>" + paragraph.repeat(40_000) + "</article></body></html>";

        crawl(url -> page(url, html), message, 1);

        LinkDocument document = stored(message);
        assertThat(document.text().getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(DocumentLimits.TEXT_BYTES);
        assertThat(document.textTruncated()).isTrue();
        assertThat(document.truncated()).isFalse();
    }

    @Test
    void pageWhoseTextFitsSaysItsTextIsWhole() {
        CrawlMessage message = message("https://example.com/slow");

        crawl(url -> page(url, ARTICLE), message, 1);

        assertThat(stored(message).textTruncated()).isFalse();
    }

    @Test
    void pageTheIndexRefusesBecomesAMinimalFailedDocumentAndIsAcknowledged() {
        CrawlMessage message = message("https://example.com/slow");

        var outcome = crawlInto(refusingCrawledPages(), url -> page(url, ARTICLE), message);

        assertThat(outcome)
                .isEqualTo(
                        new CrawlLink.Outcome.Indexed(
                                LinkDocument.Status.FAILED, "index_rejected"));
        LinkDocument document = stored(message);
        assertThat(document.failure().code()).isEqualTo("index_rejected");
        assertThat(document.failure().retryable()).isFalse();
        assertThat(document.title()).isNull();
        assertThat(document.tags()).containsExactly("reading");
        assertThat(document.note()).isEqualTo("later");
    }

    @Test
    void pageTheIndexRefusesNeverReplacesThePageCrawledBefore() {
        CrawlMessage message = message("https://example.com/slow");
        LinkDocument before = crawledYesterday(message);

        var outcome = crawlInto(refusingCrawledPages(), url -> page(url, ARTICLE), message);

        assertThat(outcome).isEqualTo(new CrawlLink.Outcome.Kept("index_rejected"));
        assertThat(stored(message))
                .usingRecursiveComparison()
                .comparingOnlyFields("title", "text", "status", "crawledAt")
                .isEqualTo(before);
        assertThat(stored(message).lastFailure().code()).isEqualTo("index_rejected");
    }

    @Test
    void indexThatRefusesEvenTheMinimalDocumentIsRedeliveredToReachTheDeadLetterQueue() {
        index.failWith(LinkIndexException.Reason.REJECTED);

        var outcome = crawl(url -> page(url, ARTICLE), message("https://example.com/slow"), 1);

        assertThat(outcome).isInstanceOf(CrawlLink.Outcome.Redeliver.class);
    }

    @Test
    void indexThatDeniesTheFunctionIsRedeliveredNotRecordedAsThePagesFault() {
        index.failWith(LinkIndexException.Reason.DENIED);

        var outcome = crawl(url -> page(url, ARTICLE), message("https://example.com/slow"), 1);

        assertThat(outcome).isInstanceOf(CrawlLink.Outcome.Redeliver.class);
    }

    @Test
    void pageThatRunsPastTheExtractBudgetBecomesAFailedDocumentAndIsAcknowledged() {
        CrawlMessage message = message("https://example.com/slow");
        CrawlLink noTimeToExtract =
                new CrawlLink(
                        new InMemoryPageFetcher(url -> page(url, ARTICLE)),
                        new PageExtractor(),
                        index,
                        UrlPolicy.DEFAULT,
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        5,
                        System::nanoTime,
                        Duration.ZERO);

        var outcome = noTimeToExtract.crawl(message, 1, NOW.plusSeconds(15)).outcome();

        assertThat(outcome)
                .isEqualTo(
                        new CrawlLink.Outcome.Indexed(
                                LinkDocument.Status.FAILED, "extract_budget"));
        LinkDocument document = stored(message);
        assertThat(document.failure().retryable()).isFalse();
        assertThat(document.httpStatus()).isEqualTo(200);
        assertThat(document.finalUrl()).isEqualTo("https://example.com/slow");
        assertThat(document.title()).isNull();
    }

    @Test
    void extractionRunsUntilTwoSecondsAfterTheFetchDeadlineSoIndexingKeepsItsTime() {
        assertThat(CrawlLink.untilPastFetchDeadline(NOW, NOW.plusSeconds(1)))
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void extractionHasNoTimeOnceTheFetchDeadlineIsLongPast() {
        assertThat(CrawlLink.untilPastFetchDeadline(NOW, NOW.minusSeconds(9)))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void indexOutageIsRedelivered() {
        index.failWith(LinkIndexException.Reason.UNREACHABLE);

        var outcome = crawl(url -> page(url, ARTICLE), message("https://example.com/slow"), 1);

        assertThat(outcome).isInstanceOf(CrawlLink.Outcome.Redeliver.class);
    }

    @Test
    void eachStageOfAPageIsTimedOnItsOwn() {
        // Ticks read at: fetch start, fetch end, extract end, index start, index end.
        CrawlLink timed =
                timedCrawlLink(url -> page(url, ARTICLE), 1_000, 1_040, 1_047, 1_047, 1_059);

        var stages =
                timed.crawl(message("https://example.com/slow"), 1, NOW.plusSeconds(15)).stages();

        assertThat(stages)
                .isEqualTo(
                        new CrawlLink.Stages(
                                Optional.of(Duration.ofMillis(40)),
                                Optional.of(Duration.ofMillis(7)),
                                Optional.of(Duration.ofMillis(12))));
    }

    @Test
    void refusedUrlIsOnlyIndexedSoItHasNoFetchOrExtractTime() {
        CrawlLink timed = timedCrawlLink(url -> page(url, ARTICLE), 5, 8);

        var stages =
                timed.crawl(message("http://169.254.169.254/latest/"), 1, NOW.plusSeconds(15))
                        .stages();

        assertThat(stages)
                .isEqualTo(
                        new CrawlLink.Stages(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(Duration.ofMillis(3))));
    }

    @Test
    void transientFailureBeforeTheLastDeliveryHasOnlyAFetchTime() {
        CrawlLink timed =
                timedCrawlLink(url -> failed(url, FailureCode.TIMEOUT, true, 0), 0, 15_000);

        var result = timed.crawl(message("https://example.com/busy"), 1, NOW.plusSeconds(15));

        assertThat(result.outcome()).isInstanceOf(CrawlLink.Outcome.Redeliver.class);
        assertThat(result.stages())
                .isEqualTo(
                        new CrawlLink.Stages(
                                Optional.of(Duration.ofMillis(15_000)),
                                Optional.empty(),
                                Optional.empty()));
    }

    @Test
    void contentThatIsNotHtmlIsNeverExtracted() {
        CrawlLink timed =
                timedCrawlLink(
                        url ->
                                new FetchOutcome.NotHtml(
                                        url,
                                        List.of(),
                                        200,
                                        "application/pdf",
                                        12_345,
                                        false,
                                        7,
                                        Optional.of("paper.pdf")),
                        0,
                        7,
                        7,
                        9);

        var stages =
                timed.crawl(message("https://example.com/paper.pdf"), 1, NOW.plusSeconds(15))
                        .stages();

        assertThat(stages.extract()).isEmpty();
        assertThat(stages.index()).contains(Duration.ofMillis(2));
    }

    /** A crawl whose monotonic clock reads {@code millis}, one value per read, in order. */
    private CrawlLink timedCrawlLink(Function<LinkUrl, FetchOutcome> script, long... millis) {
        Iterator<Long> ticks = Arrays.stream(millis).iterator();
        return new CrawlLink(
                new InMemoryPageFetcher(script),
                new PageExtractor(),
                index,
                UrlPolicy.DEFAULT,
                Clock.fixed(NOW, ZoneOffset.UTC),
                5,
                () -> Duration.ofMillis(ticks.next()).toNanos());
    }

    private CrawlLink.Outcome crawl(
            Function<LinkUrl, FetchOutcome> script, CrawlMessage message, int receiveCount) {
        return crawlLink(new InMemoryPageFetcher(script))
                .crawl(message, receiveCount, NOW.plusSeconds(15))
                .outcome();
    }

    private CrawlLink crawlLink(InMemoryPageFetcher fetcher) {
        return new CrawlLink(
                fetcher,
                new PageExtractor(),
                index,
                UrlPolicy.DEFAULT,
                Clock.fixed(NOW, ZoneOffset.UTC),
                5);
    }

    private CrawlLink.Outcome crawlInto(
            LinkIndex into, Function<LinkUrl, FetchOutcome> script, CrawlMessage message) {
        return new CrawlLink(
                        new InMemoryPageFetcher(script),
                        new PageExtractor(),
                        into,
                        UrlPolicy.DEFAULT,
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        5)
                .crawl(message, 1, NOW.plusSeconds(15))
                .outcome();
    }

    /**
     * {@link #index}, except that it refuses every crawled page with a 400, as OpenSearch refuses a
     * document its mapping cannot take.
     */
    private LinkIndex refusingCrawledPages() {
        return new LinkIndex() {
            @Override
            public void ensureIndex() {
                index.ensureIndex();
            }

            @Override
            public PutOutcome put(LinkId id, LinkDocument document) {
                refuseCrawled(id, document);
                return index.put(id, document);
            }

            @Override
            public PutOutcome put(LinkId id, LinkDocument document, StoredLink before) {
                refuseCrawled(id, document);
                return index.put(id, document, before);
            }

            private void refuseCrawled(LinkId id, LinkDocument document) {
                if (document.status() == LinkDocument.Status.CRAWLED) {
                    throw new LinkIndexException(
                            LinkIndexException.Reason.REJECTED,
                            400,
                            "put " + id + " failed: 400 mapper_parsing_exception",
                            null);
                }
            }

            @Override
            public boolean putQueued(LinkId id, LinkDocument queued) {
                return index.putQueued(id, queued);
            }

            @Override
            public boolean recordAttempt(
                    String owner,
                    LinkId id,
                    Instant attemptedAt,
                    LinkDocument.Failure failure,
                    Optional<GoneChecks> gone,
                    List<String> tags,
                    String note) {
                return index.recordAttempt(owner, id, attemptedAt, failure, gone, tags, note);
            }

            @Override
            public StoredLink read(String owner, LinkId id) {
                return index.read(owner, id);
            }

            @Override
            public boolean delete(String owner, LinkId id) {
                return index.delete(owner, id);
            }

            @Override
            public LinkPage search(LinkQuery query) {
                return index.search(query);
            }

            @Override
            public int forEachDueForRecrawl(
                    Instant crawledBefore, int limit, Consumer<RecrawlCandidate> visitor) {
                return index.forEachDueForRecrawl(crawledBefore, limit, visitor);
            }
        };
    }

    /** Stores the page of {@code message} as a crawl a day before {@code NOW} left it. */
    private LinkDocument crawledYesterday(CrawlMessage message) {
        LinkDocument page = crawledYesterdayPage(message, null);
        index.put(message.id(), page);
        return page;
    }

    /** Likewise, with gone checks recorded by the attempts since. */
    private LinkDocument crawledYesterday(CrawlMessage message, GoneChecks checks) {
        LinkDocument page = crawledYesterdayPage(message, checks);
        index.put(message.id(), page);
        return page;
    }

    private static LinkDocument crawledYesterdayPage(CrawlMessage message, GoneChecks checks) {
        return LinkDocument.builder(
                        "alice",
                        message.url(),
                        LinkDocument.Status.CRAWLED,
                        NOW.minus(Duration.ofDays(1)))
                .title("Slow links")
                .text("One slow link froze the whole server.")
                .gone(Optional.ofNullable(checks))
                .build();
    }

    /** Stores a page of {@code words} words the owner sent a day before {@code NOW}. */
    private LinkDocument sentYesterday(CrawlMessage message, int words) {
        LinkDocument page =
                crawledYesterdayPage(message, null).toBuilder()
                        .text("The page as the owner's browser showed it.")
                        .wordCount(words)
                        .source(LinkDocument.PageSource.CLIENT)
                        .pageSentAt(NOW.minus(Duration.ofDays(1)).minusSeconds(2))
                        .build();
        index.put(message.id(), page);
        return page;
    }

    private LinkDocument stored(CrawlMessage message) {
        assertThat(index.documents()).containsKey(message.id());
        return index.documents().get(message.id());
    }

    /** A message as it sits on the queue; its URL may be one that today's rules refuse. */
    static CrawlMessage message(String url) {
        return new CrawlMessage(
                new LinkId(LinkId.urlHash("alice\n" + url)),
                url,
                "alice",
                SUBMITTED,
                CrawlSource.API,
                List.of("reading"),
                "later");
    }

    private static LinkUrl url(String raw) {
        return ((UrlCheck.Accepted) LinkUrl.check(raw, UrlPolicy.DEFAULT)).url();
    }

    private static FetchOutcome page(LinkUrl url, String html) {
        return new FetchOutcome.Page(
                url,
                List.of(),
                200,
                "text/html",
                html.length(),
                false,
                10,
                StandardCharsets.UTF_8,
                html);
    }

    private static FetchOutcome failed(
            LinkUrl url, FailureCode code, boolean retryable, int status) {
        return new FetchOutcome.Failed(
                code,
                "detail",
                retryable,
                status == 0 ? OptionalInt.empty() : OptionalInt.of(status),
                url,
                List.of(),
                100);
    }
}
