package dev.linkcrawl.crawl.gone;

import java.util.List;
import java.util.Locale;

/**
 * Recognises a parked domain: the name lapsed and a registrar or a parking service answers with ads
 * or a for-sale offer instead of the page. Such pages are thin (under {@value #THIN_WORDS} words of
 * main text) and either load a parking service's scripts or say the domain is for sale or parked. A
 * long page that merely links to a registrar is not one.
 */
final class ParkedDomain {

    /** A parking page has fewer words of main text than this: 300. */
    static final int THIN_WORDS = 300;

    /**
     * How much of the source is searched for a parking service: 64 Ki characters (their pages are a
     * few KiB, the scripts in the head).
     */
    static final int SOURCE_SCAN_CHARS = 64 * 1024;

    /** Hosts and paths of parking and domain-sale services, as their pages load or link them. */
    private static final List<String> SERVICES =
            List.of(
                    "sedoparking.com",
                    "parkingcrew.net",
                    "bodis.com",
                    "above.com/marketplace",
                    "parking-lander",
                    "parkingpage.namecheap.com",
                    "dan.com/buy-domain",
                    "afternic.com/forsale",
                    "hugedomains.com/domain_profile",
                    "domainmarket.com",
                    "undeveloped.com",
                    "skenzo.com",
                    "dsnextgen.com");

    /** What the page itself says, in its title or main text. */
    private static final List<String> PHRASES =
            List.of(
                    "this domain is for sale",
                    "this domain may be for sale",
                    "this domain name is for sale",
                    "buy this domain",
                    "the domain name is for sale",
                    "domain is parked",
                    "this domain is parked",
                    "parked free",
                    "parked domain",
                    "this web page is parked",
                    "this domain has expired",
                    "domain has been registered via",
                    "diese domain steht zum verkauf",
                    "ce nom de domaine est à vendre");

    private ParkedDomain() {}

    static boolean matches(String html, String title, String text, int wordCount) {
        if (wordCount >= THIN_WORDS) {
            return false;
        }
        String said = ((title == null ? "" : title) + "\n" + text).toLowerCase(Locale.ROOT);
        if (PHRASES.stream().anyMatch(said::contains)) {
            return true;
        }
        String source =
                html.substring(0, Math.min(html.length(), SOURCE_SCAN_CHARS))
                        .toLowerCase(Locale.ROOT);
        return SERVICES.stream().anyMatch(source::contains);
    }
}
