package dev.linkcrawl.crawl.extract;

import dev.linkcrawl.index.PageType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The published and modified dates: meta tags, JSON-LD, microdata, time elements, visible dates,
 * the URL.
 */
final class DateReader {

    static final Pattern URL_DATE =
            Pattern.compile(
                    "/((?:19|20)\\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?:/|$|[-_])");

    /** A date spelled in an element's text is shorter than this: 80 characters. */
    static final int MAX_DATE_TEXT = 80;

    private DateReader() {}

    /**
     * Whether pages of {@code type} have a publication date worth reading: articles, forum threads
     * and pages of no known type do; products, collections, listings, documentation and service
     * pages do not, whatever dates their markup carries (a shop's template stamps
     * article:published_time on every page). WCXB's annotators date 18 of its 705 dev pages of
     * those five types, so reading none there costs little and spares the other 687 a false date.
     */
    static boolean hasPublicationDate(PageType type) {
        return switch (type) {
            case ARTICLE, FORUM, OTHER -> true;
            case PRODUCT, COLLECTION, LISTING, DOCUMENTATION, SERVICE -> false;
        };
    }

    /**
     * When the page was published, at the offset it writes: its {@code article:published_time}
     * (which sites set by hand, so it is rarely another page's), else the date written beside its
     * title (what a reader takes for the page's date; a thread's is any post's, so not on a forum),
     * else the other metadata, time elements, date-named elements and the URL in that order.
     */
    static OffsetDateTime publishedAt(
            PageSignals s, Map<String, Object> entity, String url, PageType type) {
        Optional<OffsetDateTime> marked =
                firstDate(
                        s.firstMeta(
                                "article:published_time",
                                "og:published_time",
                                "og:article:published_time"));
        if (marked.isPresent()) {
            return marked.get();
        }
        if (type != PageType.FORUM) {
            Optional<OffsetDateTime> visible = s.dateNearTitle();
            if (visible.isPresent()) {
                return visible.get();
            }
        }
        return firstDate(
                        JsonLd.entityText(entity, "datePublished"),
                        s.firstItemprop("datepublished"),
                        s.firstMeta(PUBLISHED_META),
                        JsonLd.entityText(entity, "dateCreated"),
                        timeElement(s),
                        dateText(s),
                        urlDate(url))
                .orElse(null);
    }

    /** Whether the page's metadata names a publication date, of whatever entity. */
    static boolean declaresPublished(PageSignals s) {
        if (s.firstMeta("article:published_time") != null
                || s.firstItemprop("datepublished") != null) {
            return true;
        }
        for (Map<String, Object> node : s.jsonLd) {
            if (node.get("datePublished") instanceof String) {
                return true;
            }
        }
        return false;
    }

    /** Meta names and properties that hold the publication date, as sites spell them. */
    static final String[] PUBLISHED_META = {
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
        "citation_date",
        "published",
        "og:publish_date",
        "og:pubdate",
        "article:published",
        "date_published",
        "published_date",
        "published-date",
        "publication_date",
        "release_date",
        "dc.date.created",
        "dc.created",
        "datecreated"
    };

    static Instant modifiedAt(PageSignals s, Map<String, Object> entity) {
        return firstDate(
                        s.firstMeta(
                                "article:modified_time",
                                "og:updated_time",
                                "og:article:modified_time"),
                        JsonLd.entityText(entity, "dateModified"),
                        s.firstItemprop("datemodified"),
                        s.firstMeta(
                                "last-modified",
                                "dcterms.modified",
                                "dc.date.modified",
                                "article.updated",
                                "lastmod",
                                "parsely-updated",
                                "sailthru.lastmodified"))
                .map(OffsetDateTime::toInstant)
                .orElse(null);
    }

    static String timeElement(PageSignals s) {
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

    static Optional<OffsetDateTime> firstDate(String... candidates) {
        for (String c : candidates) {
            Optional<OffsetDateTime> d = DateText.parseDateTime(c);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /** Dates in visible elements named like dates: a {@code title} attribute, else the text. */
    static String dateText(PageSignals s) {
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
    static String urlDate(String url) {
        var m = URL_DATE.matcher(url);
        return m.find() ? m.group(1) + "-" + m.group(2) + "-" + m.group(3) : null;
    }
}
