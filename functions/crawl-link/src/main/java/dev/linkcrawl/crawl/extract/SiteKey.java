package dev.linkcrawl.crawl.extract;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An approximation of a host's registrable domain ("site"), without shipping the Public Suffix
 * List: the last two labels, or the last three when the last two look like a multi-part public
 * suffix ({@code co.uk}, {@code com.au}, {@code ne.jp}…: a generic second-level label under a
 * two-letter country code, or one of a few well-known shared hosting suffixes).
 */
public final class SiteKey {

    private static final Set<String> GENERIC_SECOND_LEVEL =
            Set.of(
                    "co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go", "gob", "gv",
                    "mil", "nic", "nom", "ltd", "plc", "sch", "info", "biz", "web", "asn", "id");

    private static final Set<String> SHARED_SUFFIXES =
            Set.of(
                    "github.io",
                    "blogspot.com",
                    "wordpress.com",
                    "tumblr.com",
                    "herokuapp.com",
                    "netlify.app",
                    "vercel.app",
                    "pages.dev",
                    "substack.com",
                    "medium.com");

    private SiteKey() {}

    /** The site of a URL's host, lowercased, or empty when the URL has no host. */
    public static Optional<String> of(String url) {
        if (url == null) {
            return Optional.empty();
        }
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return Optional.empty();
        }
        int start = scheme + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        if (authority.startsWith("[")) {
            return Optional.of(authority.toLowerCase(Locale.ROOT));
        }
        int colon = authority.indexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        return host.isEmpty() ? Optional.empty() : Optional.of(ofHost(host));
    }

    /** The site of a host name. */
    public static String ofHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        String[] labels = h.split("\\.");
        if (labels.length <= 2) {
            return h;
        }
        String lastTwo = labels[labels.length - 2] + "." + labels[labels.length - 1];
        boolean multiPart =
                SHARED_SUFFIXES.contains(lastTwo)
                        || (labels[labels.length - 1].length() == 2
                                && GENERIC_SECOND_LEVEL.contains(labels[labels.length - 2]));
        if (!multiPart) {
            return lastTwo;
        }
        return labels[labels.length - 3] + "." + lastTwo;
    }

    /** Whether two URLs belong to the same site as approximated here. */
    public static boolean sameSite(String a, String b) {
        Optional<String> sa = of(a);
        return sa.isPresent() && sa.equals(of(b));
    }
}
