package dev.linkcrawl.crawl.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The author: JSON-LD, then meta tags, then microdata, then a byline element near the main text.
 */
final class AuthorReader {

    static final Pattern BY_PREFIX = Pattern.compile("(?i)^(?:by|von|par|por|di|door)\\s+");

    private AuthorReader() {}

    /**
     * The author: JSON-LD, then meta tags, then microdata, then a byline element near the main text
     * ({@code scope}: the main-text container's parent), never one elsewhere on the page.
     */
    static String author(PageSignals s, Map<String, Object> entity, Element scope) {
        if (entity != null) {
            String a = names(entity.get("author"));
            if (a == null) {
                a = names(entity.get("creator"));
            }
            if (a != null) {
                return a;
            }
        }
        String a =
                s.firstMeta(
                        "dc.creator",
                        "dcterms.creator",
                        "author",
                        "article:author",
                        "parsely-author",
                        "sailthru.author",
                        "byl",
                        "twitter:creator");
        if (a != null && !MetaText.looksLikeUrl(a)) {
            return cleanByline(a);
        }
        String item = s.firstItemprop("author");
        if (item == null) {
            item = s.firstItemprop("creator");
        }
        if (item != null && !MetaText.looksLikeUrl(item) && item.length() < 100) {
            return cleanByline(item);
        }
        for (Element el : s.bylines) {
            if (scope == null || !within(el, scope)) {
                continue;
            }
            String t = bylineName(el);
            if (!t.isEmpty() && t.length() < 100) {
                return cleanByline(t);
            }
        }
        return null;
    }

    static boolean within(Element el, Element scope) {
        for (Element p = el; p != null; p = p.parent()) {
            if (p == scope) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name in a byline element: a descendant marked {@code itemprop="name"}, else the text of a
     * link to an author page ("Kelly Sheridan" in "Kelly Sheridan · News"), else the whole text.
     */
    static String bylineName(Element byline) {
        Element link = null;
        for (Element d : byline.getAllElements()) {
            if (d == byline) {
                continue;
            }
            if (d.attr("itemprop").toLowerCase(Locale.ROOT).contains("name")) {
                String name = d.text().strip();
                if (!name.isEmpty()) {
                    return name;
                }
            }
            if (link == null && d.normalName().equals("a") && isAuthorLink(d)) {
                link = d;
            }
        }
        if (link != null) {
            String name = link.text().strip();
            if (!name.isEmpty()) {
                return name;
            }
        }
        return byline.text().strip();
    }

    static boolean isAuthorLink(Element a) {
        String href = a.attr("href").toLowerCase(Locale.ROOT);
        return a.attr("rel").equalsIgnoreCase("author")
                || a.className().toLowerCase(Locale.ROOT).contains("author")
                || href.contains("/author")
                || href.contains("/writer");
    }

    static String names(Object v) {
        if (v instanceof List<?> list) {
            List<String> names = new ArrayList<>();
            for (Object o : list) {
                String n = JsonLd.text(o);
                n = n == null ? null : cleanByline(n);
                if (n != null && !n.isEmpty() && !MetaText.looksLikeUrl(n) && !names.contains(n)) {
                    names.add(n);
                }
            }
            return names.isEmpty() ? null : String.join(", ", names);
        }
        String n = JsonLd.text(v);
        return n == null || MetaText.looksLikeUrl(n) ? null : cleanByline(n);
    }

    static String cleanByline(String s) {
        String t = MetaText.collapse(s);
        t = BY_PREFIX.matcher(t).replaceFirst("");
        return t.strip();
    }
}
