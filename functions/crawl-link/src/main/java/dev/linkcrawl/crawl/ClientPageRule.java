package dev.linkcrawl.crawl;

import dev.linkcrawl.index.LinkDocument;

/**
 * When a crawl replaces a page the owner sent ({@code source: client}): only when it reads the page
 * at least as the crawler would want to keep it (crawled, and not a page that needs the owner's,
 * such as a JavaScript shell or a paywall) and finds more of its text (more words) than the owner
 * sent. A failure, an interstitial, a shell, a teaser cut short by a paywall the markup does not
 * declare, or the same page again leave the sent page as it is. The owner sent the page because the
 * crawler could not read it: a later crawl must prove it now can.
 */
final class ClientPageRule {

    private ClientPageRule() {}

    /** Whether {@code crawl} replaces {@code sent}, a page the owner sent. */
    static boolean replaces(LinkDocument crawl, LinkDocument sent) {
        return crawl.status() == LinkDocument.Status.CRAWLED
                && !Boolean.TRUE.equals(crawl.needsPage())
                && words(crawl) > words(sent);
    }

    static int words(LinkDocument document) {
        return document.wordCount() == null ? 0 : document.wordCount();
    }
}
