package dev.linkcrawl.crawl.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
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

    private static final Set<String> SKIP_TAGS =
            Set.of(
                    "script",
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
                    "progress");

    private static final Set<String> INLINE_TAGS =
            Set.of(
                    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font",
                    "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong",
                    "sub", "sup", "time", "tt", "u", "var", "wbr", "ins", "del", "big", "nobr",
                    "acronym", "center");

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private static final Pattern NEGATIVE =
            Pattern.compile(
                    "(?:^|[\\s_-])(?:comments?|commentary|disqus|share|sharing|social|related|"
                            + "recommend(?:ed|ations)?|newsletter|subscri(?:be|ption)|promo|"
                            + "sponsor(?:ed)?|cookies?|consent|gdpr|banner|breadcrumbs?|sidebar|"
                            + "widget|footer|masthead|menu|navbar|nav|navigation|popup|modal|"
                            + "outbrain|taboola|tags?|tag-list|author-bio|bio|byline|dateline|"
                            + "meta|toolbar|skip|print|pagination|pager|signup|login|"
                            + "advert(?:isement)?|ads?|ad-slot|adunit|dfp|trending|most-popular|"
                            + "popular|read-more|more-stories|more-from|next-article|"
                            + "caption|credit|hidden|visually-hidden|sr-only|screen-reader-text|"
                            + "inline-related|rail|tools|utility|shoutbox|skyscraper|"
                            + "supplemental|overlay|paywall|message|alert|jump)(?:$|[\\s_-])");

    private static final Pattern POSITIVE =
            Pattern.compile(
                    "article|body|content|entry|main|page|post|text|blog|story|"
                            + "hentry|prose|rich-text|richtext");

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
        double score;
        boolean paragraph;
    }

    /**
     * The main text and how much visible text the whole page has.
     *
     * @param text paragraphs separated by blank lines
     * @param pageChars visible characters in the page body outside boilerplate
     */
    record Result(String text, int pageChars) {}

    /** Extracts the main text of {@code body}; {@code hint} is a JSON-LD articleBody or null. */
    static Result extract(Element body, String title, String hint) {
        if (body == null) {
            return new Result("", 0);
        }
        Map<Element, Stat> stats = new IdentityHashMap<>();
        score(body, stats);
        Stat bodyStat = stats.get(body);
        int pageChars = bodyStat == null ? 0 : bodyStat.textChars;
        Element best = choose(body, stats, hint);
        if (best == null) {
            return new Result("", pageChars);
        }
        List<Element> parts = widen(best, stats);
        StringBuilder out = new StringBuilder();
        for (Element part : parts) {
            emit(part, title, out);
        }
        return new Result(out.toString().strip(), pageChars);
    }

    static boolean skipped(Element el) {
        String tag = el.normalName();
        if (SKIP_TAGS.contains(tag)) {
            return true;
        }
        if (el.hasAttr("hidden")) {
            return true;
        }
        if ("true".equals(el.attr("aria-hidden")) && !"body".equals(tag)) {
            return true;
        }
        String style = el.attr("style");
        if (!style.isEmpty()) {
            String st = style.toLowerCase(Locale.ROOT).replace(" ", "");
            if (st.contains("display:none") || st.contains("visibility:hidden")) {
                return true;
            }
        }
        String role = el.attr("role");
        if (role.equals("navigation")
                || role.equals("complementary")
                || role.equals("contentinfo")
                || role.equals("banner")
                || role.equals("dialog")
                || role.equals("alertdialog")
                || role.equals("menu")) {
            return true;
        }
        if (tag.equals("header")) {
            return true;
        }
        return boilerplateName(el);
    }

    private static boolean boilerplateName(Element el) {
        String tag = el.normalName();
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
        if (!NEGATIVE.matcher(names).find()) {
            return false;
        }
        // A container named both "article-body" and "has-comments" is kept: the positive name wins
        // only when it is about the content itself.
        return !names.contains("article-body")
                && !names.contains("articlebody")
                && !names.contains("entry-content")
                && !names.contains("post-content")
                && !names.contains("story-body");
    }

    private static String names(Element el) {
        String cls = el.className();
        String id = el.id();
        if (cls.isEmpty() && id.isEmpty()) {
            return "";
        }
        return (cls + " " + id).toLowerCase(Locale.ROOT);
    }

    private static void score(Element body, Map<Element, Stat> stats) {
        List<Element> stack = new ArrayList<>();
        List<Stat> statStack = new ArrayList<>();
        int[] linkDepth = {0};
        NodeTraversor.filter(
                new org.jsoup.select.NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            if (statStack.isEmpty()) {
                                return FilterResult.CONTINUE;
                            }
                            String s = t.getWholeText();
                            int len = visibleLength(s);
                            if (len == 0) {
                                return FilterResult.CONTINUE;
                            }
                            Stat st = statStack.get(statStack.size() - 1);
                            st.textChars += len;
                            st.inlineChars += len;
                            st.commas += commas(s);
                            if (linkDepth[0] > 0) {
                                st.linkChars += len;
                            }
                            return FilterResult.CONTINUE;
                        }
                        if (!(node instanceof Element el)) {
                            return FilterResult.CONTINUE;
                        }
                        if (el != body && skipped(el)) {
                            return FilterResult.SKIP_ENTIRELY;
                        }
                        if (el.normalName().equals("a")) {
                            linkDepth[0]++;
                        }
                        stack.add(el);
                        statStack.add(new Stat());
                        return FilterResult.CONTINUE;
                    }

                    @Override
                    public FilterResult tail(Node node, int depth) {
                        if (!(node instanceof Element el)) {
                            return FilterResult.CONTINUE;
                        }
                        if (stack.isEmpty() || stack.get(stack.size() - 1) != el) {
                            return FilterResult.CONTINUE;
                        }
                        if (el.normalName().equals("a")) {
                            linkDepth[0]--;
                        }
                        int top = stack.size() - 1;
                        stack.remove(top);
                        Stat st = statStack.remove(top);
                        stats.put(el, st);
                        String tag = el.normalName();
                        boolean inline = INLINE_TAGS.contains(tag);
                        if (top > 0) {
                            Stat parent = statStack.get(top - 1);
                            parent.textChars += st.textChars;
                            parent.linkChars += st.linkChars;
                            parent.commas += st.commas;
                            if (inline) {
                                parent.inlineChars += st.inlineChars;
                            }
                        }
                        if (!inline
                                && !HEADINGS.contains(tag)
                                && st.inlineChars >= MIN_PARAGRAPH_CHARS
                                && st.linkChars * 2 < st.textChars) {
                            st.paragraph = true;
                            double weight =
                                    1 + Math.min(st.commas, 10) + Math.min(st.inlineChars / 100, 3);
                            for (int level = 0; level < 5 && top - 1 - level >= 0; level++) {
                                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                                statStack.get(top - 1 - level).score += weight / divider;
                            }
                        }
                        return FilterResult.CONTINUE;
                    }
                },
                body);
    }

    private static int visibleLength(String s) {
        int n = 0;
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                if (!space) {
                    n++;
                    space = true;
                }
            } else {
                n++;
                space = false;
            }
        }
        return n;
    }

    private static int commas(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '،') {
                n++;
            }
        }
        return n;
    }

    private static double finalScore(Element el, Stat st) {
        double s = st.score;
        String tag = el.normalName();
        switch (tag) {
            case "div", "article", "main", "section" -> s += 5;
            case "pre", "td", "blockquote" -> s += 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> s -= 3;
            case "th" -> s -= 5;
            default -> {}
        }
        s += classWeight(el);
        double linkDensity = st.textChars == 0 ? 0 : (double) st.linkChars / st.textChars;
        return s * (1 - linkDensity);
    }

    private static int classWeight(Element el) {
        String names = names(el);
        int w = 0;
        if (el.hasAttr("itemprop")
                && el.attr("itemprop").toLowerCase(Locale.ROOT).contains("articlebody")) {
            w += 25;
        }
        if (names.isEmpty()) {
            return w;
        }
        if (NEGATIVE.matcher(names).find()) {
            w -= 25;
        }
        if (POSITIVE.matcher(names).find()) {
            w += 25;
        }
        return w;
    }

    private static Element choose(Element body, Map<Element, Stat> stats, String hint) {
        Element best = null;
        double bestScore = 0;
        List<Element> candidates = new ArrayList<>();
        for (Map.Entry<Element, Stat> e : stats.entrySet()) {
            Stat st = e.getValue();
            if (st.score <= 0) {
                continue;
            }
            candidates.add(e.getKey());
            double s = finalScore(e.getKey(), st);
            if (s > bestScore) {
                bestScore = s;
                best = e.getKey();
            }
        }
        if (best == null) {
            return body;
        }
        if (hint != null) {
            Element byHint = matchHint(candidates, stats, hint);
            if (byHint != null) {
                return byHint;
            }
        }
        return promote(best, stats, bestScore);
    }

    /**
     * Readability's observation: the real container often scores a little below one of its children
     * that holds most paragraphs; climb while the parent scores close to the best.
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
            // parent holds substantially more clean text than the child → child was partial
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

    private static Element matchHint(
            List<Element> candidates, Map<Element, Stat> stats, String hint) {
        Map<String, Integer> want = tokens(hint);
        int wantTotal = want.values().stream().mapToInt(Integer::intValue).sum();
        if (wantTotal < 50) {
            return null;
        }
        // Only the strongest candidates and their ancestors are worth comparing.
        candidates.sort(
                (a, b) -> Double.compare(finalScore(b, stats.get(b)), finalScore(a, stats.get(a))));
        Set<Element> pool = new HashSet<>();
        for (int i = 0; i < Math.min(8, candidates.size()); i++) {
            Element e = candidates.get(i);
            for (int up = 0; e != null && up < 4; up++, e = e.parent()) {
                if (stats.containsKey(e)) {
                    pool.add(e);
                }
            }
        }
        Element best = null;
        double bestF = 0.5;
        for (Element e : pool) {
            StringBuilder sb = new StringBuilder();
            emit(e, null, sb);
            Map<String, Integer> got = tokens(sb.toString());
            int gotTotal = got.values().stream().mapToInt(Integer::intValue).sum();
            if (gotTotal == 0) {
                continue;
            }
            int common = 0;
            for (Map.Entry<String, Integer> w : got.entrySet()) {
                common += Math.min(w.getValue(), want.getOrDefault(w.getKey(), 0));
            }
            double p = (double) common / gotTotal;
            double r = (double) common / wantTotal;
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            if (f > bestF) {
                bestF = f;
                best = e;
            }
        }
        return best;
    }

    private static Map<String, Integer> tokens(String text) {
        Map<String, Integer> map = new HashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i > s) {
                map.merge(text.substring(s, i), 1, Integer::sum);
            }
        }
        return map;
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
            if (finalScore(sib, st) + bonus >= threshold && linkDensity < 0.3) {
                parts.add(sib);
            } else if (sib.normalName().equals("p")) {
                if (st.textChars > 80 && linkDensity < 0.25) {
                    parts.add(sib);
                } else if (st.textChars > 0
                        && linkDensity == 0
                        && sib.text().matches(".*\\.( |$).*")) {
                    parts.add(sib);
                }
            }
        }
        return parts;
    }

    /** Writes the blocks of {@code root} as paragraphs separated by blank lines. */
    static void emit(Element root, String title, StringBuilder out) {
        TextCollector collector = new TextCollector(root, title, out);
        NodeTraversor.filter(collector, root);
        collector.flush();
    }

    /** Second walk: gathers inline text into blocks and keeps the blocks that read as content. */
    private static final class TextCollector implements org.jsoup.select.NodeFilter {
        private final Element root;
        private final String title;
        private final StringBuilder out;
        private final StringBuilder block = new StringBuilder();
        private int blockLinkChars;
        private int linkDepth;
        private boolean titleSeen;
        private Element blockOwner;

        TextCollector(Element root, String title, StringBuilder out) {
            this.root = root;
            this.title = title;
            this.out = out;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                String s = t.getWholeText();
                appendCollapsed(s);
                if (linkDepth > 0) {
                    blockLinkChars += visibleLength(s);
                }
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element el)) {
                return FilterResult.CONTINUE;
            }
            if (el != root && skipped(el)) {
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

        private void appendCollapsed(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00a0') {
                    int len = block.length();
                    if (len > 0 && block.charAt(len - 1) != ' ' && block.charAt(len - 1) != '\n') {
                        block.append(' ');
                    }
                } else {
                    block.append(c);
                }
            }
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
        }
    }

    private static String normalise(CharSequence raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        String[] lines = raw.toString().split("\n");
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(l);
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
