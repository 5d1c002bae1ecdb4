package dev.linkcrawl.crawl.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the main text of a page: the article body without navigation, comments, share bars, related
 * links, cookie banners and footers.
 *
 * <p>One traversal scores every element the way Readability does (paragraph-like blocks lend their
 * weight to the ancestors that hold them, damped by distance, penalised by link density and by
 * boilerplate class names), skipping subtrees that are boilerplate by tag, visibility or name. The
 * best-scoring container wins, widened by siblings that look like the same article; when the page
 * ships a JSON-LD {@code articleBody}, the container whose words match it best is preferred. A
 * second walk over the winner emits its blocks, dropping link lists and boilerplate lines.
 *
 * <p>Both walks are iterative ({@link NodeTraversor}), so deeply nested pages cannot exhaust the
 * stack; the work is linear in the size of the document.
 */
final class MainText {

    /** Blocks shorter than this (characters) do not count as paragraphs when scoring: 25. */
    static final int MIN_PARAGRAPH_CHARS = 25;

    /**
     * A boilerplate-named element holding at least this much paragraph text (characters) with
     * little link text is kept anyway, since names like "modal-enabled", "field-label-hidden" or
     * "content-with-sidebar" sit on real article wrappers: 400.
     */
    static final int KEEP_NAMED_PARAGRAPH_CHARS = 400;

    /** Ancestor levels a paragraph lends its score to (Readability uses 5): 5. */
    static final int LEVELS = 5;

    private static final Set<String> INLINE_TAGS =
            Set.of(
                    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font",
                    "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong",
                    "sub", "sup", "time", "tt", "u", "var", "wbr", "ins", "del", "big", "nobr",
                    "acronym");

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    /**
     * Words (class and id split at whitespace, '-' and '_') that name boilerplate, and two-word
     * names joined by '-'. A set lookup per word: a regex over every element's names costs more
     * than the rest of the walk.
     */
    private static final Set<String> NEGATIVE_WORDS =
            Set.of(
                    "comment",
                    "comments",
                    "commentary",
                    "commentlist",
                    "commentscontainer",
                    "respond",
                    "disqus",
                    "share",
                    "sharing",
                    "social",
                    "related",
                    "recommend",
                    "recommended",
                    "recommendations",
                    "newsletter",
                    "subscribe",
                    "subscription",
                    "promo",
                    "sponsor",
                    "sponsored",
                    "cookie",
                    "cookies",
                    "consent",
                    "gdpr",
                    "banner",
                    "breadcrumb",
                    "breadcrumbs",
                    "sidebar",
                    "widget",
                    "footer",
                    "masthead",
                    "menu",
                    "navbar",
                    "nav",
                    "navigation",
                    "popup",
                    "modal",
                    "outbrain",
                    "taboola",
                    "tag",
                    "tags",
                    "bio",
                    "byline",
                    "dateline",
                    "meta",
                    "toolbar",
                    "skip",
                    "print",
                    "pagination",
                    "pager",
                    "signup",
                    "login",
                    "advert",
                    "advertisement",
                    "ad",
                    "ads",
                    "adunit",
                    "dfp",
                    "trending",
                    "popular",
                    "caption",
                    "credit",
                    "hidden",
                    "rail",
                    "tools",
                    "utility",
                    "shoutbox",
                    "skyscraper",
                    "supplemental",
                    "overlay",
                    "paywall",
                    "message",
                    "alert",
                    "jump",
                    "read-more",
                    "more-stories",
                    "more-from",
                    "next-article",
                    "sr-only",
                    "screen-reader",
                    "sharedaddy",
                    "addtoany",
                    "relatedposts",
                    "a2a");

    private static final String[] POSITIVE_PARTS = {
        "article",
        "body",
        "content",
        "entry",
        "main",
        "page",
        "post",
        "text",
        "blog",
        "story",
        "hentry",
        "prose",
        "rich-text",
        "richtext"
    };

    /**
     * For each ASCII first letter, a bit per length (below 64) of the negative words that start
     * with it: most words of a class name can be ruled out without a set lookup.
     */
    private static final long[] NEGATIVE_SHAPES = new long[128];

    static {
        for (String w : NEGATIVE_WORDS) {
            if (w.charAt(0) < 128 && w.length() < 64) {
                NEGATIVE_SHAPES[w.charAt(0)] |= 1L << w.length();
            }
        }
    }

    private static boolean negativeWord(String names, int start, int end) {
        char first = names.charAt(start);
        int len = end - start;
        if (first >= 128 || len >= 64 || (NEGATIVE_SHAPES[first] & (1L << len)) == 0) {
            return false;
        }
        return NEGATIVE_WORDS.contains(names.substring(start, end));
    }

    /** Whether any word, or pair of adjacent words, of the lower-cased names is negative. */
    static boolean negativeName(String names) {
        int n = names.length();
        int prevStart = -1;
        int prevEnd = -1;
        int i = 0;
        while (i < n) {
            while (i < n && isNameSeparator(names.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isNameSeparator(names.charAt(i))) {
                i++;
            }
            if (i == start) {
                break;
            }
            if (negativeWord(names, start, i)) {
                return true;
            }
            if (prevStart >= 0
                    && names.charAt(prevEnd) == '-'
                    && prevEnd == start - 1
                    && negativeWord(names, prevStart, i)) {
                return true;
            }
            prevStart = start;
            prevEnd = i;
        }
        return false;
    }

    private static boolean isNameSeparator(char c) {
        return c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n';
    }

    /** For each ASCII letter, the positive parts that start with it. */
    private static final String[][] POSITIVE_BY_FIRST = new String[128][];

    static {
        for (String part : POSITIVE_PARTS) {
            char c = part.charAt(0);
            String[] old = POSITIVE_BY_FIRST[c] == null ? new String[0] : POSITIVE_BY_FIRST[c];
            String[] grown = java.util.Arrays.copyOf(old, old.length + 1);
            grown[old.length] = part;
            POSITIVE_BY_FIRST[c] = grown;
        }
    }

    /** Whether the names contain a positive part anywhere ("main-content", "postbody"). */
    private static boolean positiveName(String names) {
        for (int i = 0, n = names.length() - 1; i < n; i++) {
            char c = names.charAt(i);
            String[] parts = c < 128 ? POSITIVE_BY_FIRST[c] : null;
            if (parts != null) {
                char next = names.charAt(i + 1);
                for (String part : parts) {
                    if (part.charAt(1) == next && names.startsWith(part, i)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whole names that mark a comment thread. */
    private static final Set<String> COMMENT_NAMES =
            Set.of(
                    "comment",
                    "comments",
                    "commentlist",
                    "comment-list",
                    "commentscontainer",
                    "comment-respond",
                    "respond",
                    "disqus_thread",
                    "comment-body",
                    "comment_content",
                    "sharedaddy");

    private static final Set<String> COMMENT_PARTS =
            Set.of("area", "section", "container", "wrapper", "list", "block");

    /** Words that mark a box whatever follows them after '-' or '_' ("share-tools"). */
    private static final String[] BOX_WORDS = {
        "cookie", "consent", "gdpr", "newsletter", "related", "share", "sharing", "social"
    };

    /** Widget vendors: any name that starts with one ("taboola-below-article"). */
    private static final String[] WIDGET_PREFIXES = {
        "outbrain", "taboola", "addtoany", "a2a_kit", "jp-relatedposts"
    };

    /**
     * Whether one of the whitespace-separated names (class tokens, the id) always marks
     * boilerplate, whatever its size: comment threads, consent and newsletter boxes, share bars,
     * recommendation widgets. Checked name by name: a regex over every negatively named element
     * cost more than the rest of its visit.
     */
    static boolean alwaysNegative(String names) {
        int n = names.length();
        int i = 0;
        while (i < n) {
            while (i < n && regexSpace(names.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !regexSpace(names.charAt(i))) {
                i++;
            }
            if (i > start && alwaysNegativeName(names.substring(start, i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean alwaysNegativeName(String t) {
        if (COMMENT_NAMES.contains(t)) {
            return true;
        }
        String u = t.startsWith("div-") ? t.substring(4) : t;
        if (u.startsWith("comment-") && u.length() > 8 && digits(u, 8)) {
            return true;
        }
        for (String prefix : new String[] {"comment-", "comments-"}) {
            if (t.startsWith(prefix) && COMMENT_PARTS.contains(t.substring(prefix.length()))) {
                return true;
            }
        }
        for (String w : BOX_WORDS) {
            if (t.startsWith(w)
                    && (t.length() == w.length()
                            || ((t.charAt(w.length()) == '-' || t.charAt(w.length()) == '_')
                                    && wordChars(t, w.length() + 1)))) {
                return true;
            }
        }
        for (String w : WIDGET_PREFIXES) {
            if (t.startsWith(w) && wordChars(t, w.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean digits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether the rest is {@code [\\w-]*} in Java's ASCII sense. */
    private static boolean wordChars(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** {@code \\s} of a Java regex: space, tab, line feed, vertical tab, form feed, return. */
    private static boolean regexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    private static final Pattern BOILERPLATE_LINE =
            Pattern.compile(
                    "(?i)^(?:advertisement|advertising|ad|sponsored|share( this( article| story)?)?"
                            + "|share on \\w+|tweet|email|print|comments?|read more|see more|"
                            + "continue reading|related( articles| stories)?|follow us|"
                            + "sign up|subscribe|loading|image|photo|video|close|menu|"
                            + "skip to (main )?content|back to top|story continues below"
                            + "( advertisement)?)\\W*$");

    private MainText() {}

    /** Per-element numbers gathered in the scoring walk. */
    private static final class Stat {
        int textChars;
        int linkChars;
        int inlineChars;
        int commas;
        int paragraphChars;
        double score;

        /** Score this element's paragraphs lent to the ancestor {@code k + 1} levels up. */
        double[] lent;

        double[] lent() {
            if (lent == null) {
                lent = new double[LEVELS];
            }
            return lent;
        }

        boolean named;
        String names;
        boolean negative;
        int classWeight;
        int hintHits;
        int tokens;
    }

    /**
     * The main text and how much visible text the whole page has.
     *
     * @param text paragraphs separated by blank lines
     * @param pageChars visible characters in the page body outside boilerplate
     * @param scope the parent of the main-text container, where its byline and date live
     * @param firstParagraph the text of the first {@code <p>} kept, or null
     */
    record Result(String text, int pageChars, Element scope, String firstParagraph) {}

    /** Extracts the main text of {@code body}; {@code hint} is a JSON-LD articleBody or null. */
    static Result extract(Element body, String title, String hint) {
        if (body == null) {
            return new Result("", 0, null, null);
        }
        long[] hintWords = hintWords(hint);
        Walk walk = new Walk(body, hintWords);
        NodeTraversor.filter(walk, body);
        Stat bodyStat = walk.stats.get(body);
        int pageChars = bodyStat == null ? 0 : bodyStat.textChars;
        Element best = choose(body, walk.stats, hintWords);
        List<Element> parts = widen(best, walk.stats);
        StringBuilder out = new StringBuilder();
        TextCollector collector = new TextCollector(title, out, walk.dropped);
        for (Element part : parts) {
            collector.root = part;
            NodeTraversor.filter(collector, part);
            collector.flush();
        }
        Element scope = best.parent() != null ? best.parent() : best;
        return new Result(out.toString().strip(), pageChars, scope, collector.firstParagraph);
    }

    /**
     * Tags that never hold the main text: scripts and styles, forms, media, and the navigation,
     * aside and footer landmarks. A switch, since it is asked for every element.
     */
    private static boolean skipTag(String tag) {
        return switch (tag) {
            case "script",
                    "style",
                    "noscript",
                    "template",
                    "svg",
                    "canvas",
                    "iframe",
                    "object",
                    "embed",
                    "button",
                    "select",
                    "input",
                    "textarea",
                    "nav",
                    "aside",
                    "footer",
                    "figcaption",
                    "menu",
                    "dialog",
                    "head",
                    "title",
                    "meta",
                    "link",
                    "math",
                    "audio",
                    "video",
                    "picture",
                    "img",
                    "map",
                    "label",
                    "option",
                    "datalist",
                    "output",
                    "progress" ->
                    true;
            default -> false;
        };
    }

    /** Tags, hidden elements and landmark roles that never hold the main text. */
    static boolean hardSkip(Element el) {
        String tag = el.normalName();
        if (skipTag(tag)) {
            return true;
        }
        if (el.attributesSize() == 0) {
            return false;
        }
        Attributes attrs = el.attributes();
        if (attrs.hasKey("hidden")) {
            return true;
        }
        if ("true".equals(attrs.get("aria-hidden")) && !"body".equals(tag)) {
            return true;
        }
        String style = attrs.get("style");
        if (!style.isEmpty()) {
            String st = lower(style);
            if ((st.contains("none") || st.contains("hidden"))) {
                st = st.replace(" ", "");
                if (st.contains("display:none") || st.contains("visibility:hidden")) {
                    return true;
                }
            }
        }
        String role = attrs.get("role");
        return role.equals("navigation")
                || role.equals("complementary")
                || role.equals("contentinfo")
                || role.equals("dialog")
                || role.equals("alertdialog")
                || role.equals("menu");
    }

    /** Whether the element's tag or class/id names a kind of boilerplate. */
    static boolean boilerplateName(Element el) {
        String tag = el.normalName();
        if (tag.equals("header")) {
            return true;
        }
        if (tag.equals("body")
                || tag.equals("html")
                || tag.equals("main")
                || tag.equals("article")) {
            return false;
        }
        String names = names(el);
        if (names.isEmpty()) {
            return false;
        }
        if (!negativeName(names)) {
            return false;
        }
        return !protectedName(names);
    }

    private static boolean protectedName(String names) {
        return names.contains("article-body")
                || names.contains("articlebody")
                || names.contains("entry-content")
                || names.contains("post-content")
                || names.contains("story-body");
    }

    static boolean alwaysBoilerplate(Element el) {
        String tag = el.normalName();
        if (tag.equals("body") || tag.equals("html") || tag.equals("main")) {
            return false;
        }
        String names = names(el);
        return !names.isEmpty() && alwaysNegative(names);
    }

    private static String names(Element el) {
        if (el.attributesSize() == 0) {
            return "";
        }
        // the HTML parser lower-cases attribute names, so exact-case lookups suffice
        Attributes attrs = el.attributes();
        String cls = attrs.get("class");
        String id = attrs.get("id");
        if (cls.isEmpty() && id.isEmpty()) {
            return "";
        }
        return lower(id.isEmpty() ? cls : cls.isEmpty() ? id : cls + " " + id);
    }

    /** Lower-cases only when needed: most class names already are. */
    static String lower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'A' && c <= 'Z') || c > 0x7f) {
                return s.toLowerCase(Locale.ROOT);
            }
        }
        return s;
    }

    /**
     * The scoring walk: aggregates text, link text and paragraph weight bottom-up; drops
     * boilerplate-named subtrees that turn out small or link-heavy, taking back what their
     * paragraphs lent to ancestors.
     */
    private static final class Walk implements NodeFilter {
        final Map<Element, Stat> stats = new IdentityHashMap<>(1024);
        final Set<Element> dropped = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        private final Element body;
        private final long[] hintWords;
        private final List<Element> stack = new ArrayList<>();
        private final List<Stat> statStack = new ArrayList<>();
        private int linkDepth;

        Walk(Element body, long[] hintWords) {
            this.body = body;
            this.hintWords = hintWords;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                if (statStack.isEmpty()) {
                    return FilterResult.CONTINUE;
                }
                String s = t.getWholeText();
                int len = 0;
                int commas = 0;
                boolean space = true;
                for (int i = 0, n = s.length(); i < n; i++) {
                    char c = s.charAt(i);
                    if (c <= ' ' || (c >= 0x80 && isSpace(c))) {
                        if (!space) {
                            len++;
                            space = true;
                        }
                    } else {
                        len++;
                        space = false;
                        if (c == ',' || c == '，' || c == '、' || c == '،') {
                            commas++;
                        }
                    }
                }
                if (len == 0) {
                    return FilterResult.CONTINUE;
                }
                Stat st = statStack.get(statStack.size() - 1);
                st.textChars += len;
                st.inlineChars += len;
                st.commas += commas;
                if (linkDepth > 0) {
                    st.linkChars += len;
                }
                if (hintWords != null) {
                    countHint(s, st);
                }
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element el)) {
                return FilterResult.CONTINUE;
            }
            if (el != body && hardSkip(el)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            String tag = el.normalName();
            String names = names(el);
            boolean negative = !names.isEmpty() && negativeName(names);
            boolean structural = tag.equals("body") || tag.equals("html") || tag.equals("main");
            if (negative && el != body && !structural && alwaysNegative(names)) {
                dropped.add(el);
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("a")) {
                linkDepth++;
            }
            Stat st = new Stat();
            st.named =
                    el != body
                            && (tag.equals("header")
                                    || (negative
                                            && !structural
                                            && !tag.equals("article")
                                            && !protectedName(names)));
            st.names = names;
            st.negative = negative;
            stack.add(el);
            statStack.add(st);
            return FilterResult.CONTINUE;
        }

        private void countHint(String s, Stat st) {
            int i = 0;
            int n = s.length();
            while (i < n) {
                while (i < n && !Character.isLetterOrDigit(s.charAt(i))) {
                    i++;
                }
                long h = FNV_OFFSET;
                int start = i;
                while (i < n && Character.isLetterOrDigit(s.charAt(i))) {
                    h = (h ^ s.charAt(i)) * FNV_PRIME;
                    i++;
                }
                if (i > start) {
                    st.tokens++;
                    if (java.util.Arrays.binarySearch(hintWords, h) >= 0) {
                        st.hintHits++;
                    }
                }
            }
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element el)) {
                return FilterResult.CONTINUE;
            }
            int top = stack.size() - 1;
            if (top < 0 || stack.get(top) != el) {
                return FilterResult.CONTINUE;
            }
            String tag = el.normalName();
            if (tag.equals("a")) {
                linkDepth--;
            }
            stack.remove(top);
            Stat st = statStack.remove(top);
            boolean inline = INLINE_TAGS.contains(tag);
            if (!inline
                    && !HEADINGS.contains(tag)
                    && st.inlineChars >= MIN_PARAGRAPH_CHARS
                    && st.linkChars * 2 < st.textChars) {
                double weight = 1 + Math.min(st.commas, 10) + Math.min(st.inlineChars / 100, 3);
                st.paragraphChars += st.inlineChars;
                for (int level = 0; level < LEVELS && top - 1 - level >= 0; level++) {
                    double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                    statStack.get(top - 1 - level).score += weight / divider;
                    st.lent()[level] += weight / divider;
                }
            }
            if (st.named && drop(st)) {
                dropped.add(el);
                for (int level = 0;
                        st.lent != null && level < LEVELS && top - 1 - level >= 0;
                        level++) {
                    statStack.get(top - 1 - level).score -= st.lent[level];
                }
                return FilterResult.CONTINUE;
            }
            if (st.textChars > 0) {
                // elements without text can be neither the container nor a part of it, so only
                // these need their names weighed
                st.classWeight = classWeight(el, st.names, st.negative);
                stats.put(el, st);
            }
            if (top > 0) {
                Stat parent = statStack.get(top - 1);
                parent.textChars += st.textChars;
                parent.linkChars += st.linkChars;
                parent.commas += st.commas;
                parent.paragraphChars += st.paragraphChars;
                parent.hintHits += st.hintHits;
                parent.tokens += st.tokens;
                if (inline) {
                    parent.inlineChars += st.inlineChars;
                }
                // what this element's subtree lent further up is, seen from the parent, one
                // level closer
                if (st.lent != null) {
                    double[] up = parent.lent();
                    for (int level = 1; level < LEVELS; level++) {
                        up[level - 1] += st.lent[level];
                    }
                }
            }
            return FilterResult.CONTINUE;
        }

        private static boolean drop(Stat st) {
            return st.paragraphChars < KEEP_NAMED_PARAGRAPH_CHARS
                    || st.linkChars > st.textChars * 0.35;
        }
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /**
     * The distinct words of the hint as sorted 64-bit hashes, so counting hits while walking
     * allocates nothing; null when the hint is too short to judge by.
     */
    private static long[] hintWords(String hint) {
        if (hint == null || hint.length() < 200) {
            return null;
        }
        long[] words = new long[64];
        int count = 0;
        int i = 0;
        int n = hint.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(hint.charAt(i))) {
                i++;
            }
            long h = FNV_OFFSET;
            int start = i;
            while (i < n && Character.isLetterOrDigit(hint.charAt(i))) {
                h = (h ^ hint.charAt(i)) * FNV_PRIME;
                i++;
            }
            if (i > start) {
                if (count == words.length) {
                    words = java.util.Arrays.copyOf(words, count * 2);
                }
                words[count++] = h;
            }
        }
        java.util.Arrays.sort(words, 0, count);
        int distinct = 0;
        for (int k = 0; k < count; k++) {
            if (distinct == 0 || words[distinct - 1] != words[k]) {
                words[distinct++] = words[k];
            }
        }
        if (distinct < 30) {
            return null;
        }
        return java.util.Arrays.copyOf(words, distinct);
    }

    /** Whitespace as the walks count it: Java's whitespace and the no-break space. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00a0';
    }

    /** {@link #isSpace}, answering printable ASCII without a table lookup. */
    private static boolean blank(char c) {
        if (c > ' ') {
            return c >= 0x80 && isSpace(c);
        }
        return c == ' ' || Character.isWhitespace(c);
    }

    private static double finalScore(Element el, Stat st) {
        double s = st.score;
        switch (el.normalName()) {
            case "div", "article", "main", "section" -> s += 5;
            case "pre", "td", "blockquote" -> s += 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> s -= 3;
            case "th" -> s -= 5;
            default -> {}
        }
        int w = st.classWeight;
        // a bonus for a good name cannot exceed what the element holds, or a one-line
        // "content-title" box outranks the article
        s += w > 0 ? Math.min(w, st.score) : w;
        double linkDensity = st.textChars == 0 ? 0 : (double) st.linkChars / st.textChars;
        return s * (1 - linkDensity);
    }

    private static int classWeight(Element el, String names, boolean negative) {
        if (el.attributesSize() == 0) {
            return 0;
        }
        int w = 0;
        String itemprop = el.attr("itemprop");
        if (!itemprop.isEmpty() && itemprop.toLowerCase(Locale.ROOT).contains("articlebody")) {
            w += 25;
        }
        if (names.isEmpty()) {
            return w;
        }
        if (negative) {
            w -= 25;
        }
        if (positiveName(names)) {
            w += 25;
        }
        return w;
    }

    private static Element choose(Element body, Map<Element, Stat> stats, long[] hintWords) {
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Stat> e : stats.entrySet()) {
            Stat st = e.getValue();
            if (st.score <= 0) {
                continue;
            }
            double s = finalScore(e.getKey(), st);
            if (s > bestScore) {
                bestScore = s;
                best = e.getKey();
            }
        }
        if (best == null) {
            return body;
        }
        if (hintWords != null) {
            Element byHint = matchHint(stats, hintWords);
            if (byHint != null) {
                return byHint;
            }
        }
        return promote(best, stats, bestScore);
    }

    /**
     * Readability's observation: the real container often scores a little below one of its children
     * that holds most paragraphs; climb while the parent scores close to the best and what it adds
     * is not link lists.
     */
    private static Element promote(Element best, Map<Element, Stat> stats, double bestScore) {
        Element cur = best;
        Stat curStat = stats.get(cur);
        while (cur.parent() != null && !cur.parent().normalName().equals("body")) {
            Element parent = cur.parent();
            Stat ps = stats.get(parent);
            if (ps == null) {
                break;
            }
            int extraText = ps.textChars - curStat.textChars;
            int extraLinks = ps.linkChars - curStat.linkChars;
            if (extraText <= 0) {
                cur = parent;
                curStat = ps;
                continue;
            }
            double extraLinkDensity = (double) extraLinks / extraText;
            if (finalScore(parent, ps) >= bestScore * 0.9 && extraLinkDensity < 0.3) {
                cur = parent;
                curStat = ps;
                continue;
            }
            break;
        }
        return cur;
    }

    /**
     * The element whose words best match the JSON-LD articleBody (F-measure of word hits), when the
     * match is good; the smallest such element wins ties.
     */
    private static Element matchHint(Map<Element, Stat> stats, long[] hintWords) {
        int want = hintWords.length;
        Element best = null;
        double bestF = 0.6;
        for (Map.Entry<Element, Stat> e : stats.entrySet()) {
            Stat st = e.getValue();
            if (st.tokens == 0 || st.hintHits < want / 4) {
                continue;
            }
            double p = (double) st.hintHits / st.tokens;
            // hits count tokens, hint words are distinct: recall is approximated by hits capped
            double r = Math.min(1.0, (double) st.hintHits / (want * 1.6));
            double f = 2 * p * r / (p + r);
            if (f > bestF + 1e-9) {
                bestF = f;
                best = e.getKey();
            }
        }
        return best;
    }

    /** The winner plus siblings that continue the same article. */
    private static List<Element> widen(Element best, Map<Element, Stat> stats) {
        List<Element> parts = new ArrayList<>();
        Element parent = best.parent();
        Stat bestStat = stats.get(best);
        if (parent == null || bestStat == null || best.normalName().equals("body")) {
            parts.add(best);
            return parts;
        }
        double bestScore = finalScore(best, bestStat);
        double threshold = Math.max(10, bestScore * 0.2);
        String bestClass = best.className();
        for (Element sib : parent.children()) {
            if (sib == best) {
                parts.add(sib);
                continue;
            }
            Stat st = stats.get(sib);
            if (st == null || st.textChars == 0) {
                continue;
            }
            double bonus =
                    !bestClass.isEmpty() && bestClass.equals(sib.className()) ? bestScore * 0.2 : 0;
            double linkDensity = (double) st.linkChars / st.textChars;
            if (st.named) {
                continue;
            }
            if (finalScore(sib, st) + bonus >= threshold && linkDensity < 0.3) {
                parts.add(sib);
            } else if (sib.normalName().equals("p")) {
                if (st.textChars > 80 && linkDensity < 0.25) {
                    parts.add(sib);
                } else if (linkDensity == 0 && endsSentence(sib.text())) {
                    parts.add(sib);
                }
            }
        }
        return parts;
    }

    private static boolean endsSentence(String text) {
        String t = text.strip();
        return !t.isEmpty() && ".!?。".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    /** Second walk: gathers inline text into blocks and keeps the blocks that read as content. */
    private static final class TextCollector implements NodeFilter {
        Element root;
        private final String title;
        private final StringBuilder out;
        private final Set<Element> dropped;
        private final StringBuilder block = new StringBuilder();
        private int blockLinkChars;
        private int linkDepth;
        private boolean titleSeen;
        String firstParagraph;
        private Element blockOwner;

        TextCollector(String title, StringBuilder out, Set<Element> dropped) {
            this.title = title;
            this.out = out;
            this.dropped = dropped;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                int visible = appendCollapsed(t.getWholeText());
                if (linkDepth > 0) {
                    blockLinkChars += visible;
                }
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element el)) {
                return FilterResult.CONTINUE;
            }
            if (el != root && (hardSkip(el) || dropped.contains(el))) {
                return FilterResult.SKIP_ENTIRELY;
            }
            String tag = el.normalName();
            if (tag.equals("br")) {
                block.append('\n');
                return FilterResult.CONTINUE;
            }
            if (tag.equals("a")) {
                linkDepth++;
            }
            if (!INLINE_TAGS.contains(tag)) {
                flush();
                blockOwner = el;
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element el) {
                String tag = el.normalName();
                if (tag.equals("a")) {
                    linkDepth--;
                }
                if (!INLINE_TAGS.contains(tag) && !tag.equals("br")) {
                    flush();
                }
            }
            return FilterResult.CONTINUE;
        }

        /**
         * Appends the text with whitespace runs collapsed to one space (none at a block start),
         * copying runs of other characters at once; returns its visible length.
         */
        private int appendCollapsed(String s) {
            int visible = 0;
            boolean space = true;
            int n = s.length();
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (blank(c)) {
                    int len = block.length();
                    if (len > 0 && block.charAt(len - 1) != ' ' && block.charAt(len - 1) != '\n') {
                        block.append(' ');
                    }
                    if (!space) {
                        visible++;
                        space = true;
                    }
                    i++;
                    continue;
                }
                int start = i;
                i++;
                while (i < n) {
                    char d = s.charAt(i);
                    if (blank(d)) {
                        break;
                    }
                    i++;
                }
                block.append(s, start, i);
                visible += i - start;
                space = false;
            }
            return visible;
        }

        void flush() {
            String text = normalise(block);
            int links = blockLinkChars;
            block.setLength(0);
            blockLinkChars = 0;
            if (text.isEmpty()) {
                return;
            }
            int len = text.length();
            if (links * 2 > len && len < 200 || links > len * 0.8) {
                return;
            }
            if (len < 60 && BOILERPLATE_LINE.matcher(text).matches()) {
                return;
            }
            if (title != null
                    && !titleSeen
                    && blockOwner != null
                    && HEADINGS.contains(blockOwner.normalName())
                    && sameText(text, title)) {
                titleSeen = true;
                return;
            }
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(text);
            if (firstParagraph == null
                    && blockOwner != null
                    && blockOwner.normalName().equals("p")) {
                firstParagraph = text;
            }
        }
    }

    private static String normalise(CharSequence raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        int start = 0;
        int n = raw.length();
        while (start <= n) {
            int end = start;
            while (end < n && raw.charAt(end) != '\n') {
                end++;
            }
            int a = start;
            int b = end;
            while (a < b && raw.charAt(a) == ' ') {
                a++;
            }
            while (b > a && raw.charAt(b - 1) == ' ') {
                b--;
            }
            if (b > a) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(raw, a, b);
            }
            start = end + 1;
        }
        return sb.toString();
    }

    static boolean sameText(String a, String b) {
        return simplify(a).equals(simplify(b));
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
}
