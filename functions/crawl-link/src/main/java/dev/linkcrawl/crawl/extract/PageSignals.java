package dev.linkcrawl.crawl.extract;

import dev.linkcrawl.crawl.extract.content.ElementAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The raw metadata of a page, gathered in one walk over the document: {@code <meta>} values by
 * name/property, {@code <link>} elements, JSON-LD nodes (arrays and {@code @graph} flattened),
 * microdata properties, the {@code <title>}, headings, {@code <time>} elements and byline
 * candidates. Values are kept as written; {@link PageExtractor} decides between them.
 */
final class PageSignals {

    /** At most this many JSON-LD nodes are kept, so a page cannot make the walk quadratic: 200. */
    static final int MAX_JSON_LD_NODES = 200;

    /** {@code <meta>} contents keyed by lower-cased name, property, itemprop or http-equiv. */
    final Map<String, List<String>> meta = new LinkedHashMap<>();

    /** {@code <link>} elements in document order. */
    final List<Element> links = new ArrayList<>();

    /** JSON-LD objects, flattened, in document order. */
    final List<Map<String, Object>> jsonLd = new ArrayList<>();

    /** Microdata: first element per itemprop name (lower-cased). */
    final Map<String, List<Element>> itemprops = new HashMap<>();

    /** Elements whose class, id or rel marks an author or byline. */
    final List<Element> bylines = new ArrayList<>();

    /** Elements with a {@code datetime} attribute ({@code time}, GitHub's relative-time…). */
    final List<Element> times = new ArrayList<>();

    /** Short elements whose class or id speaks of a date ("published", "post-date"…). */
    final List<Element> dateTexts = new ArrayList<>();

    /** Microdata item types ({@code itemtype}), lower-cased, last path segment. */
    final java.util.Set<String> itemTypes = new java.util.LinkedHashSet<>();

    final List<Element> h1s = new ArrayList<>();
    String titleTag;
    String htmlLang;
    String baseHref;

    private java.util.Optional<java.time.OffsetDateTime> dateNearTitle;

    /** What each class or id value seen so far speaks of: a page repeats a few names many times. */
    private final Map<String, Integer> nameMarks = new HashMap<>();

    private PageSignals() {}

    /** The date written next to the first {@code <h1>} ({@link DateNearTitle}), read once. */
    java.util.Optional<java.time.OffsetDateTime> dateNearTitle() {
        if (dateNearTitle == null) {
            dateNearTitle = DateNearTitle.of(h1s.isEmpty() ? null : h1s.get(0));
        }
        return dateNearTitle;
    }

    /** The signals of the whole document, in a walk of their own. */
    static PageSignals of(Document doc) {
        PageSignals s = outsideBody(doc);
        if (doc.body() != null) {
            NodeTraversor.filter(s.visitor(null), doc.body());
        }
        return s;
    }

    /**
     * The signals outside the body ({@code <html>}, {@code <head>}); the body's elements are then
     * handed to {@link #visit} by a walk that reads the body anyway, so it is walked once.
     */
    static PageSignals outsideBody(Document doc) {
        PageSignals s = new PageSignals();
        Element html = null;
        for (Element child : doc.children()) {
            if (child.normalName().equals("html")) {
                html = child;
                break;
            }
        }
        if (html != null) {
            String lang = html.attr("lang");
            if (lang.isBlank()) {
                lang = html.attr("xml:lang");
            }
            s.htmlLang = lang.isBlank() ? null : lang.strip();
        }
        NodeTraversor.filter(s.visitor(doc.body()), doc);
        return s;
    }

    /** A walk that visits every element but {@code skipped} and what it holds. */
    private NodeFilter visitor(Element skipped) {
        return new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element el)) {
                    return FilterResult.CONTINUE;
                }
                if (el == skipped) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                visit(el, null);
                // drawings hold no metadata and are often most of a page's elements
                return el.normalName().equals("svg")
                        ? FilterResult.SKIP_CHILDREN
                        : FilterResult.CONTINUE;
            }
        };
    }

    /**
     * Records what one element says about the page; {@code a} is what its attributes say, read by
     * the walk that hands it over, or null to read them here when needed ({@code <meta>}, {@code
     * <link>} and {@code <script>}, most of the head, do without).
     */
    void visit(Element el, ElementAttributes a) {
        switch (el.normalName()) {
            case "meta" -> {
                String content = el.hasAttr("content") ? el.attr("content") : el.attr("value");
                if (content.isBlank()) {
                    if (el.hasAttr("itemprop")) {
                        addItemprop(el);
                    }
                    return;
                }
                for (String attr : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                    String key = el.attr(attr);
                    if (!key.isBlank()) {
                        // "og:title twitter:title" style space-separated keys are common
                        for (String k : words(key)) {
                            meta.computeIfAbsent(metaKey(k), x -> new ArrayList<>())
                                    .add(content.strip());
                        }
                    }
                }
                if (el.hasAttr("itemprop")) {
                    addItemprop(el);
                }
                return;
            }
            case "link" -> {
                links.add(el);
                if (el.hasAttr("itemprop")) {
                    addItemprop(el);
                }
                return;
            }
            case "title" -> {
                if (titleTag == null) {
                    titleTag = el.text();
                }
                return;
            }
            case "base" -> {
                if (baseHref == null && el.hasAttr("href")) {
                    baseHref = el.attr("href");
                }
                return;
            }
            case "script" -> {
                if (el.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                    readJsonLd(el);
                }
                return;
            }
            case "h1" -> h1s.add(el);
            default -> {}
        }
        if (a == null) {
            a =
                    el.attributesSize() == 0
                            ? ElementAttributes.NONE
                            : ElementAttributes.of(el.attributes());
        }
        if (a.datetime() && times.size() < 50) {
            times.add(el);
        }
        // an empty itemprop names no property
        if (a.itemprop()) {
            addItemprop(el);
        }
        if (a.itemType() != null && itemTypes.size() < 50) {
            for (String t : words(a.itemType())) {
                int cut = Math.max(t.lastIndexOf('/'), t.lastIndexOf('#'));
                itemTypes.add(t.substring(cut + 1).toLowerCase(Locale.ROOT));
            }
        }
        int names = nameMarks(a.className()) | nameMarks(a.id());
        if ((names & SPEAKS_OF_DATE) != 0 && dateTexts.size() < 20) {
            dateTexts.add(el);
        }
        if ((names & SPEAKS_OF_AUTHOR) != 0
                || (el.normalName().equals("a") && el.attr("rel").equalsIgnoreCase("author"))) {
            if (bylines.size() < 50) {
                bylines.add(el);
            }
        }
    }

    private static final int SPEAKS_OF_DATE = 1;
    private static final int SPEAKS_OF_AUTHOR = 2;

    /** {@link #SPEAKS_OF_DATE} and {@link #SPEAKS_OF_AUTHOR} of a class or id value. */
    private int nameMarks(String value) {
        if (value.isEmpty()) {
            return 0;
        }
        Integer marks = nameMarks.get(value);
        if (marks == null) {
            // String.contains is vectorised: a few calls on each name beat one hand-written pass
            String lower = MetaText.lower(value);
            marks =
                    (speaksOfDate(lower) ? SPEAKS_OF_DATE : 0)
                            | (speaksOfAuthor(lower) ? SPEAKS_OF_AUTHOR : 0);
            nameMarks.put(value, marks);
        }
        return marks;
    }

    /** Whether a lower-case class or id speaks of a date: "date", "published", "posted", "time". */
    static boolean speaksOfDate(String names) {
        return !names.isEmpty()
                && (names.contains("date")
                        || names.contains("published")
                        || names.contains("posted")
                        || namesTime(names));
    }

    /** Whether a lower-case class or id speaks of an author: "byline", "author", "writer". */
    static boolean speaksOfAuthor(String names) {
        return !names.isEmpty()
                && (names.contains("byline")
                        || names.contains("author")
                        || names.contains("writer"));
    }

    /**
     * Whether a name part is "time" or "timestamp" ({@code post-timestamp}, {@code
     * episode-details-time}); a bare substring would also catch "timeline" and "runtime".
     */
    static boolean namesTime(String names) {
        int from = 0;
        while (true) {
            int at = names.indexOf("time", from);
            if (at < 0) {
                return false;
            }
            int end = at + 4;
            if (names.startsWith("stamp", end)) {
                end += 5;
            }
            boolean startsPart = at == 0 || !Character.isLetter(names.charAt(at - 1));
            boolean endsPart = end == names.length() || !Character.isLetter(names.charAt(end));
            if (startsPart && endsPart) {
                return true;
            }
            from = at + 1;
        }
    }

    /**
     * A meta name or property, lower-cased, with Dublin Core prefixes spelled one way: {@code
     * DC:Title}, {@code dc.title} and {@code dcterm:title} are all written {@code dc.title} or
     * {@code dcterms.title}.
     */
    static String metaKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.startsWith("dc:")) {
            return "dc." + k.substring(3);
        }
        for (String prefix : new String[] {"dcterms:", "dcterm:", "dcterm."}) {
            if (k.startsWith(prefix)) {
                return "dcterms." + k.substring(prefix.length());
            }
        }
        return k;
    }

    /** The whitespace-separated words of a value, without a regex. */
    static List<String> words(String value) {
        List<String> out = new ArrayList<>(2);
        int n = value.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(value.substring(start, i));
            }
        }
        return out;
    }

    private void addItemprop(Element el) {
        for (String p : words(el.attr("itemprop"))) {
            List<Element> list =
                    itemprops.computeIfAbsent(p.toLowerCase(Locale.ROOT), x -> new ArrayList<>());
            if (list.size() < 20) {
                list.add(el);
            }
        }
    }

    private void readJsonLd(Element script) {
        StringBuilder sb = new StringBuilder();
        for (Node child : script.childNodes()) {
            if (child instanceof DataNode d) {
                sb.append(d.getWholeData());
            } else {
                sb.append(child.outerHtml());
            }
        }
        LenientJson.parse(sb.toString()).ifPresent(v -> flatten(v, 0));
    }

    @SuppressWarnings("unchecked")
    private void flatten(Object value, int depth) {
        if (depth > 4 || jsonLd.size() >= MAX_JSON_LD_NODES) {
            return;
        }
        if (value instanceof List<?> list) {
            for (Object o : list) {
                flatten(o, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> m = (Map<String, Object>) map;
            if (m.containsKey("@type") || !m.containsKey("@graph")) {
                jsonLd.add(m);
            }
            Object graph = m.get("@graph");
            if (graph != null) {
                flatten(graph, depth + 1);
            }
            Object main = m.get("mainEntity");
            if (main instanceof Map<?, ?> || main instanceof List<?>) {
                flatten(main, depth + 1);
            }
        }
    }

    /**
     * The schema.org types the page declares, lower-cased without their vocabulary prefix: JSON-LD
     * {@code @type}s and microdata {@code itemtype}s.
     */
    java.util.Set<String> schemaTypes() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(itemTypes);
        for (Map<String, Object> node : jsonLd) {
            Object t = node.get("@type");
            List<?> list = t instanceof List<?> l ? l : t == null ? List.of() : List.of(t);
            for (Object o : list) {
                if (o instanceof String str) {
                    int cut = Math.max(str.lastIndexOf('/'), str.lastIndexOf(':'));
                    out.add(str.substring(cut + 1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /** First non-blank meta value among the keys, in key order. */
    String firstMeta(String... keys) {
        for (String k : keys) {
            List<String> values = meta.get(k);
            if (values != null) {
                for (String v : values) {
                    if (!v.isBlank()) {
                        return v;
                    }
                }
            }
        }
        return null;
    }

    /** First microdata value of a property: content, datetime, href/src or text. */
    String firstItemprop(String prop) {
        List<Element> list = itemprops.get(prop);
        if (list == null) {
            return null;
        }
        for (Element el : list) {
            String v = itempropValue(el);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    static String itempropValue(Element el) {
        if (el.hasAttr("content")) {
            return el.attr("content");
        }
        if (el.hasAttr("datetime")) {
            return el.attr("datetime");
        }
        if (el.normalName().equals("abbr") && el.hasAttr("title")) {
            return el.attr("title");
        }
        switch (el.normalName()) {
            case "a", "link", "area" -> {
                return el.attr("href");
            }
            case "img", "audio", "video", "source", "embed", "iframe" -> {
                return el.attr("src");
            }
            default -> {
                if (el.hasAttr("itemscope")) {
                    Element name = el.selectFirst("[itemprop~=(?i)^name$]");
                    return name != null ? itempropValue(name) : el.text();
                }
                return el.text();
            }
        }
    }
}
