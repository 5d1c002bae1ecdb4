package dev.linkcrawl.crawl.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.link.LinkId;
import java.util.Objects;

/**
 * What one finished crawl announces on the event bus: {@code source} {@value #SOURCE}, the {@code
 * detail-type} of its {@link Kind}, and a detail of the link's id, owner, status, URL and title
 * (and the failure code, when the attempt failed), so webhooks, notifications or pipelines can be
 * wired to it with an EventBridge rule.
 *
 * @param title the title the link shows now, or {@code null}
 * @param failureCode why the attempt failed, or {@code null}
 */
public record CrawlEvent(
        Kind kind,
        LinkId id,
        String owner,
        String status,
        String url,
        String title,
        String failureCode) {

    /** The events' {@code source}: {@value}. */
    public static final String SOURCE = "linkcrawl";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What became of the crawl, as the event's {@code detail-type}. */
    public enum Kind {
        /** The page was crawled and indexed. */
        CRAWLED("LinkCrawled"),
        /** The crawl failed and nothing was crawled before: the link is {@code failed}. */
        FAILED("LinkFailed"),
        /** The attempt failed and the page crawled before was kept. */
        KEPT("LinkKept"),
        /** The attempt found the page gone again: the link is {@code gone}. */
        GONE("LinkGone");

        private final String detailType;

        Kind(String detailType) {
            this.detailType = detailType;
        }

        public String detailType() {
            return detailType;
        }
    }

    public CrawlEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(url, "url");
    }

    /** The event's {@code detail}, a JSON object; absent values are left out. */
    public String detailJson() {
        ObjectNode detail =
                JSON.createObjectNode()
                        .put("id", id.value())
                        .put("owner", owner)
                        .put("status", status)
                        .put("url", url);
        if (title != null) {
            detail.put("title", title);
        }
        if (failureCode != null) {
            detail.put("failureCode", failureCode);
        }
        return detail.toString();
    }
}
