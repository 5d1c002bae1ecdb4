package dev.linkcrawl.crawl.prime;

import dev.linkcrawl.config.Settings;
import dev.linkcrawl.crawl.CrawlLink;
import dev.linkcrawl.crawl.extract.PageExtractor;
import dev.linkcrawl.crawl.fetch.FailureCode;
import dev.linkcrawl.crawl.fetch.FetchOutcome;
import dev.linkcrawl.crawl.fetch.FetchPriming;
import dev.linkcrawl.crawl.fetch.FetchSettings;
import dev.linkcrawl.crawl.fetch.PageCharset;
import dev.linkcrawl.crawl.fetch.PageFetcher;
import dev.linkcrawl.index.OpenSearchLinkIndex;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlSource;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.prime.ApiRequests;
import dev.linkcrawl.prime.CommonPaths;
import dev.linkcrawl.prime.IndexPriming;
import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * SnapStart priming of the crawl function: the shared paths, the fetcher ({@link FetchPriming}),
 * then {@link CrawlLink} on four deliveries (an article, a bot challenge, a PDF and a 404) with the
 * bundled {@code priming-page.html} for a fetched page and the index on an in-memory OpenSearch, so
 * the extractor, the document builder and the index writes all run. The fetcher's own priming stays
 * in its package: it runs the response path's steps, which that package keeps to itself.
 */
public final class CrawlLinkPriming implements Runnable {

    static final String PAGE = "priming-page.html";

    private static final String CHALLENGE =
            "<!doctype html><html><head><title>Just a moment...</title></head><body>"
                    + "<div id=\"challenge-running\">Checking your browser before accessing"
                    + " example.com.</div><noscript>Enable JavaScript and cookies to continue"
                    + "</noscript></body></html>";

    private final Settings settings;
    private final FetchSettings fetchSettings;

    public CrawlLinkPriming(Settings settings, FetchSettings fetchSettings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.fetchSettings = Objects.requireNonNull(fetchSettings, "fetchSettings");
    }

    @Override
    public void run() {
        CommonPaths.exercise(settings.urlPolicy());
        FetchPriming.exercise(fetchSettings);
        Map<String, FetchOutcome> responses =
                Map.of(
                        "/articles/slow-links",
                        page("/articles/slow-links", bundledPage()),
                        "/challenge",
                        page("/challenge", CHALLENGE.getBytes(StandardCharsets.UTF_8)),
                        "/report.pdf",
                        new FetchOutcome.NotHtml(
                                url("/report.pdf"),
                                List.of(),
                                200,
                                "application/pdf",
                                48_213,
                                false,
                                12,
                                Optional.of("report.pdf")),
                        "/gone",
                        new FetchOutcome.Failed(
                                FailureCode.HTTP_STATUS,
                                "the server answered with status 404",
                                false,
                                OptionalInt.of(404),
                                url("/gone"),
                                List.of(),
                                9));
        PageFetcher fetcher = (url, deadline) -> responses.get(URI.create(url.value()).getPath());
        try (OpenSearchLinkIndex index = IndexPriming.index()) {
            CrawlLink crawlLink =
                    new CrawlLink(
                            fetcher,
                            new PageExtractor(),
                            index,
                            settings.urlPolicy(),
                            Clock.systemUTC(),
                            settings.maxReceives());
            for (String path : responses.keySet()) {
                LinkUrl url = url(path);
                CrawlLink.Outcome outcome =
                        crawlLink
                                .crawl(
                                        new CrawlMessage(
                                                LinkId.of(ApiRequests.CALLER, url),
                                                url.value(),
                                                ApiRequests.CALLER,
                                                Instant.now(),
                                                CrawlSource.API,
                                                List.of("reading"),
                                                null),
                                        1,
                                        Instant.now().plusSeconds(10))
                                .outcome();
                // The primed index answers every read with a crawled page, so failures are kept.
                if (outcome instanceof CrawlLink.Outcome.Redeliver) {
                    throw new IllegalStateException(
                            "priming expected " + path + " indexed or kept, not " + outcome);
                }
            }
        }
    }

    private static FetchOutcome.Page page(String path, byte[] bytes) {
        PageCharset.Decoded decoded = PageCharset.decode(bytes, "text/html; charset=utf-8");
        return new FetchOutcome.Page(
                url(path),
                List.of(),
                200,
                "text/html",
                bytes.length,
                false,
                41,
                decoded.charset(),
                decoded.text());
    }

    static byte[] bundledPage() {
        try (InputStream in = CrawlLinkPriming.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException(PAGE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LinkUrl url(String path) {
        if (LinkUrl.check("https://example.com" + path, UrlPolicy.DEFAULT)
                instanceof UrlCheck.Accepted accepted) {
            return accepted.url();
        }
        throw new IllegalStateException("a priming URL is refused: " + path);
    }
}
