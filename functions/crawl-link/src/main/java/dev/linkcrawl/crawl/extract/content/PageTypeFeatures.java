package dev.linkcrawl.crawl.extract.content;

import dev.linkcrawl.crawl.extract.content.Blocks.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The numbers a page's type is judged by: the schema.org types it declares, words of its address
 * and title ({@code url-words.tsv}), how many of some tags it has, and the shape of its blocks (how
 * much sits in list items, headings, code, repeated structures, posts, product boxes…).
 */
final class PageTypeFeatures {

    private static final WordKinds SCHEMA = WordKinds.load("schema-types.tsv");
    private static final WordKinds URL_WORDS = WordKinds.load("url-words.tsv");

    /** Feature names, in row order. */
    static final List<String> NAMES = names();

    private static final long POST = NameWords.bit("post");
    private static final long COMMENT = NameWords.bit("comment");
    private static final long PRODUCT = NameWords.bit("product");
    private static final long CARD = NameWords.bit("card");
    private static final long REVIEW = NameWords.bit("review");
    private static final long FAQ = NameWords.bit("faq");
    private static final long CODE = NameWords.bit("code");
    private static final long META = NameWords.bit("meta");
    private static final long NAV = NameWords.bit("nav") | NameWords.bit("menu");

    private static List<String> names() {
        List<String> n = new ArrayList<>();
        for (String k : SCHEMA.kinds()) {
            n.add("schema_" + k);
        }
        for (String og : List.of("article", "product", "website", "other")) {
            n.add("og_" + og);
        }
        for (String k : URL_WORDS.kinds()) {
            n.add("url_" + k);
        }
        for (String k : URL_WORDS.kinds()) {
            n.add("host_" + k);
        }
        for (String k : URL_WORDS.kinds()) {
            n.add("title_" + k);
        }
        n.addAll(List.of("urlKnown", "pathDepth", "pathDigits", "titleQuestion", "titleLength"));
        for (String t : Blocks.COUNTED) {
            n.add("count_" + t);
        }
        n.addAll(
                List.of(
                        "blocks",
                        "chars",
                        "linkDensity",
                        "charsPerBlock",
                        "shareLi",
                        "shareHeading",
                        "shareCode",
                        "shareCell",
                        "shareP",
                        "shareRepeated",
                        "sharePost",
                        "shareComment",
                        "shareProduct",
                        "shareCard",
                        "shareReview",
                        "shareFaq",
                        "shareCodeNamed",
                        "shareMeta",
                        "shareNav",
                        "shareItemPost",
                        "shareItemProduct",
                        "shareItemBody",
                        "prices",
                        "shortDates",
                        "bestShare",
                        "headings",
                        "longParagraphs",
                        "datedNearTitle",
                        "declaresPublished",
                        "timeElements",
                        "bylines",
                        "slugWords",
                        "linkedHeadings",
                        "linkedHeadingShare"));
        return List.copyOf(n);
    }

    private PageTypeFeatures() {}

    /** One row for the page. */
    static float[] row(PageHints hints, Blocks.Page page, TextDensity density, int[] repeated) {
        float[] r = new float[NAMES.size()];
        int at = 0;
        long schema = 0;
        for (String t : hints.schemaTypes()) {
            schema |= SCHEMA.of(t);
        }
        for (int k = 0; k < SCHEMA.kinds().size(); k++) {
            r[at++] = (schema & (1L << k)) != 0 ? 1 : 0;
        }
        String og = hints.ogType() == null ? "" : hints.ogType();
        r[at++] = og.contains("article") ? 1 : 0;
        r[at++] = og.contains("product") ? 1 : 0;
        r[at++] = og.equals("website") ? 1 : 0;
        r[at++] =
                !og.isEmpty()
                                && !og.contains("article")
                                && !og.contains("product")
                                && !og.equals("website")
                        ? 1
                        : 0;
        Address address = Address.of(hints.url());
        long path = URL_WORDS.ofWords(address.path());
        long host = URL_WORDS.of(address.firstLabel());
        String title = hints.title() == null ? "" : hints.title();
        long titleWords = URL_WORDS.ofWords(title);
        for (long mask : new long[] {path, host, titleWords}) {
            for (int k = 0; k < URL_WORDS.kinds().size(); k++) {
                r[at++] = (mask & (1L << k)) != 0 ? 1 : 0;
            }
        }
        r[at++] = address.known() ? 1 : 0;
        r[at++] = address.depth();
        r[at++] = address.digits() ? 1 : 0;
        r[at++] = title.strip().endsWith("?") ? 1 : 0;
        r[at++] = Counts.log(title.length());
        for (int c : page.tags()) {
            r[at++] = Counts.log(c);
        }
        List<Block> blocks = page.blocks();
        int chars = 0;
        int links = 0;
        int li = 0;
        int heading = 0;
        int code = 0;
        int cell = 0;
        int p = 0;
        int post = 0;
        int comment = 0;
        int product = 0;
        int card = 0;
        int review = 0;
        int faq = 0;
        int codeNamed = 0;
        int meta = 0;
        int nav = 0;
        int itemPost = 0;
        int itemProduct = 0;
        int itemBody = 0;
        int prices = 0;
        int shortDates = 0;
        int headings = 0;
        int linkedHeadings = 0;
        int longParagraphs = 0;
        for (Block b : blocks) {
            int n = b.chars();
            chars += n;
            links += b.linkChars();
            String tag = b.owner().normalName();
            switch (tag) {
                case "li" -> li += n;
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    heading += n;
                    headings++;
                    // a list of posts or items heads each with a link to it; an article's
                    // headings are its own sections
                    if (b.linkChars() * 2 >= n) {
                        linkedHeadings++;
                    }
                }
                case "td", "th" -> cell += n;
                case "p" -> {
                    p += n;
                    if (n >= 200 && b.linkChars() * 5 < n) {
                        longParagraphs++;
                    }
                }
                default -> {}
            }
            int ctx = b.context();
            long names = b.names();
            code += (ctx & Blocks.Context.CODE) != 0 ? n : 0;
            post += (names & POST) != 0 ? n : 0;
            comment += (names & COMMENT) != 0 ? n : 0;
            product += (names & PRODUCT) != 0 ? n : 0;
            card += (names & CARD) != 0 ? n : 0;
            review += (names & REVIEW) != 0 ? n : 0;
            faq += (names & FAQ) != 0 ? n : 0;
            codeNamed += (names & CODE) != 0 ? n : 0;
            meta += (names & META) != 0 ? n : 0;
            nav += (names & NAV) != 0 || (ctx & Blocks.Context.NAV) != 0 ? n : 0;
            itemPost += (ctx & Blocks.Context.ITEM_POST) != 0 ? n : 0;
            itemProduct += (ctx & Blocks.Context.ITEM_PRODUCT) != 0 ? n : 0;
            itemBody += (ctx & Blocks.Context.ITEM_BODY) != 0 ? n : 0;
            if (n < 40 && priceLike(b.text())) {
                prices++;
            }
            if (n < 40 && dateLike(b.text())) {
                shortDates++;
            }
        }
        float all = Math.max(1, chars);
        r[at++] = Counts.log(blocks.size());
        r[at++] = Counts.log(chars);
        r[at++] = links / all;
        r[at++] = blocks.isEmpty() ? 0 : Counts.log(chars / blocks.size());
        for (int v : new int[] {li, heading, code, cell, p}) {
            r[at++] = v / all;
        }
        r[at++] = repeatedShare(blocks, repeated);
        for (int v :
                new int[] {
                    post,
                    comment,
                    product,
                    card,
                    review,
                    faq,
                    codeNamed,
                    meta,
                    nav,
                    itemPost,
                    itemProduct,
                    itemBody
                }) {
            r[at++] = v / all;
        }
        r[at++] = Counts.log(prices);
        r[at++] = Counts.log(shortDates);
        TextDensity.Totals best = density.best();
        r[at++] = best == null ? 0 : best.chars / all;
        r[at++] = Counts.log(headings);
        r[at++] = Counts.log(longParagraphs);
        PageHints.Publication publication = hints.publication();
        r[at++] = publication.datedNearTitle() ? 1 : 0;
        r[at++] = publication.declaresPublished() ? 1 : 0;
        r[at++] = Counts.log(publication.timeElements());
        r[at++] = Counts.log(publication.bylines());
        r[at++] = address.slugWords();
        r[at++] = Counts.log(linkedHeadings);
        r[at++] = headings == 0 ? 0 : (float) linkedHeadings / headings;
        return r;
    }

    /** The share of text in blocks that sit in a structure repeated four times or more. */
    private static float repeatedShare(List<Block> blocks, int[] repeated) {
        int inRepeated = 0;
        int all = 0;
        for (int i = 0; i < blocks.size(); i++) {
            all += blocks.get(i).chars();
            if (repeated[i] >= 4) {
                inRepeated += blocks.get(i).chars();
            }
        }
        return all == 0 ? 0 : (float) inRepeated / all;
    }

    static boolean priceLike(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if ((c == '$' || c == '€' || c == '£' || c == '¥' || c == '₹')
                    && ((i + 1 < t.length() && Character.isDigit(t.charAt(i + 1)))
                            || (i > 0 && Character.isDigit(t.charAt(i - 1))))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A short text that reads as a date or a time ago: "Feb 20, 2026", "3 days ago", "2024-01-05".
     */
    static boolean dateLike(String t) {
        int digits = 0;
        for (int i = 0; i < t.length(); i++) {
            if (Character.isDigit(t.charAt(i))) {
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (t.regionMatches(true, Math.max(0, t.length() - 3), "ago", 0, 3)) {
            return true;
        }
        return digits >= 4 && dev.linkcrawl.crawl.extract.DateText.parse(t).isPresent();
    }

    /**
     * The words of a path segment ("how-to-design-a-room.html" has five): an article's address
     * spells its headline, a shop's, a listing's or a service's names a thing in a word or two.
     */
    static int slugWords(String segment) {
        int dot = segment.lastIndexOf('.');
        String s = dot > 0 ? segment.substring(0, dot) : segment;
        int words = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean letter = Character.isLetterOrDigit(s.charAt(i));
            if (letter && !in) {
                words++;
            }
            in = letter;
        }
        return words;
    }

    /** The parts of an address that speak of a page's type. */
    record Address(
            boolean known,
            String path,
            String firstLabel,
            int depth,
            boolean digits,
            int slugWords) {

        static Address of(String url) {
            if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                return new Address(false, "", "", 0, false, 0);
            }
            int hostStart = url.indexOf("://") + 3;
            int pathStart = url.indexOf('/', hostStart);
            String host =
                    pathStart < 0 ? url.substring(hostStart) : url.substring(hostStart, pathStart);
            String path = pathStart < 0 ? "/" : url.substring(pathStart);
            int q = path.indexOf('?');
            String p = (q >= 0 ? path.substring(0, q) : path).toLowerCase(Locale.ROOT);
            String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
            String first = labels.length > 2 ? labels[0] : "";
            int depth = 0;
            boolean digits = false;
            String last = "";
            for (String seg : p.split("/")) {
                if (!seg.isEmpty()) {
                    depth++;
                    digits |= seg.chars().filter(Character::isDigit).count() >= 4;
                    last = seg;
                }
            }
            return new Address(true, p, first, depth, digits, PageTypeFeatures.slugWords(last));
        }
    }
}
