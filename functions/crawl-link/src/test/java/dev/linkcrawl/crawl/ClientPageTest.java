package dev.linkcrawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkcrawl.crawl.extract.PageExtractor;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.link.ClientPageKey;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.testing.InMemoryLinkIndex;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientPageTest {

    private static final String BUCKET = "imports";
    private static final String URL = "https://example.com/guarded";
    private static final LinkId ID = LinkId.ofNormalised("alice", URL);
    private static final Instant SUBMITTED = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant CRAWLED = Instant.parse("2026-11-27T10:00:05Z");
    private static final Instant SENT = Instant.parse("2026-11-27T11:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-27T11:00:02Z");
    private static final String ARTICLE =
            """
            <html lang="en"><head><title>Slow links | Example</title>
            <meta property="og:title" content="Slow links">
            <link rel="canonical" href="https://elsewhere.example/moved">
            </head><body><nav>Home About</nav><article><h1>Slow links</h1>
            <p>One slow link froze the whole server and every visitor waited for it.</p>
            <p>Queues keep each fetch in its own invocation, with its own deadline.</p>
            </article></body></html>
            """;
    private static final String CHALLENGE =
            "<html><head><title>Just a moment...</title></head><body>"
                    + "<h1>Checking your browser before accessing example.com</h1>"
                    + "<script src=\"/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1\"></script>"
                    + "</body></html>";

    private final InMemoryLinkIndex index = new InMemoryLinkIndex();
    private final InMemoryClientPageObjects objects = new InMemoryClientPageObjects();
    private final ClientPage clientPage =
            new ClientPage(
                    objects, new PageExtractor(), index, Clock.fixed(NOW, ZoneOffset.UTC), 10_000);

    @Test
    void aSentPageBecomesTheLinksCrawledDocumentFromTheClient() {
        LinkDocument walled = savedBehindABotCheck();
        String key = upload("alice", ID, ARTICLE);

        ClientPage.Outcome outcome = take(key);

        assertThat(outcome).isInstanceOf(ClientPage.Outcome.Written.class);
        LinkDocument document = index.documents().get(ID);
        assertThat(document.status()).isEqualTo(LinkDocument.Status.CRAWLED);
        assertThat(document.source()).isEqualTo(LinkDocument.PageSource.CLIENT);
        assertThat(document.pageSentAt()).isEqualTo(SENT);
        assertThat(document.crawledAt()).isEqualTo(NOW);
        assertThat(document.needsPage()).isNull();
        assertThat(document.failure()).isNull();
        assertThat(document.title()).isEqualTo("Slow links");
        assertThat(document.text()).contains("One slow link froze").doesNotContain("Home About");
        assertThat(document.tags()).isEqualTo(walled.tags());
        assertThat(document.note()).isEqualTo(walled.note());
        assertThat(document.submittedAt()).isEqualTo(SUBMITTED);
    }

    @Test
    void thePageCannotMoveTheLinkElsewhere() {
        savedBehindABotCheck();

        take(upload("alice", ID, ARTICLE));

        LinkDocument document = index.documents().get(ID);
        assertThat(document.url()).isEqualTo(URL);
        assertThat(document.finalUrl()).isEqualTo(URL);
        assertThat(document.urlHash()).isEqualTo(LinkId.urlHash(URL));
        assertThat(index.documents()).containsOnlyKeys(ID);
    }

    @Test
    void theUploadIsDeletedOnceReadIntoTheLink() {
        savedBehindABotCheck();
        String key = upload("alice", ID, ARTICLE);

        take(key);

        assertThat(objects.deleted).containsExactly(BUCKET + "/" + key);
    }

    @Test
    void aKeyOfAnotherShapeIsIgnoredAndDeleted() {
        savedBehindABotCheck();
        String key = "pages/alice/" + ID.value() + "/page.html";
        objects.put(BUCKET, key, ARTICLE.getBytes(StandardCharsets.UTF_8));

        assertThat(take(key)).isEqualTo(skipped(ClientPage.Ignored.NOT_A_PAGE_KEY));
        assertThat(objects.deleted).containsExactly(BUCKET + "/" + key);
        assertThat(index.documents().get(ID).needsPage()).isTrue();
    }

    @Test
    void anotherOwnersLinkIsNotWritten() {
        savedBehindABotCheck();

        assertThat(take(upload("mallory", ID, ARTICLE)))
                .isEqualTo(skipped(ClientPage.Ignored.NO_SUCH_LINK));
        assertThat(index.documents().get(ID).status()).isEqualTo(LinkDocument.Status.FAILED);
    }

    @Test
    void aDeletedLinkIsNotWrittenBack() {
        savedBehindABotCheck();
        index.delete("alice", ID);

        assertThat(take(upload("alice", ID, ARTICLE)))
                .isEqualTo(skipped(ClientPage.Ignored.NO_SUCH_LINK));
        assertThat(index.get("alice", ID)).isEmpty();
    }

    @Test
    void aPageAboveTheFetchCapIsIgnoredWhateverItsEventSays() {
        savedBehindABotCheck();
        String key = upload("alice", ID, ARTICLE + " ".repeat(10_000));

        assertThat(
                        clientPage.take(
                                new ClientPage.Upload(BUCKET, key, 10, SENT), NOW.plusSeconds(10)))
                .isEqualTo(skipped(ClientPage.Ignored.TOO_LARGE));
        assertThat(take(key)).isEqualTo(skipped(ClientPage.Ignored.MISSING));
    }

    @Test
    void aSentInterstitialIsNotThePage() {
        savedBehindABotCheck();

        assertThat(take(upload("alice", ID, CHALLENGE)))
                .isEqualTo(skipped(ClientPage.Ignored.NOT_THE_PAGE));
        assertThat(index.documents().get(ID).needsPage()).isTrue();
    }

    @Test
    void anUploadReadBeforeIsMissingAndLeftAlone() {
        savedBehindABotCheck();
        String key = upload("alice", ID, ARTICLE);
        take(key);

        assertThat(take(key)).isEqualTo(skipped(ClientPage.Ignored.MISSING));
    }

    @Test
    void aBucketThatCannotAnswerIsThrownForARetry() {
        savedBehindABotCheck();
        String key = upload("alice", ID, ARTICLE);
        objects.unavailable = true;

        assertThatThrownBy(() -> take(key)).isInstanceOf(PageStorageException.class);
    }

    private LinkDocument savedBehindABotCheck() {
        LinkDocument walled =
                LinkDocument.builder("alice", URL, LinkDocument.Status.FAILED, CRAWLED)
                        .urlHash(LinkId.urlHash(URL))
                        .submittedAt(SUBMITTED)
                        .failure(new LinkDocument.Failure("bot_challenge", "Just a moment", false))
                        .needsPage(true)
                        .tags(List.of("reading"))
                        .note("later")
                        .build();
        index.put(ID, walled);
        return walled;
    }

    private String upload(String owner, LinkId link, String html) {
        String key = ClientPageKey.next(owner, link).value();
        objects.put(BUCKET, key, html.getBytes(StandardCharsets.UTF_8));
        return key;
    }

    private ClientPage.Outcome take(String key) {
        return clientPage.take(
                new ClientPage.Upload(
                        BUCKET,
                        key,
                        objects.objects.getOrDefault(BUCKET + "/" + key, new byte[0]).length,
                        SENT),
                NOW.plusSeconds(10));
    }

    private static ClientPage.Outcome skipped(ClientPage.Ignored reason) {
        return new ClientPage.Outcome.Skipped(reason);
    }
}
