package dev.linkcrawl.crawl.extract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reading a page's JSON-LD: which node describes the page's main thing (an article type first, then
 * a page type, then anything with a headline), and a node's values as text or URLs.
 */
final class JsonLd {

    static final Set<String> ARTICLE_TYPES =
            Set.of(
                    "article",
                    "newsarticle",
                    "blogposting",
                    "report",
                    "scholarlyarticle",
                    "techarticle",
                    "reportagenewsarticle",
                    "analysisnewsarticle",
                    "opinionnewsarticle",
                    "backgroundnewsarticle",
                    "reviewnewsarticle",
                    "livebLogposting".toLowerCase(Locale.ROOT),
                    "socialmediaposting",
                    "discussionforumposting",
                    "review",
                    "recipe",
                    "howto",
                    "qapage",
                    "podcastepisode",
                    "videoobject",
                    "creativework",
                    "medicalwebpage",
                    "posting",
                    "blog");

    static final Set<String> PAGE_TYPES =
            Set.of("webpage", "itempage", "aboutpage", "profilepage", "collectionpage");

    private JsonLd() {}

    static Map<String, Object> mainEntity(PageSignals s) {
        Map<String, Object> page = null;
        Map<String, Object> any = null;
        for (Map<String, Object> node : s.jsonLd) {
            Set<String> types = types(node);
            for (String t : types) {
                if (ARTICLE_TYPES.contains(t)) {
                    return node;
                }
                if (PAGE_TYPES.contains(t) && page == null) {
                    page = node;
                }
            }
            if (any == null && node.containsKey("headline")) {
                any = node;
            }
        }
        return page != null ? page : any;
    }

    static Set<String> types(Map<String, Object> node) {
        Set<String> out = new LinkedHashSet<>();
        Object t = node.get("@type");
        if (t instanceof String str) {
            out.add(lastSegment(str).toLowerCase(Locale.ROOT));
        } else if (t instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof String str) {
                    out.add(lastSegment(str).toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    static String lastSegment(String type) {
        int i = Math.max(type.lastIndexOf('/'), type.lastIndexOf(':'));
        return i >= 0 ? type.substring(i + 1) : type;
    }

    static Map<String, Object> firstOfType(PageSignals s, String type) {
        for (Map<String, Object> node : s.jsonLd) {
            if (types(node).contains(type)) {
                return node;
            }
        }
        return null;
    }

    /** A JSON-LD value as text: a string, a number, the name of an object, the first of a list. */
    static String text(Object v) {
        if (v == null || v == LenientJson.NULL) {
            return null;
        }
        if (v instanceof String str) {
            String t = str.strip();
            return t.isEmpty() ? null : t;
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) ? Long.toString(d.longValue()) : d.toString();
        }
        if (v instanceof Map<?, ?> m) {
            Object name = m.get("name");
            if (name == null) {
                name = m.get("@value");
            }
            return name instanceof Map<?, ?> ? null : text(name);
        }
        if (v instanceof List<?> list) {
            for (Object o : list) {
                String t = text(o);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    static String url(Object v) {
        if (v instanceof String str) {
            return str.strip();
        }
        if (v instanceof Map<?, ?> m) {
            for (String k : new String[] {"url", "contentUrl", "@id"}) {
                Object u = m.get(k);
                if (u instanceof String str && !str.isBlank()) {
                    return str.strip();
                }
            }
            return null;
        }
        if (v instanceof List<?> list) {
            for (Object o : list) {
                String u = url(o);
                if (u != null && !u.isBlank()) {
                    return u;
                }
            }
        }
        return null;
    }

    static String entityText(Map<String, Object> entity, String key) {
        return entity == null ? null : text(entity.get(key));
    }
}
