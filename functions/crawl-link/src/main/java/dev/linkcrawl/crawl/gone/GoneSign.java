package dev.linkcrawl.crawl.gone;

import dev.linkcrawl.crawl.fetch.FailureCode;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What says a saved page is gone, as one crawl saw it. One sign is not a verdict (a site being
 * moved answers 404 for an hour, a domain can lapse and be renewed): the crawl counts signs in a
 * row ({@link dev.linkcrawl.index.GoneChecks}).
 */
public enum GoneSign {
    /** The server answered 404 (Not Found) or 410 (Gone). */
    NOT_FOUND(FailureCode.HTTP_STATUS),
    /** The domain no longer resolves (NXDOMAIN, or no address at all). */
    NO_SUCH_DOMAIN(FailureCode.DNS_NXDOMAIN),
    /** The domain answers with a parking or for-sale page ({@link ParkedDomain}). */
    PARKED_DOMAIN(FailureCode.PARKED_DOMAIN),
    /** A success status on a page that says it is not found ({@link SoftNotFound}). */
    SOFT_404(FailureCode.SOFT_404);

    private final FailureCode code;

    GoneSign(FailureCode code) {
        this.code = code;
    }

    /** The failure code an attempt with this sign records. */
    public FailureCode code() {
        return code;
    }

    /** The sign in a failed fetch: a 404 or 410, or NXDOMAIN; none for any other failure. */
    public static Optional<GoneSign> ofFailure(FailureCode code, OptionalInt httpStatus) {
        if (code == FailureCode.DNS_NXDOMAIN) {
            return Optional.of(NO_SUCH_DOMAIN);
        }
        if (code == FailureCode.HTTP_STATUS
                && httpStatus.isPresent()
                && (httpStatus.getAsInt() == 404 || httpStatus.getAsInt() == 410)) {
            return Optional.of(NOT_FOUND);
        }
        return Optional.empty();
    }

    /**
     * The sign in a page that was fetched and read: a parked domain, or a page that says it is not
     * found.
     *
     * @param requestedUrl the saved link's URL
     * @param finalUrl where the page came from, after every redirect
     * @param html the page's source
     * @param title its title, or {@code null}
     * @param text its main text
     * @param wordCount the words of {@code text}
     */
    public static Optional<GoneSign> ofPage(
            String requestedUrl,
            String finalUrl,
            String html,
            String title,
            String text,
            int wordCount) {
        if (ParkedDomain.matches(html, title, text, wordCount)) {
            return Optional.of(PARKED_DOMAIN);
        }
        if (SoftNotFound.matches(requestedUrl, finalUrl, title, text, wordCount)) {
            return Optional.of(SOFT_404);
        }
        return Optional.empty();
    }
}
