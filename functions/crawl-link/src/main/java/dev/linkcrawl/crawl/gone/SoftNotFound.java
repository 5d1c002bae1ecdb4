package dev.linkcrawl.crawl.gone;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises a soft 404: a server that answers a page that no longer exists with a success status,
 * either with a short "not found" page or by redirecting a deep link to the site's home page. A
 * long page is never one (an article about 404 errors is an article): the page must have fewer than
 * {@value #SHORT_WORDS} words of main text.
 */
final class SoftNotFound {

    /** A "not found" page has fewer words of main text than this: 200. */
    static final int SHORT_WORDS = 200;

    /** A title that says the page is not there: "404", "Page not found", "Seite nicht gefunden". */
    private static final Pattern NOT_FOUND_TITLE =
            Pattern.compile(
                    "(^|\\W)(404|410)(\\W|$)|not found|page (does not|doesn't) exist|page"
                            + " (is )?(missing|unavailable)|no longer (available|exists)|nicht"
                            + " gefunden|introuvable|no encontrad|non trovat|niet gevonden",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** What a short page says when the page is not there. */
    private static final List<String> NOT_FOUND_TEXT =
            List.of(
                    "page not found",
                    "page you requested could not be found",
                    "page you are looking for",
                    "page you were looking for",
                    "page you're looking for",
                    "could not be found",
                    "couldn't find the page",
                    "couldn't find that page",
                    "this page doesn't exist",
                    "this page does not exist",
                    "no longer exists",
                    "has been removed",
                    "error 404",
                    "404 error",
                    "seite wurde nicht gefunden",
                    "page introuvable");

    /** Last path segments that name a site's home page, which may redirect to "/". */
    private static final Pattern HOME_PAGE =
            Pattern.compile("(index|default|home|start)(\\.[a-z]+)?/?", Pattern.CASE_INSENSITIVE);

    private SoftNotFound() {}

    static boolean matches(
            String requestedUrl, String finalUrl, String title, String text, int wordCount) {
        if (wordCount >= SHORT_WORDS) {
            return false;
        }
        if (title != null && NOT_FOUND_TITLE.matcher(title).find()) {
            return true;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (NOT_FOUND_TEXT.stream().anyMatch(lower::contains)) {
            return true;
        }
        return redirectedHome(requestedUrl, finalUrl);
    }

    /**
     * Whether a deep link ended on the home page of its own host ({@code www.} aside): a path other
     * than the root (and not a home page's own name, such as {@code /index.html}) redirected to
     * {@code /}. A link to another host's home page (a short link) is not one.
     */
    static boolean redirectedHome(String requestedUrl, String finalUrl) {
        URI requested;
        URI ended;
        try {
            requested = new URI(requestedUrl);
            ended = new URI(finalUrl);
        } catch (URISyntaxException e) {
            return false;
        }
        String path = requested.getRawPath() == null ? "" : requested.getRawPath();
        boolean deep = !path.isEmpty() && !path.equals("/");
        String last = path.substring(path.lastIndexOf('/', path.length() - 2) + 1);
        boolean home =
                (ended.getRawPath() == null
                                || ended.getRawPath().isEmpty()
                                || ended.getRawPath().equals("/"))
                        && ended.getRawQuery() == null;
        return deep
                && home
                && sameHost(requested.getHost(), ended.getHost())
                && !HOME_PAGE.matcher(last).matches();
    }

    private static boolean sameHost(String a, String b) {
        return a != null && b != null && withoutWww(a).equalsIgnoreCase(withoutWww(b));
    }

    private static String withoutWww(String host) {
        return host.regionMatches(true, 0, "www.", 0, 4) ? host.substring(4) : host;
    }
}
