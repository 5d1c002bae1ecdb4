package dev.linkcrawl.link;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The SQS message that asks for one link to be crawled (wire version 1). It carries everything the
 * crawl needs, so the crawl function never reads another store before fetching.
 *
 * @param id the link id, derived from owner and normalised URL
 * @param url the normalised URL (the crawl re-checks it: rules may have tightened since)
 * @param owner the user who saved the link (the JWT {@code sub})
 * @param submittedAt when the link was accepted
 * @param source where the request came from
 * @param tags the user's tags, possibly empty
 * @param note the user's note, or null
 */
public record CrawlMessage(
        LinkId id,
        String url,
        String owner,
        Instant submittedAt,
        CrawlSource source,
        List<String> tags,
        String note) {

    /** The only wire version this code reads and writes. */
    public static final int VERSION = 1;

    public CrawlMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(source, "source");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
