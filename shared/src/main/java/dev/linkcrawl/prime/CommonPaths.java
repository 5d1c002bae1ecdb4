package dev.linkcrawl.prime;

import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlMessageCodec;
import dev.linkcrawl.link.CrawlSource;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.link.MalformedMessageException;
import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import java.time.Instant;
import java.util.List;

/**
 * The shared code every function runs on its first request: the URL rules (an IDN host among the
 * samples, since {@link java.net.IDN} loads its tables on first use, and refused URLs, whose
 * reasons are built lazily), link ids, and the crawl message codec both ways. Problem responses are
 * primed by the API functions' own refused sample requests: the backfill function's jar has no API
 * Gateway event classes.
 */
public final class CommonPaths {

    /** URLs that take the rules' main branches: accepted, normalised, mapped, refused. */
    static final List<String> SAMPLE_URLS =
            List.of(
                    "https://example.com/articles/slow-links?utm_source=newsletter&id=7#top",
                    "https://Bücher.example/straße/../index.html",
                    "http://[2001:db8::1]:8080/",
                    "http://127.0.0.1/admin",
                    "https://user:secret@example.com/",
                    "ftp://example.com/file",
                    "https://0x7f.1/");

    private CommonPaths() {}

    /** Runs the shared paths once with {@code policy}. */
    public static void exercise(UrlPolicy policy) {
        CrawlMessageCodec codec = new CrawlMessageCodec();
        for (String raw : SAMPLE_URLS) {
            if (LinkUrl.check(raw, policy) instanceof UrlCheck.Accepted accepted) {
                CrawlMessage message =
                        new CrawlMessage(
                                LinkId.of(ApiRequests.CALLER, accepted.url()),
                                accepted.url().value(),
                                ApiRequests.CALLER,
                                Instant.now(),
                                CrawlSource.API,
                                List.of("priming"),
                                "a note");
                try {
                    codec.decode(codec.encode(message));
                } catch (MalformedMessageException e) {
                    throw new IllegalStateException("the codec cannot read what it wrote", e);
                }
            }
        }
        try {
            codec.decode("{\"v\":1}");
        } catch (MalformedMessageException expected) {
            // The refusal path is part of what is primed.
        }
    }
}
