package dev.linkcrawl.crawl;

import dev.linkcrawl.crawl.extract.Challenge;
import dev.linkcrawl.crawl.fetch.FailureCode;
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
