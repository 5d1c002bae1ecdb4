package dev.linkcrawl.crawl.extract;

import java.util.Map;

/**
 * The description: the page's own (Dublin Core, OpenGraph, Twitter, JSON-LD, meta), else the start
 * of its main text.
 */
final class DescriptionReader {

    /** A description taken from the text when the page has none is cut near: 1,000 characters. */
    static final int MAX_FALLBACK_DESCRIPTION = 1_000;

    private DescriptionReader() {}

    static String description(PageSignals s, Map<String, Object> entity) {
        String d =
                s.firstMeta(
                        "dc.description",
                        "dcterms.description",
                        "og:description",
                        "twitter:description");
        if (d == null) {
            d = JsonLd.entityText(entity, "description");
        }
        if (d == null) {
            d = s.firstMeta("description");
        }
        if (d == null) {
            d = s.firstItemprop("description");
        }
        return d == null ? null : MetaText.collapse(d);
    }

    /**
     * The first paragraph of the main text that reads as prose (not a heading or a one-word line),
     * cut at a word near {@value #MAX_FALLBACK_DESCRIPTION} characters.
     */
    static String firstParagraph(String text) {
        String chosen = null;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf("\n\n", start);
            String p = (end < 0 ? text.substring(start) : text.substring(start, end)).strip();
            if (chosen == null) {
                chosen = p;
            }
            if (p.length() >= 80
                    || (p.length() >= 20 && ".!?。".indexOf(p.charAt(p.length() - 1)) >= 0)) {
                chosen = p;
                break;
            }
            if (end < 0) {
                break;
            }
            start = end + 2;
        }
        return chosen == null ? null : cut(chosen);
    }

    static String cut(String p) {
        if (p.length() <= MAX_FALLBACK_DESCRIPTION) {
            return p;
        }
        int cut = p.lastIndexOf(' ', MAX_FALLBACK_DESCRIPTION);
        return p.substring(0, cut > 0 ? cut : MAX_FALLBACK_DESCRIPTION) + "…";
    }
}
