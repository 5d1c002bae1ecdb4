package dev.linkcrawl.crawl.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/** The links a page declares about itself: its image, icon, canonical address and feeds. */
final class PageLinks {

    private PageLinks() {}

    static String image(PageSignals s, Map<String, Object> entity) {
        String i = s.firstMeta("og:image:secure_url", "og:image:url", "og:image");
        if (i == null) {
            i = s.firstMeta("twitter:image", "twitter:image:src");
        }
        if (i == null && entity != null) {
            i = JsonLd.url(entity.get("image"));
            if (i == null) {
                i = JsonLd.url(entity.get("thumbnailUrl"));
            }
        }
        if (i == null) {
            i = s.firstItemprop("image");
        }
        if (i == null) {
            for (Element link : s.links) {
                if (link.attr("rel").equalsIgnoreCase("image_src")) {
                    i = link.attr("href");
                    break;
                }
            }
        }
        return i;
    }

    static String favicon(PageSignals s, String base, String url) {
        String best = null;
        int bestRank = -1;
        for (Element link : s.links) {
            String rel = link.attr("rel").toLowerCase(Locale.ROOT);
            String href = link.attr("href").strip();
            if (href.isEmpty() || href.startsWith("data:")) {
                continue;
            }
            int rank;
            if (rel.contains("apple-touch-icon")) {
                rank = 3;
            } else if (rel.contains("icon")) {
                rank = 2;
            } else if (rel.equals("mask-icon")) {
                rank = 1;
            } else {
                continue;
            }
            int size = 0;
            String sizes = link.attr("sizes").toLowerCase(Locale.ROOT);
            int x = sizes.indexOf('x');
            if (x > 0) {
                try {
                    size = Integer.parseInt(sizes.substring(0, x).strip());
                } catch (NumberFormatException e) {
                    size = 0;
                }
            }
            int score = rank * 1000 + Math.min(size, 512);
            if (score > bestRank) {
                bestRank = score;
                best = href;
            }
        }
        if (best != null) {
            return MetaText.absolute(base, best);
        }
        return MetaText.absolute(url, "/favicon.ico");
    }

    static String canonical(PageSignals s, String base, String url) {
        List<String> candidates = new ArrayList<>();
        for (Element link : s.links) {
            if (link.attr("rel").equalsIgnoreCase("canonical")) {
                candidates.add(link.attr("href"));
            }
        }
        candidates.add(s.firstMeta("og:url"));
        for (String c : candidates) {
            if (c == null || c.isBlank()) {
                continue;
            }
            String abs = MetaText.absolute(base, c);
            if (abs != null && SiteKey.sameSite(abs, url)) {
                return abs;
            }
        }
        return null;
    }

    static List<String> feeds(PageSignals s, String base) {
        Set<String> out = new LinkedHashSet<>();
        for (Element link : s.links) {
            String rel = link.attr("rel").toLowerCase(Locale.ROOT);
            String type = link.attr("type").toLowerCase(Locale.ROOT);
            if (rel.contains("alternate")
                    && (type.contains("rss")
                            || type.contains("atom")
                            || type.contains("feed+json"))) {
                String abs = MetaText.absolute(base, link.attr("href"));
                if (abs != null) {
                    out.add(abs);
                }
            }
        }
        return List.copyOf(out);
    }
}
