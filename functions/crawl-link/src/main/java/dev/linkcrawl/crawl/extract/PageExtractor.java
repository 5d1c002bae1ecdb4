package dev.linkcrawl.crawl.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Reads an {@link ExtractedPage} from HTML: pure, no network, no state between calls.
 *
 * <p>Metadata is taken by priority (OpenGraph, Twitter cards, JSON-LD, microdata, plain HTML; a
 * page's Dublin Core title, description and creator come first, being rare and deliberate) with
 * every URL made absolute against the document's base (its {@code <base href>} if any); the main
 * text comes from {@link MainText}. Interstitials (bot checks, consent walls) are recognised and
 * reported in {@link ExtractedPage#challenge()} with an empty title and text.
 *
 * <p>A {@link Document} passed in is not modified.
 */
public final class PageExtractor {

    /** Keywords kept per page: 50. */
    static final int MAX_KEYWORDS = 50;

    /** A description taken from the text when the page has none is cut near: 1,000 characters. */
    static final int MAX_FALLBACK_DESCRIPTION = 1_000;

    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+(?:[|\\-–—·•»/:~]|::)\\s+");

    private static final Set<String> ARTICLE_TYPES =
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

    private static final Set<String> PAGE_TYPES =
            Set.of("webpage", "itempage", "aboutpage", "profilepage", "collectionpage");

    /** Parses {@code html} with {@code url} as its base and extracts it. */
    public ExtractedPage extract(String html, String url) {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(url, "url");
        Document doc = Jsoup.parse(html, url);
        return read(doc, url, html);
    }

    /** Extracts an already parsed document, whose base URI is the page URL. */
    public ExtractedPage extract(Document doc) {
        Objects.requireNonNull(doc, "doc");
        // The main-text walk does not modify the tree, so no defensive copy is needed.
        return read(doc, doc.location(), null);
    }

    private ExtractedPage read(Document doc, String url, String html) {
        PageSignals s = PageSignals.of(doc);
        String base = doc.baseUri().isEmpty() ? url : doc.baseUri();
        Map<String, Object> entity = mainEntity(s);

        String siteName = siteName(s);
        if (siteName == null && s.titleTag != null) {
            siteName = siteNameInTitle(collapse(s.titleTag), url);
        }
        String rawTitle = rawTitle(s, entity);
        String title = rawTitle == null ? null : trimSiteName(rawTitle, siteName, url);

        String hint = entity == null ? null : text(entity.get("articleBody"));
        MainText.Result main = MainText.extract(doc.body(), title, hint);

        Challenge challenge =
                ChallengeDetector.detect(
                        doc,
                        s.titleTag,
                        main.pageChars(),
                        () -> html != null ? html : doc.outerHtml());
        String text = challenge.blocksPage() ? "" : main.text();
        if (challenge.blocksPage()) {
            title = null;
        }

        String description = description(s, entity);
        if (description == null && !text.isEmpty()) {
            description =
                    main.firstParagraph() != null
                            ? cut(main.firstParagraph())
                            : firstParagraph(text);
        }
        String lang = lang(s, entity);
        if (lang == null) {
            lang =
                    LanguageGuess.of(
                                    text.isEmpty()
                                            ? (doc.body() == null ? "" : doc.body().text())
                                            : text)
                            .orElse(null);
        }
        Instant published = publishedAt(s, entity, url);
        Instant modified = modifiedAt(s, entity);
        return new ExtractedPage(
                url,
                blankToNull(title),
                blankToNull(description),
                blankToNull(author(s, entity, main.scope())),
                published,
                modified,
                blankToNull(siteName),
                lang,
                absolute(base, image(s, entity)),
                favicon(s, base, url),
                canonical(s, base, url),
                keywords(s, entity),
                feeds(s, base),
                text,
                wordCount(text),
                challenge,
                PageType.ARTICLE,
                text.isEmpty() ? 0 : 0.5);
    }

    // ---- JSON-LD ---------------------------------------------------------------------------

    private static Map<String, Object> mainEntity(PageSignals s) {
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

    private static Set<String> types(Map<String, Object> node) {
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

    private static String lastSegment(String type) {
        int i = Math.max(type.lastIndexOf('/'), type.lastIndexOf(':'));
        return i >= 0 ? type.substring(i + 1) : type;
    }

    private static Map<String, Object> firstOfType(PageSignals s, String type) {
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

    private static String url(Object v) {
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

    private static String entityText(Map<String, Object> entity, String key) {
        return entity == null ? null : text(entity.get(key));
    }

    // ---- fields ----------------------------------------------------------------------------

    private static String rawTitle(PageSignals s, Map<String, Object> entity) {
        // Dublin Core is rare and deliberate (publishers, archives, standards bodies): where a page
        // states it, it is the curated title, as Readability also decides.
        String t = s.firstMeta("dc.title", "dcterms.title", "og:title", "twitter:title");
        if (t == null) {
            String headline = entityHeadline(entity, s.titleTag);
            // Some sites put a description in "headline" (Wikipedia: "constitutional monarchy in
            // Oceania"); trust it only when it shares a word with the <title> or the first h1.
            if (headline != null
                    && (s.titleTag == null
                            || sharesWord(headline, s.titleTag)
                            || (!s.h1s.isEmpty() && sharesWord(headline, s.h1s.get(0).text())))) {
                t = headline;
            }
        }
        if (t == null) {
            t = s.firstItemprop("headline");
            // on a link, microdata reads the href: a URL is no headline
            if (t != null && looksLikeUrl(t)) {
                t = null;
            }
        }
        if (t == null) {
            t = s.firstMeta("sailthru.title", "parsely-title");
        }
        if (t == null && s.titleTag != null && !s.titleTag.isBlank()) {
            t = s.titleTag;
        }
        if (t == null && !s.h1s.isEmpty()) {
            t = s.h1s.get(0).text();
        }
        return t == null ? null : collapse(t);
    }

    /**
     * The entity's headline, or its {@code name} when the two differ and the name is the one that
     * matches the {@code <title>} or neither does: some sites put the article's title in one and a
     * label in the other (Wikipedia's headline "Wikimedia list article"). Readability decides so.
     */
    static String entityHeadline(Map<String, Object> entity, String titleTag) {
        String headline = entityText(entity, "headline");
        String name = entityText(entity, "name");
        if (headline == null || name == null || headline.equals(name)) {
            return headline;
        }
        boolean headlineMatches = titleTag != null && coverage(headline, titleTag) > 0.75;
        boolean nameMatches = titleTag != null && coverage(name, titleTag) > 0.75;
        return headlineMatches && !nameMatches ? headline : name;
    }

    /**
     * How much of {@code text}'s words (by characters) also appear in {@code candidate}: 1 when all
     * do, 0 when none do.
     */
    static double coverage(String candidate, String text) {
        Set<String> known = new java.util.HashSet<>();
        for (String w : candidate.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")) {
            if (!w.isEmpty()) {
                known.add(w);
            }
        }
        int all = -1;
        int unknown = -1;
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")) {
            if (w.isEmpty()) {
                continue;
            }
            all += w.length() + 1;
            if (!known.contains(w)) {
                unknown += w.length() + 1;
            }
        }
        if (all <= 0) {
            return 0;
        }
        return 1 - (double) Math.max(0, unknown) / all;
    }

    private static boolean sharesWord(String a, String b) {
        Set<String> words = new java.util.HashSet<>();
        for (String w : a.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3) {
                words.add(w);
            }
        }
        for (String w : b.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3 && words.contains(w)) {
                return true;
            }
        }
        return words.isEmpty();
    }

    /**
     * Cuts " | Site" / " - Site" / "Site: " from a title when that part names the site, as shown by
     * the page's own site name or host.
     */
    static String trimSiteName(String title, String siteName, String url) {
        String[] parts = TITLE_SEPARATOR.split(title);
        if (parts.length < 2) {
            return title;
        }
        String host = SiteKey.of(url).orElse("");
        int dot = host.indexOf('.');
        String hostLabel = dot > 0 ? host.substring(0, dot) : host;
        var sep = TITLE_SEPARATOR.matcher(title);
        List<int[]> seps = new ArrayList<>();
        while (sep.find()) {
            seps.add(new int[] {sep.start(), sep.end()});
        }
        String last = title.substring(seps.get(seps.size() - 1)[1]);
        if (namesSite(last, siteName, hostLabel)) {
            String rest = title.substring(0, seps.get(seps.size() - 1)[0]).strip();
            return rest.isEmpty() ? title : trimSiteName(rest, siteName, url);
        }
        String first = title.substring(0, seps.get(0)[0]);
        // a leading part must name the site exactly: "Site Blog @ Site :: Portal" style titles
        // put the article first and merely mention the site in it
        if (simplify(first).equals(simplify(siteName == null ? "" : siteName))
                || simplify(first).equals(simplify(hostLabel))) {
            String rest = title.substring(seps.get(0)[1]).strip();
            return rest.isEmpty() ? title : rest;
        }
        return title;
    }

    private static boolean namesSite(String part, String siteName, String hostLabel) {
        String p = simplify(part);
        if (p.isEmpty()) {
            return false;
        }
        if (siteName != null) {
            String sn = simplify(siteName);
            if (!sn.isEmpty()
                    && (p.equals(sn)
                            || (p.length() >= 4 && sn.contains(p))
                            || (sn.length() >= 4
                                    && p.contains(sn)
                                    && p.length() <= sn.length() + 12))) {
                return true;
            }
        }
        return hostLabel.length() >= 3
                && (p.equals(simplify(hostLabel))
                        || (p.startsWith(simplify(hostLabel))
                                && p.length() <= hostLabel.length() + 8));
    }

    private static String simplify(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /**
     * The publisher named in the article's JSON-LD comes first: it is the organisation's name
     * ("NPR"), where og:site_name is often a domain-like label ("NPR.org"). Readability and
     * metascraper decide the same way.
     */
    private static String siteName(PageSignals s) {
        String v = null;
        {
            for (Map<String, Object> node : s.jsonLd) {
                Object pub = node.get("publisher");
                if (pub != null && ARTICLE_TYPES.stream().anyMatch(types(node)::contains)) {
                    v = text(pub);
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
            if (v != null && looksLikeUrl(v)) {
                v = null;
            }
        }
        if (v == null) {
            Map<String, Object> site = firstOfType(s, "website");
            v = site == null ? null : text(site.get("name"));
        }
        if (v == null) {
            v = s.firstMeta("application-name", "apple-mobile-web-app-title", "al:ios:app_name");
        }
        if (v == null) {
            Map<String, Object> org = firstOfType(s, "organization");
            if (org == null) {
                org = firstOfType(s, "newsmediaorganization");
            }
            v = org == null ? null : text(org.get("name"));
        }
        return v == null ? null : collapse(v);
    }

    /**
     * The first or last segment of a {@code <title>} like "Article | Startup Grind" when it spells
     * the site's host name ({@code startupgrind.com}), or most of it ("LeanData" on {@code
     * leandatainc.com}): the page's own proof that the segment is the site's name.
     */
    static String siteNameInTitle(String title, String url) {
        String host = SiteKey.of(url).orElse("");
        int dot = host.indexOf('.');
        String label = simplify(dot > 0 ? host.substring(0, dot) : host);
        if (label.length() < 3) {
            return null;
        }
        var sep = TITLE_SEPARATOR.matcher(title);
        int firstStart = -1;
        int lastEnd = -1;
        while (sep.find()) {
            if (firstStart < 0) {
                firstStart = sep.start();
            }
            lastEnd = sep.end();
        }
        if (firstStart < 0) {
            return null;
        }
        for (String part :
                new String[] {title.substring(lastEnd), title.substring(0, firstStart)}) {
            String p = simplify(part);
            if (p.equals(label)
                    || (p.length() >= 4
                            && label.startsWith(p)
                            && p.length() * 10 >= label.length() * 7)) {
                return part.strip();
            }
        }
        return null;
    }

    private static String description(PageSignals s, Map<String, Object> entity) {
        String d =
                s.firstMeta(
                        "dc.description",
                        "dcterms.description",
                        "og:description",
                        "twitter:description");
        if (d == null) {
            d = entityText(entity, "description");
        }
        if (d == null) {
            d = s.firstMeta("description");
        }
        if (d == null) {
            d = s.firstItemprop("description");
        }
        return d == null ? null : collapse(d);
    }

    /**
     * The first paragraph of the main text that reads as prose (not a heading or a one-word line),
     * cut at a word near {@value #MAX_FALLBACK_DESCRIPTION} characters.
     */
    private static String firstParagraph(String text) {
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

    private static String cut(String p) {
        if (p.length() <= MAX_FALLBACK_DESCRIPTION) {
            return p;
        }
        int cut = p.lastIndexOf(' ', MAX_FALLBACK_DESCRIPTION);
        return p.substring(0, cut > 0 ? cut : MAX_FALLBACK_DESCRIPTION) + "…";
    }

    private static boolean within(Element el, Element scope) {
        for (Element p = el; p != null; p = p.parent()) {
            if (p == scope) {
                return true;
            }
        }
        return false;
    }

    /**
     * The author: JSON-LD, then meta tags, then microdata, then a byline element near the main text
     * ({@code scope}: the main-text container's parent), never one elsewhere on the page.
     */
    private static String author(PageSignals s, Map<String, Object> entity, Element scope) {
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
        if (a != null && !looksLikeUrl(a)) {
            return cleanByline(a);
        }
        String item = s.firstItemprop("author");
        if (item == null) {
            item = s.firstItemprop("creator");
        }
        if (item != null && !looksLikeUrl(item) && item.length() < 100) {
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

    private static boolean isAuthorLink(Element a) {
        String href = a.attr("href").toLowerCase(Locale.ROOT);
        return a.attr("rel").equalsIgnoreCase("author")
                || a.className().toLowerCase(Locale.ROOT).contains("author")
                || href.contains("/author")
                || href.contains("/writer");
    }

    private static String names(Object v) {
        if (v instanceof List<?> list) {
            List<String> names = new ArrayList<>();
            for (Object o : list) {
                String n = text(o);
                n = n == null ? null : cleanByline(n);
                if (n != null && !n.isEmpty() && !looksLikeUrl(n) && !names.contains(n)) {
                    names.add(n);
                }
            }
            return names.isEmpty() ? null : String.join(", ", names);
        }
        String n = text(v);
        return n == null || looksLikeUrl(n) ? null : cleanByline(n);
    }

    private static final Pattern BY_PREFIX = Pattern.compile("(?i)^(?:by|von|par|por|di|door)\\s+");

    private static String cleanByline(String s) {
        String t = collapse(s);
        t = BY_PREFIX.matcher(t).replaceFirst("");
        return t.strip();
    }

    private static boolean looksLikeUrl(String s) {
        return s.startsWith("http://")
                || s.startsWith("https://")
                || s.startsWith("www.")
                || s.startsWith("@");
    }

    private static final Pattern URL_DATE =
            Pattern.compile(
                    "/((?:19|20)\\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?:/|$|[-_])");

    /** A date spelled in an element's text is shorter than this: 80 characters. */
    static final int MAX_DATE_TEXT = 80;

    /** Dates in visible elements named like dates: a {@code title} attribute, else the text. */
    private static String dateText(PageSignals s) {
        for (Element el : s.dateTexts) {
            for (String v : new String[] {el.attr("title"), el.attr("content"), shortText(el)}) {
                if (v != null
                        && !v.isBlank()
                        && v.length() < MAX_DATE_TEXT
                        && DateText.parse(v).isPresent()) {
                    return v;
                }
            }
        }
        return null;
    }

    /**
     * The element's text when it has fewer than {@value #MAX_DATE_TEXT} non-space characters, else
     * null without reading the rest: a "date"-named container can hold a whole article.
     */
    static String shortText(Element el) {
        int[] visible = {0};
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            String s = t.getWholeText();
                            for (int i = 0; i < s.length(); i++) {
                                if (!Character.isWhitespace(s.charAt(i))
                                        && ++visible[0] >= MAX_DATE_TEXT) {
                                    return FilterResult.STOP;
                                }
                            }
                        }
                        return FilterResult.CONTINUE;
                    }
                },
                el);
        return visible[0] >= MAX_DATE_TEXT ? null : el.text();
    }

    /** A date spelled in the URL path, like {@code /2016/05/26/}: a last resort. */
    private static String urlDate(String url) {
        var m = URL_DATE.matcher(url);
        return m.find() ? m.group(1) + "-" + m.group(2) + "-" + m.group(3) : null;
    }

    private static Instant publishedAt(PageSignals s, Map<String, Object> entity, String url) {
        return firstDate(
                s.firstMeta(
                        "article:published_time", "og:published_time", "og:article:published_time"),
                entityText(entity, "datePublished"),
                s.firstItemprop("datepublished"),
                s.firstMeta(
                        "date",
                        "pubdate",
                        "publishdate",
                        "publish-date",
                        "publish_date",
                        "dc.date",
                        "dc.date.issued",
                        "dcterms.date",
                        "dcterms.issued",
                        "dcterms.created",
                        "sailthru.date",
                        "parsely-pub-date",
                        "article.published",
                        "datepublished",
                        "originalpublicationdate",
                        "article_date_original",
                        "cxenseparse:recs:publishtime",
                        "date.available",
                        "citation_publication_date",
                        "citation_date"),
                entityText(entity, "dateCreated"),
                timeElement(s),
                dateText(s),
                urlDate(url));
    }

    private static Instant modifiedAt(PageSignals s, Map<String, Object> entity) {
        return firstDate(
                s.firstMeta("article:modified_time", "og:updated_time", "og:article:modified_time"),
                entityText(entity, "dateModified"),
                s.firstItemprop("datemodified"),
                s.firstMeta(
                        "last-modified",
                        "dcterms.modified",
                        "dc.date.modified",
                        "article.updated",
                        "lastmod",
                        "parsely-updated",
                        "sailthru.lastmodified"));
    }

    private static String timeElement(PageSignals s) {
        for (Element t : s.times) {
            if (t.hasAttr("pubdate") || t.attr("itemprop").equalsIgnoreCase("datePublished")) {
                return t.attr("datetime");
            }
        }
        for (Element t : s.times) {
            if (t.hasAttr("datetime")) {
                return t.attr("datetime");
            }
        }
        return null;
    }

    private static Instant firstDate(String... candidates) {
        for (String c : candidates) {
            Optional<Instant> i = DateText.parse(c);
            if (i.isPresent()) {
                return i.get();
            }
        }
        return null;
    }

    private static String lang(PageSignals s, Map<String, Object> entity) {
        for (String raw :
                new String[] {
                    s.htmlLang,
                    s.firstMeta("content-language", "language", "dc.language"),
                    s.firstMeta("og:locale"),
                    entityText(entity, "inLanguage")
                }) {
            String code = iso639(raw);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    /** The ISO 639-1 code of a language tag like "en-US", "pt_BR" or "de", else null. */
    static String iso639(String tag) {
        if (tag == null) {
            return null;
        }
        String t = tag.strip().toLowerCase(Locale.ROOT);
        int comma = t.indexOf(',');
        if (comma > 0) {
            t = t.substring(0, comma).strip();
        }
        int cut = 0;
        while (cut < t.length() && t.charAt(cut) >= 'a' && t.charAt(cut) <= 'z') {
            cut++;
        }
        if (cut != 2 || (cut < t.length() && t.charAt(cut) != '-' && t.charAt(cut) != '_')) {
            return null;
        }
        String code = t.substring(0, 2);
        return switch (code) {
            case "iw" -> "he";
            case "in" -> "id";
            case "ji" -> "yi";
            default -> code;
        };
    }

    private static String image(PageSignals s, Map<String, Object> entity) {
        String i = s.firstMeta("og:image:secure_url", "og:image:url", "og:image");
        if (i == null) {
            i = s.firstMeta("twitter:image", "twitter:image:src");
        }
        if (i == null && entity != null) {
            i = url(entity.get("image"));
            if (i == null) {
                i = url(entity.get("thumbnailUrl"));
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

    private static String favicon(PageSignals s, String base, String url) {
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
            return absolute(base, best);
        }
        return absolute(url, "/favicon.ico");
    }

    private static String canonical(PageSignals s, String base, String url) {
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
            String abs = absolute(base, c);
            if (abs != null && SiteKey.sameSite(abs, url)) {
                return abs;
            }
        }
        return null;
    }

    private static List<String> keywords(PageSignals s, Map<String, Object> entity) {
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
                    String t = text(o);
                    if (t != null) {
                        raw.add(t);
                    }
                }
            } else {
                String t = text(k);
                if (t != null) {
                    raw.add(t);
                }
            }
        }
        for (String r : raw) {
            for (String k : r.split("[,;]")) {
                String t = collapse(k);
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

    private static List<String> feeds(PageSignals s, String base) {
        Set<String> out = new LinkedHashSet<>();
        for (Element link : s.links) {
            String rel = link.attr("rel").toLowerCase(Locale.ROOT);
            String type = link.attr("type").toLowerCase(Locale.ROOT);
            if (rel.contains("alternate")
                    && (type.contains("rss")
                            || type.contains("atom")
                            || type.contains("feed+json"))) {
                String abs = absolute(base, link.attr("href"));
                if (abs != null) {
                    out.add(abs);
                }
            }
        }
        return List.copyOf(out);
    }

    // ---- text helpers ----------------------------------------------------------------------

    static String absolute(String base, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        String h = href.strip();
        if (h.startsWith("data:") || h.startsWith("javascript:")) {
            return null;
        }
        String abs = StringUtil.resolve(base, h);
        return abs.isEmpty() ? (h.startsWith("http") ? h : null) : abs;
    }

    /**
     * Whitespace collapsed to single spaces, and entities decoded once more: many sites escape
     * their metadata twice ({@code &amp;#39;}), which an HTML parser decodes only once.
     */
    static String collapse(String s) {
        if (s.indexOf('&') >= 0) {
            s = org.jsoup.parser.Parser.unescapeEntities(s, false);
        }
        return collapseSpace(s);
    }

    private static String collapseSpace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static int wordCount(String text) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean w =
                    c < 0x80
                            ? (c >= 'a' && c <= 'z')
                                    || (c >= 'A' && c <= 'Z')
                                    || (c >= '0' && c <= '9')
                            : Character.isLetterOrDigit(c);
            if (w && !in) {
                n++;
            }
            in = w;
        }
        return n;
    }
}
