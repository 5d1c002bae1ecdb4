package dev.linkcrawl.query;

import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.link.LinkId;
import java.time.Instant;
import java.util.List;

/** The link the sample events are about, as the crawl function would have indexed it. */
final class SavedLinks {

    /** The id of https://example.com/articles/slow-links saved by user-123 (the submit sample). */
    static final LinkId SAMPLE_ID = new LinkId("a29512f3167f1eff9211ba4ac2c5aead");

    static final String SAMPLE_OWNER = "user-123";

    static final Instant CRAWLED_AT = Instant.parse("2026-11-27T10:30:02.250Z");

    private SavedLinks() {}

    static LinkDocument sample() {
        return LinkDocument.builder(
                        SAMPLE_OWNER,
                        "https://example.com/articles/slow-links",
                        LinkDocument.Status.CRAWLED,
                        CRAWLED_AT)
                .finalUrl("https://www.example.com/articles/slow-links")
                .httpStatus(200)
                .contentType("text/html")
                .submittedAt(Instant.parse("2026-11-27T10:30:00Z"))
                .title("Why one slow link froze every visitor")
                .description("A post-mortem of inline link fetching, and the queue that fixed it.")
                .text(
                        "When a user saved a link, the web process fetched it inline. Slow links"
                                + " held a worker each, and soon every visitor waited.")
                .siteName("Example Engineering")
                .image("https://www.example.com/images/queue.png")
                .favicon("https://www.example.com/favicon.ico")
                .lang("en")
                .tags(List.of("reading", "web"))
                .note("from the weekly digest")
                .build();
    }
}
