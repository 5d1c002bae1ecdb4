package dev.linkcrawl.crawl.extract.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * Cuts a page body into blocks: runs of text between block-level boundaries (a paragraph, a list
 * item, a heading, a table cell, the text of a button), each with the context it sits in — the
 * landmarks and tags around it ({@link Context}) and the kinds its ancestors' class and id names
 * speak of ({@link NameWords}). Scripts, styles, media and form controls hold no blocks; hidden
 * elements and {@code <noscript>} do, marked as such, since some pages keep real content there.
 *
 * <p>One iterative walk: deep pages cannot exhaust the stack.
 */
final class Blocks {

    /** Context bits: the tags and roles a block sits inside. */
    static final class Context {
        static final int NAV = 1;
        static final int HEADER = 1 << 1;
        static final int FOOTER = 1 << 2;
        static final int ASIDE = 1 << 3;
        static final int MAIN = 1 << 4;
        static final int ARTICLE = 1 << 5;
        static final int SECTION = 1 << 6;
        static final int FORM = 1 << 7;
        static final int LIST = 1 << 8;
        static final int TABLE = 1 << 9;
        static final int LINK = 1 << 10;
        static final int DIALOG = 1 << 11;
        static final int HIDDEN = 1 << 12;
        static final int NOSCRIPT = 1 << 13;
        static final int DETAILS = 1 << 14;
        static final int CODE = 1 << 15;
        static final int QUOTE = 1 << 16;
        static final int FIGURE = 1 << 17;
        static final int ITEM_POST = 1 << 18;
        static final int ITEM_PRODUCT = 1 << 19;
        static final int ITEM_BODY = 1 << 20;
        static final int ITEM_ARTICLE = 1 << 21;

        static final List<String> NAMES =
                List.of(
                        "nav",
                        "header",
                        "footer",
                        "aside",
                        "main",
                        "article",
                        "section",
                        "form",
                        "list",
                        "table",
                        "link",
                        "dialog",
                        "hidden",
                        "noscript",
                        "details",
                        "code",
                        "quote",
                        "figure",
                        "itemPost",
                        "itemProduct",
                        "itemBody",
                        "itemArticle");

        private Context() {}
    }

    /**
     * A run of text.
     *
     * @param text the text, whitespace collapsed ({@code \n} where a {@code <br>} was)
     * @param linkChars characters inside links
     * @param owner the innermost block-level element holding the text
     * @param context {@link Context} bits
     * @param names {@link NameWords} kinds of the owner and its ancestors below {@code <body>}
     * @param near {@link NameWords} kinds of the owner and its two nearest block-level ancestors
     * @param start characters of text before this block in the page
     * @param node the owner's number in the page's {@link ElementTree}
     */
    record Block(
            String text,
            int linkChars,
            Element owner,
            int context,
            long names,
            long near,
            int start,
            int node) {

        int chars() {
            return text.length();
        }
    }

    /** Tags whose text flows inside a block rather than making one. */
    private static final java.util.Set<String> INLINE =
            java.util.Set.of(
                    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font",
                    "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong",
                    "sub", "sup", "time", "tt", "u", "var", "wbr", "ins", "del", "big", "nobr",
                    "acronym", "img", "label");

    private Blocks() {}

    /** Whether text inside this tag flows in the surrounding block. */
    static boolean inline(String tag) {
        return INLINE.contains(tag);
    }

    /** Tags counted while cutting, for judging what kind of page this is. */
    static final List<String> COUNTED =
            List.of(
                    "p",
                    "li",
                    "h1",
                    "h2",
                    "h3",
                    "pre",
                    "code",
                    "table",
                    "form",
                    "input",
                    "button",
                    "article",
                    "section",
                    "img",
                    "time",
                    "blockquote",
                    "dl",
                    "select",
                    "nav",
                    "aside",
                    "iframe",
                    "a",
                    "textarea",
                    "video");

    /**
     * What the walk needs to know of a tag, looked up once per element.
     *
     * @param counted its index in {@link #COUNTED}, or -1
     * @param skipped whether its subtree holds no text worth reading
     * @param inline whether its text flows in the surrounding block
     * @param context the context bits it adds
     */
    private record Tag(int counted, boolean skipped, boolean inline, int context) {}

    private static final Map<String, Tag> TAGS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Tag tag(String name) {
        Tag t = TAGS.get(name);
        if (t == null) {
            t = new Tag(COUNTED.indexOf(name), skipped(name), inline(name), tagContext(name));
            // custom element names are unbounded: remember only a bounded number of tags
            if (TAGS.size() < 4096) {
                TAGS.put(name, t);
            }
        }
        return t;
    }

    /**
     * A page cut into blocks.
     *
     * @param blocks the blocks in document order
     * @param tags how many elements of each {@link #COUNTED} tag the body holds
     * @param tree the body's elements as the walk met them
     */
    record Page(Element body, List<Block> blocks, int[] tags, ElementTree tree) {}

    /** The blocks of {@code body}, in document order. */
    static Page of(Element body) {
        return of(body, (el, a) -> {});
    }

    /**
     * The blocks of {@code body}, in document order, handing every element of the body to {@code
     * everyElement} on the way, skipped subtrees' roots included but not what they hold.
     */
    static Page of(
            Element body, java.util.function.BiConsumer<Element, ElementAttributes> everyElement) {
        Walk walk = new Walk(body, everyElement);
        walk(walk, body);
        walk.flush();
        return new Page(body, walk.blocks, walk.tags, walk.tree);
    }

    /**
     * {@code NodeTraversor.filter(walk, root)} written out for the walk's answers (it continues or
     * skips a subtree entirely): every node's head in document order, and its tail after its
     * children unless its head skipped it entirely. Jsoup's traversal calls whichever filter it is
     * given, and with the several filters of an extraction that call is not inlined; this one is.
     */
    private static void walk(Walk walk, Element root) {
        Node node = root;
        int depth = 0;
        while (true) {
            NodeFilter.FilterResult result = walk.head(node, depth);
            if (result == NodeFilter.FilterResult.CONTINUE && node.childNodeSize() > 0) {
                node = node.childNode(0);
                depth++;
                continue;
            }
            boolean tail = result != NodeFilter.FilterResult.SKIP_ENTIRELY;
            while (true) {
                if (tail) {
                    walk.tail(node, depth);
                }
                if (node == root) {
                    return;
                }
                Node next = node.nextSibling();
                if (next != null) {
                    node = next;
                    break;
                }
                node = node.parentNode();
                depth--;
                tail = true;
            }
        }
    }

    private static boolean skipped(String tag) {
        return switch (tag) {
            case "script",
                    "style",
                    "template",
                    "svg",
                    "head",
                    "title",
                    "meta",
                    "link",
                    "iframe",
                    "object",
                    "embed",
                    "canvas",
                    "math",
                    "audio",
                    "video",
                    "picture",
                    "map",
                    "select",
                    "option",
                    "datalist",
                    "textarea",
                    "input",
                    "source",
                    "track" ->
                    true;
            default -> false;
        };
    }

    private static final class Walk implements NodeFilter {
        final List<Block> blocks = new ArrayList<>();
        final int[] tags = new int[COUNTED.size()];
        final ElementTree tree = new ElementTree();
        private final Element body;

        /**
         * The current block's text so far, {@code length} characters of it: a plain array, filled
         * by {@link String#getChars} a run at a time (a builder copies a page of curly quotes and
         * other non-Latin-1 text one character at a time).
         */
        private char[] text = new char[256];

        private int length;

        /**
         * Open elements that changed the context, innermost last; block-level ones own the text
         * inside. Parallel arrays: a frame per element is pushed and popped for most elements.
         */
        private Element[] frames = new Element[64];

        private int[] nodes = new int[64];

        private boolean[] blockLevel = new boolean[64];
        private int[] contexts = new int[64];
        private long[] names = new long[64];
        private long[] own = new long[64];
        private int size;
        private final Map<String, Long> nameCache = new HashMap<>();
        private int linkDepth;
        private int linkChars;
        private int offset;
        private boolean space = true;

        private final java.util.function.BiConsumer<Element, ElementAttributes> everyElement;

        Walk(Element body, java.util.function.BiConsumer<Element, ElementAttributes> everyElement) {
            this.body = body;
            this.everyElement = everyElement;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                append(t.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element el)) {
                return FilterResult.CONTINUE;
            }
            boolean attributes = el.attributesSize() > 0;
            ElementAttributes a =
                    attributes ? ElementAttributes.of(el.attributes()) : ElementAttributes.NONE;
            everyElement.accept(el, a);
            String name = el.normalName();
            Tag tag = tag(name);
            if (tag.counted() >= 0) {
                tags[tag.counted()]++;
            }
            int number = tree.enter(name, attributes, a);
            if (tag.skipped()) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (name.equals("br")) {
                newline();
                return FilterResult.CONTINUE;
            }
            tree.open(number);
            int top = size - 1;
            int parentContext = top >= 0 ? contexts[top] : 0;
            long parentNames = top >= 0 ? names[top] : 0;
            int context = parentContext | tag.context();
            long ownKinds = 0;
            if (attributes) {
                context |= a.context();
                // the body's names describe the page (its template, its state), not a block
                if (el != body) {
                    ownKinds = kinds(a.className()) | kinds(a.id());
                }
            }
            long kinds = parentNames | ownKinds;
            if (name.equals("a")) {
                linkDepth++;
            }
            boolean block = !tag.inline() || el == body;
            if (block) {
                flush();
            }
            // an inline element needs a frame only when it changes the context of its text
            if (block || context != parentContext || kinds != parentNames) {
                push(el, number, block, context, kinds, ownKinds);
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (!(node instanceof Element el)) {
                return FilterResult.CONTINUE;
            }
            // skipped elements never come here: the walk leaves their subtree without a tail
            String name = el.normalName();
            if (name.equals("br")) {
                return FilterResult.CONTINUE;
            }
            tree.close();
            if (name.equals("a")) {
                linkDepth--;
            }
            int top = size - 1;
            if (top >= 0 && frames[top] == el) {
                if (blockLevel[top]) {
                    flush();
                }
                frames[top] = null;
                size--;
            }
            return FilterResult.CONTINUE;
        }

        private void push(
                Element el, int node, boolean block, int context, long kinds, long ownKinds) {
            if (size == frames.length) {
                int grown = size * 2;
                frames = java.util.Arrays.copyOf(frames, grown);
                nodes = java.util.Arrays.copyOf(nodes, grown);
                blockLevel = java.util.Arrays.copyOf(blockLevel, grown);
                contexts = java.util.Arrays.copyOf(contexts, grown);
                names = java.util.Arrays.copyOf(names, grown);
                own = java.util.Arrays.copyOf(own, grown);
            }
            frames[size] = el;
            nodes[size] = node;
            blockLevel[size] = block;
            contexts[size] = context;
            names[size] = kinds;
            own[size] = ownKinds;
            size++;
        }

        /** Kinds of the innermost frames up to and including the third block-level one. */
        private long near() {
            long mask = 0;
            int blockFrames = 0;
            for (int i = size - 1; i >= 0 && blockFrames < 3; i--) {
                mask |= own[i];
                if (blockLevel[i]) {
                    blockFrames++;
                }
            }
            return mask;
        }

        /**
         * Appends text with each run of whitespace collapsed to one space (none at a block's start
         * or after a line break), copying at once each stretch that needs no change: words
         * separated by single spaces.
         */
        private void append(String s) {
            int n = s.length();
            int i = 0;
            int added = length;
            while (i < n) {
                if (isSpace(s.charAt(i))) {
                    space = true;
                    i++;
                    continue;
                }
                int start = i;
                while (i < n
                        && (!isSpace(s.charAt(i))
                                || (s.charAt(i) == ' '
                                        && i + 1 < n
                                        && !isSpace(s.charAt(i + 1))))) {
                    i++;
                }
                if (space && length > 0 && text[length - 1] != '\n') {
                    put(' ');
                }
                space = false;
                if (length + i - start > text.length) {
                    text =
                            java.util.Arrays.copyOf(
                                    text, Math.max(text.length * 2, length + i - start));
                }
                s.getChars(start, i, text, length);
                length += i - start;
            }
            if (linkDepth > 0) {
                linkChars += length - added;
            }
        }

        private void put(char c) {
            if (length == text.length) {
                text = java.util.Arrays.copyOf(text, length * 2);
            }
            text[length++] = c;
        }

        private static boolean isSpace(char c) {
            return c <= ' ' || c == '\u00a0' || (c >= 0x80 && Character.isWhitespace(c));
        }

        private void newline() {
            if (length > 0 && text[length - 1] != '\n') {
                put('\n');
            }
            space = false;
        }

        void flush() {
            int end = length;
            while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == ' ')) {
                end--;
            }
            if (end > 0) {
                Element owner = null;
                int node = 0;
                for (int i = size - 1; i >= 0 && owner == null; i--) {
                    if (blockLevel[i]) {
                        owner = frames[i];
                        node = nodes[i];
                    }
                }
                int top = size - 1;
                String t = new String(text, 0, end);
                blocks.add(
                        new Block(
                                t,
                                Math.min(linkChars, t.length()),
                                owner == null ? body : owner,
                                top >= 0 ? contexts[top] : 0,
                                top >= 0 ? names[top] : 0,
                                near(),
                                offset,
                                node));
                offset += t.length();
            }
            length = 0;
            linkChars = 0;
            space = true;
        }

        private long kinds(String value) {
            if (value.isEmpty()) {
                return 0;
            }
            Long k = nameCache.get(value);
            if (k == null) {
                k = NameWords.kinds(value);
                nameCache.put(value, k);
            }
            return k;
        }
    }

    /** The context bits an element's tag adds. */
    static int tagContext(String tag) {
        return switch (tag) {
            case "nav" -> Context.NAV;
            case "header" -> Context.HEADER;
            case "footer" -> Context.FOOTER;
            case "aside" -> Context.ASIDE;
            case "main" -> Context.MAIN;
            case "article" -> Context.ARTICLE;
            case "section" -> Context.SECTION;
            case "form" -> Context.FORM;
            case "ul", "ol", "menu" -> Context.LIST;
            case "table" -> Context.TABLE;
            case "a" -> Context.LINK;
            case "dialog" -> Context.DIALOG;
            case "noscript" -> Context.NOSCRIPT;
            case "details" -> Context.DETAILS;
            case "pre", "code" -> Context.CODE;
            case "blockquote" -> Context.QUOTE;
            case "figure" -> Context.FIGURE;
            default -> 0;
        };
    }
}
