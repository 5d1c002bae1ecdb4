package dev.linkcrawl.crawl.extract.content;

import dev.linkcrawl.crawl.extract.MetaText;
import dev.linkcrawl.crawl.extract.content.Blocks.Block;
import dev.linkcrawl.crawl.extract.content.TextDensity.Totals;
import dev.linkcrawl.index.PageType;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers a block is judged by: its own text (length, links, punctuation, tag), where it sits
 * (landmarks, name kinds, the density of its ancestors, repeated sibling structures, the
 * best-scoring text container of the page) and the page around it (size, type). Pure: blocks in,
 * rows out.
 */
final class BlockFeatures {

    /** Feature names, in row order. */
    static final List<String> NAMES = names();

    private static final int OWN = 22;

    private static List<String> names() {
        List<String> n = new ArrayList<>();
        n.addAll(
                List.of(
                        "chars",
                        "words",
                        "linkDensity",
                        "tagP",
                        "tagLi",
                        "heading",
                        "tagCell",
                        "tagDt",
                        "tagCaption",
                        "tagControl",
                        "tagDiv",
                        "endsSentence",
                        "commaRate",
                        "upperRate",
                        "digitRate",
                        "wordLength",
                        "isTitle",
                        "lines",
                        "priceLike",
                        "startsWithBullet",
                        "ownItemprop",
                        "urlOrStamp"));
        for (String c : Blocks.Context.NAMES) {
            n.add("in" + Character.toUpperCase(c.charAt(0)) + c.substring(1));
        }
        for (String k : NameWords.KINDS) {
            n.add("named" + Character.toUpperCase(k.charAt(0)) + k.substring(1));
        }
        for (String k : NameWords.KINDS) {
            n.add("near" + Character.toUpperCase(k.charAt(0)) + k.substring(1));
        }
        n.addAll(
                List.of(
                        "ownNamed",
                        "parentLinkDensity",
                        "parentChars",
                        "parentBlocks",
                        "grandLinkDensity",
                        "grandChars",
                        "greatLinkDensity",
                        "greatChars",
                        "repeated",
                        "inBest",
                        "bestShare",
                        "sinceBest",
                        "position",
                        "pageChars",
                        "pageLinkDensity",
                        "pageBlocks"));
        for (PageType t : PageType.values()) {
            n.add(
                    "type"
                            + t.name().charAt(0)
                            + t.name().substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return List.copyOf(n);
    }

    private BlockFeatures() {}

    /**
     * One row per block.
     *
     * @param title the page's title, to recognise the heading that repeats it
     */
    static float[][] rows(
            Blocks.Page segmented, TextDensity density, int[] repeated, String title) {
        List<Block> blocks = segmented.blocks();
        ElementTree tree = segmented.tree();
        Totals page = density.page();
        Totals bestTotals = density.best();
        int bestStart = -1;
        int bestEnd = -1;
        String titleKey = title == null ? "" : MetaText.simplify(title);

        float[][] rows = new float[blocks.size()][];
        int pageChars = page == null ? 0 : page.chars;
        if (bestTotals != null) {
            bestStart = blocks.get(bestTotals.firstBlock).start();
            Block last = blocks.get(bestTotals.lastBlock);
            bestEnd = last.start() + last.chars();
        }
        // the same for every block of the page
        float bestShare =
                bestTotals == null || pageChars == 0 ? 0 : (float) bestTotals.chars / pageChars;
        float pageSize = Counts.log(pageChars);
        float pageLinkDensity = density(page);
        float pageBlocks = Counts.log(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            float[] r = new float[NAMES.size()];
            own(b, r, titleKey, tree.itemprop(b.node()));
            int at = OWN;
            for (int c = 0; c < Blocks.Context.NAMES.size(); c++) {
                r[at++] = (b.context() & (1 << c)) != 0 ? 1 : 0;
            }
            for (int k = 0; k < NameWords.KINDS.size(); k++) {
                r[at++] = (b.names() & (1L << k)) != 0 ? 1 : 0;
            }
            for (int k = 0; k < NameWords.KINDS.size(); k++) {
                r[at++] = (b.near() & (1L << k)) != 0 ? 1 : 0;
            }
            r[at++] = tree.named(b.node()) ? 1 : 0;
            Totals pt = density.around(i, 1);
            Totals gt = density.around(i, 2);
            Totals ggt = density.around(i, 3);
            r[at++] = density(pt);
            r[at++] = Counts.log(pt == null ? 0 : pt.chars);
            r[at++] = Counts.log(pt == null ? 0 : pt.blocks);
            r[at++] = density(gt);
            r[at++] = Counts.log(gt == null ? 0 : gt.chars);
            r[at++] = density(ggt);
            r[at++] = Counts.log(ggt == null ? 0 : ggt.chars);
            r[at++] = Counts.log(repeated[i]);
            boolean inBest = bestTotals != null && bestTotals.holds(i);
            r[at++] = inBest ? 1 : 0;
            r[at++] = bestShare;
            r[at++] =
                    inBest || bestTotals == null
                            ? 0
                            : b.start() < bestStart
                                    ? -(float) (bestStart - b.start()) / Math.max(1, pageChars)
                                    : (float) (b.start() - bestEnd) / Math.max(1, pageChars);
            r[at++] = pageChars == 0 ? 0 : (float) b.start() / pageChars;
            r[at++] = pageSize;
            r[at++] = pageLinkDensity;
            r[at++] = pageBlocks;
            // the page type's slots stay 0 until BlockTable.setType
            rows[i] = r;
        }
        return rows;
    }

    /** Character kinds counted in a block's text, as bits: a word character, a letter… */
    private static final int WORD = 1;

    private static final int LETTER = 1 << 1;
    private static final int UPPER = 1 << 2;
    private static final int DIGIT = 1 << 3;
    private static final int COMMA = 1 << 4;
    private static final int NEWLINE = 1 << 5;
    private static final int CURRENCY = 1 << 6;

    /** The kinds of each ASCII character, looked up rather than tested one by one. */
    private static final byte[] ASCII = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] = (byte) kindOf(c);
        }
    }

    /**
     * The kinds of a character: letters (upper-case or not) and digits make words, only ASCII
     * digits count as digits, and commas, line breaks and currency signs are counted apart.
     */
    private static int kindOf(char c) {
        if (c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : Character.isLetter(c)) {
            boolean upperCase = c < 0x80 ? c <= 'Z' : Character.isUpperCase(c);
            return WORD | LETTER | (upperCase ? UPPER : 0);
        }
        if (c >= '0' && c <= '9') {
            return WORD | DIGIT;
        }
        int word = c >= 0x80 && Character.isLetterOrDigit(c) ? WORD : 0;
        return word
                | switch (c) {
                    case ',', '，', '、' -> COMMA;
                    case '\n' -> NEWLINE;
                    case '$', '€', '£', '¥', '₹' -> CURRENCY;
                    default -> 0;
                };
    }

    private static void own(Block b, float[] r, String titleKey, boolean itemprop) {
        String t = b.text();
        int n = t.length();
        int words = 0;
        int upper = 0;
        int letters = 0;
        int digits = 0;
        int commas = 0;
        int lines = 1;
        int inWord = 0;
        int seen = 0;
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            int k = c < 128 ? ASCII[c] : kindOf(c);
            int w = k & WORD;
            words += w & ~inWord;
            inWord = w;
            letters += (k & LETTER) >>> 1;
            upper += (k & UPPER) >>> 2;
            digits += (k & DIGIT) >>> 3;
            commas += (k & COMMA) >>> 4;
            lines += (k & NEWLINE) >>> 5;
            seen |= k;
        }
        boolean currency = (seen & CURRENCY) != 0;
        String tag = b.owner().normalName();
        char last = n == 0 ? ' ' : t.charAt(n - 1);
        r[0] = Counts.log(n);
        r[1] = Counts.log(words);
        r[2] = n == 0 ? 0 : (float) b.linkChars() / n;
        r[3] = tag.equals("p") ? 1 : 0;
        r[4] = tag.equals("li") ? 1 : 0;
        r[5] = heading(tag);
        r[6] = tag.equals("td") || tag.equals("th") ? 1 : 0;
        r[7] = tag.equals("dt") || tag.equals("dd") ? 1 : 0;
        r[8] = tag.equals("figcaption") || tag.equals("caption") ? 1 : 0;
        r[9] =
                switch (tag) {
                    case "button", "label", "legend", "summary", "fieldset", "form" -> 1;
                    default -> 0;
                };
        r[10] =
                switch (tag) {
                    case "div", "section", "article", "main", "body", "span" -> 1;
                    default -> 0;
                };
        r[11] = ".!?。:;…)\"”".indexOf(last) >= 0 ? 1 : 0;
        r[12] = words == 0 ? 0 : (float) commas / words;
        r[13] = letters == 0 ? 0 : (float) upper / letters;
        r[14] = n == 0 ? 0 : (float) digits / n;
        r[15] = words == 0 ? 0 : (float) (letters + digits) / words;
        r[16] = sameAsTitle(t, titleKey) ? 1 : 0;
        r[17] = lines;
        r[18] = currency && digits > 0 ? 1 : 0;
        char first = n == 0 ? ' ' : t.charAt(0);
        r[19] = "•·-–—*>»→✓✔".indexOf(first) >= 0 ? 1 : 0;
        // microdata properties spelled out as visible text: dates, names, links of the metadata
        r[20] = itemprop ? 1 : 0;
        r[21] = urlOrStamp(t) ? 1 : 0;
    }

    /**
     * Whether the text is the title, compared on lower-cased letters and digits; most blocks are
     * ruled out by length or by their first letter before anything is built.
     */
    static boolean sameAsTitle(String t, String titleKey) {
        int n = t.length();
        if (titleKey.isEmpty() || n < titleKey.length() || n >= 400) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (Character.toLowerCase(c) != titleKey.charAt(0)) {
                    return false;
                }
                break;
            }
        }
        return MetaText.simplify(t).equals(titleKey);
    }

    /** A text that is an address or a machine timestamp ("2019-11-19T08:57:40+01:00"). */
    static boolean urlOrStamp(String t) {
        if (t.startsWith("http://") || t.startsWith("https://") || t.startsWith("www.")) {
            return t.indexOf(' ') < 0;
        }
        return t.length() >= 10
                && t.length() <= 40
                && Character.isDigit(t.charAt(0))
                && Character.isDigit(t.charAt(3))
                && t.charAt(4) == '-'
                && Character.isDigit(t.charAt(5))
                && t.charAt(7) == '-';
    }

    private static float heading(String tag) {
        if (tag.length() == 2
                && tag.charAt(0) == 'h'
                && tag.charAt(1) >= '1'
                && tag.charAt(1) <= '6') {
            return tag.charAt(1) - '0';
        }
        return 0;
    }

    private static float density(Totals t) {
        return t == null || t.chars == 0 ? 0 : (float) t.linkChars / t.chars;
    }
}
