package dev.linkcrawl.crawl.fetch;

import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;

/** Builds checked URLs for tests; a URL the rules refuse fails the test at once. */
final class Urls {
    private Urls() {}

    static LinkUrl url(String raw, UrlPolicy policy) {
        return switch (LinkUrl.check(raw, policy)) {
            case UrlCheck.Accepted accepted -> accepted.url();
            case UrlCheck.Rejected rejected ->
                    throw new IllegalArgumentException(
                            "test URL refused: " + raw + " (" + rejected.detail() + ")");
        };
    }

    static LinkUrl url(String raw) {
        return url(raw, UrlPolicy.DEFAULT);
    }
}
