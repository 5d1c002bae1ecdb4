package dev.linkcrawl.crawl;

import dev.linkcrawl.crawl.extract.Challenge;
import dev.linkcrawl.crawl.fetch.FailureCode;
import dev.linkcrawl.crawl.gone.GoneSign;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.url.UrlProblem;
import java.util.Locale;

/** How crawl failures are written into the index document's {@code failure} object. */
final class CrawlFailures {

    private CrawlFailures() {}

    /** The failure code for a URL the crawl-time rules refuse (rules may tighten after submit). */
    static FailureCode codeOf(UrlProblem problem) {
        return switch (problem) {
            case BLOCKED_ADDRESS, NON_CANONICAL_ADDRESS -> FailureCode.BLOCKED_ADDRESS;
            case BLOCKED_HOST -> FailureCode.BLOCKED_HOST;
            case BLOCKED_SCHEME -> FailureCode.BLOCKED_SCHEME;
            case BLOCKED_PORT -> FailureCode.BLOCKED_PORT;
            default -> FailureCode.INVALID_URL;
        };
    }

    /** A failure as stored: the code in snake_case, as clients match on it. */
    static LinkDocument.Failure failure(FailureCode code, String detail, boolean retryable) {
        return new LinkDocument.Failure(code.name().toLowerCase(Locale.ROOT), detail, retryable);
    }

    /**
     * A page that says the saved one is gone (a parked domain, a "not found" page), as an attempt
     * that kept the page crawled before records it.
     */
    static LinkDocument.Failure gone(GoneSign sign) {
        return failure(
                sign.code(),
                switch (sign) {
                    case PARKED_DOMAIN -> "the domain answers with a parking or for-sale page";
                    case SOFT_404 -> "the site answers that the page is not found";
                    case NOT_FOUND -> "the server answers that the page is not found";
                    case NO_SUCH_DOMAIN -> "the domain no longer resolves";
                },
                false);
    }

    /**
     * A crawl that reads less than the page the owner sent, which it leaves as it is ({@link
     * ClientPageRule}). Not retried: the scheduled re-crawl tries again another day.
     */
    static LinkDocument.Failure lessThanSentPage(LinkDocument crawl, LinkDocument sent) {
        return failure(
                FailureCode.LESS_THAN_SENT_PAGE,
                Boolean.TRUE.equals(crawl.needsPage())
                        ? "the crawler still cannot read the page (a shell or a paywall); the page"
                                + " you sent is kept"
                        : "the crawler read "
                                + ClientPageRule.words(crawl)
                                + " words, no more than the "
                                + ClientPageRule.words(sent)
                                + " of the page you sent, which is kept",
                false);
    }

    /**
     * An interstitial instead of the page. Not retried through the queue: five quick retries meet
     * the same wall; the scheduled re-crawl tries again another day.
     */
    static LinkDocument.Failure challenge(Challenge challenge) {
        return failure(
                FailureCode.BOT_CHALLENGE,
                "the site answered with an interstitial ("
                        + challenge.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + ") instead of the page",
                false);
    }
}
