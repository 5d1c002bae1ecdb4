package dev.linkcrawl.crawl.extract;

import java.util.Map;

/**
 * The site's name: the article's JSON-LD publisher, og:site_name, app names, organisation names.
 */
final class SiteNameReader {

    private SiteNameReader() {}

    /**
     * The publisher named in the article's JSON-LD comes first: it is the organisation's name
     * ("NPR"), where og:site_name is often a domain-like label ("NPR.org"). Readability and
     * metascraper decide the same way.
     */
    static String siteName(PageSignals s) {
        String v = null;
        {
            for (Map<String, Object> node : s.jsonLd) {
                Object pub = node.get("publisher");
                if (pub != null
                        && JsonLd.ARTICLE_TYPES.stream().anyMatch(JsonLd.types(node)::contains)) {
                    v = JsonLd.text(pub);
                    if (v != null) {
                        break;
                    }
                }
            }
        }
        if (v == null) {
            v = s.firstMeta("og:site_name");
        }
        if (v == null) {
            v = s.firstMeta("publisher", "twitter:app:name:iphone", "twitter:app:name:ipad");
            if (v != null && MetaText.looksLikeUrl(v)) {
                v = null;
            }
        }
        if (v == null) {
            Map<String, Object> site = JsonLd.firstOfType(s, "website");
            v = site == null ? null : JsonLd.text(site.get("name"));
        }
        if (v == null) {
            v = s.firstMeta("application-name", "apple-mobile-web-app-title", "al:ios:app_name");
        }
        if (v == null) {
            Map<String, Object> org = JsonLd.firstOfType(s, "organization");
            if (org == null) {
                org = JsonLd.firstOfType(s, "newsmediaorganization");
            }
            v = org == null ? null : JsonLd.text(org.get("name"));
        }
        return v == null ? null : MetaText.collapse(v);
    }
}
