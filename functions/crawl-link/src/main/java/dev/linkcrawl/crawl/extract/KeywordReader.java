package dev.linkcrawl.crawl.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Keywords and tags: meta keywords, news_keywords, article:tag, parsely-tags, JSON-LD keywords. */
final class KeywordReader {

    /** Keywords kept per page: 50. */
    static final int MAX_KEYWORDS = 50;

    private KeywordReader() {}

    static List<String> keywords(PageSignals s, Map<String, Object> entity) {
        Set<String> out = new LinkedHashSet<>();
        List<String> raw = new ArrayList<>();
        for (String key :
                new String[] {"keywords", "news_keywords", "article:tag", "parsely-tags"}) {
            List<String> values = s.meta.get(key);
            if (values != null) {
                raw.addAll(values);
            }
        }
        if (entity != null) {
            Object k = entity.get("keywords");
            if (k instanceof List<?> list) {
                for (Object o : list) {
                    String t = JsonLd.text(o);
                    if (t != null) {
                        raw.add(t);
                    }
                }
            } else {
                String t = JsonLd.text(k);
                if (t != null) {
                    raw.add(t);
                }
            }
        }
        for (String r : raw) {
            for (String k : r.split("[,;]")) {
                String t = MetaText.collapse(k);
                if (!t.isEmpty() && t.length() <= 100) {
                    out.add(t);
                }
                if (out.size() >= MAX_KEYWORDS) {
                    return List.copyOf(out);
                }
            }
        }
        return List.copyOf(out);
    }
}
