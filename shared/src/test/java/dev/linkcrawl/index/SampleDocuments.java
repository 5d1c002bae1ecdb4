package dev.linkcrawl.index;

import dev.linkcrawl.index.LinkDocument.Failure;
import dev.linkcrawl.index.LinkDocument.Redirect;
import dev.linkcrawl.index.LinkDocument.Status;
import dev.linkcrawl.link.LinkId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Documents for the tests: one with every field set, one of a failed crawl. */
final class SampleDocuments {

    static final Instant CRAWLED_AT = Instant.parse("2026-11-27T10:15:30.123456Z");

    private SampleDocuments() {}

    /**
     * A crawled document with every component set; its text is over 8 KiB, so the transport
     * compresses the request.
     */
    static LinkDocument full(String owner, Instant crawledAt) {
        return LinkDocument.builder(owner, "https://bit.ly/3xyzAbc", Status.CRAWLED, crawledAt)
                .urlHash("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                .finalUrl("https://www.example.com/articles/slow-links?page=2")
                .redirects(
                        List.of(
                                new Redirect("https://bit.ly/3xyzAbc", 301),
                                new Redirect(
                                        "https://example.com/articles/slow-links?page=2", 308)))
                .httpStatus(200)
                .contentType("text/html")
                .bytes(48_213L)
                .truncated(false)
                .fetchMs(412L)
                .submittedAt(Instant.parse("2026-11-27T10:15:29Z"))
                .title("Why one slow link froze every visitor")
                .description("A post-mortem of inline link fetching, and the queue that fixed it.")
                .text("When a user saved a link, the web process fetched it inline. ".repeat(200))
                .siteName("Example Engineering")
                .author("Ada Lovelace")
                .publishedAt(Instant.parse("2026-11-20T08:00:00Z"))
                .modifiedAt(Instant.parse("2026-11-21T09:30:00Z"))
                .lang("en")
                .image("https://www.example.com/images/queue.png")
                .favicon("https://www.example.com/favicon.ico")
                .canonicalUrl("https://www.example.com/articles/slow-links")
                .keywords(List.of("queues", "latency"))
                .feeds(List.of("https://www.example.com/feed.xml"))
                .wordCount(2_400)
                .pageType(PageType.ARTICLE)
                .extractionConfidence(0.875)
                .tags(List.of("Architecture", "postmortem"))
                .note("read before the design review")
                .textTruncated(false)
                .build();
    }

    /** A failed crawl: a blocked address, no content. */
    static LinkDocument failed(String owner, Instant crawledAt) {
        return LinkDocument.builder(
                        owner, "https://intranet.example.com/", Status.FAILED, crawledAt)
                .failure(new Failure("blocked_address", "resolves to a private address", false))
                .submittedAt(crawledAt.minusSeconds(2))
                .tags(List.of("work"))
                .build();
    }

    /** A small crawled page: a title, a main text, tags, and nothing else optional. */
    static LinkDocument page(
            String owner, String title, String text, List<String> tags, Instant crawledAt) {
        return LinkDocument.builder(
                        owner,
                        "https://example.org/" + UUID.randomUUID(),
                        Status.CRAWLED,
                        crawledAt)
                .title(title)
                .text(text)
                .tags(tags)
                .build();
    }

    /** A link saved at {@code submittedAt} and not crawled yet. */
    static LinkDocument queued(String owner, Instant submittedAt) {
        return LinkDocument.builder(owner, "https://bit.ly/3xyzAbc", Status.QUEUED, null)
                .urlHash("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                .submittedAt(submittedAt)
                .tags(List.of("later"))
                .note("saved from the phone")
                .build();
    }

    /** A fresh random link id. */
    static LinkId randomId() {
        return new LinkId(UUID.randomUUID().toString().replace("-", ""));
    }
}
