package dev.linkcrawl.crawl.extract.content;

import dev.linkcrawl.crawl.extract.content.Blocks.Block;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How much text, link text and paragraph weight each element holds, summed from the blocks inside
 * it, and the element whose paragraphs weigh most once its link density is taken off (the container
 * Readability would pick): a page's densest run of prose.
 */
final class TextDensity {

    /** Blocks shorter than this (characters) are not paragraphs when weighing: 25. */
    static final int MIN_PARAGRAPH_CHARS = 25;

    /** Ancestor levels a paragraph lends weight to (Readability's 5). */
    static final int LEVELS = 5;

    /** Sums over the blocks inside one element. */
    static final class Totals {
        int chars;
        int linkChars;
        int blocks;
        double weight;

        /** The first and last block inside: blocks are in document order, so all between are. */
        int firstBlock = -1;

        int lastBlock = -1;

        boolean holds(int block) {
            return block >= firstBlock && block <= lastBlock;
        }

        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }
    }

    private final List<Totals> all;
    private final Totals[][] around;
    private final Totals page;
    private final Totals best;

    private TextDensity(List<Totals> all, Totals[][] around, Totals page, Totals best) {
        this.all = all;
        this.around = around;
        this.page = page;
        this.best = best;
    }

    /** Levels above a block's owner whose sums {@link #around} keeps: 3. */
    static final int AROUND = 3;

    static TextDensity of(Blocks.Page page) {
        ElementTree tree = page.tree();
        Totals[] byNode = new Totals[tree.size()];
        List<Totals> all = new ArrayList<>();
        List<Block> blocks = page.blocks();
        Totals[][] around = new Totals[blocks.size()][];
        // The ancestors of the previous block, body first, and their sums: consecutive blocks
        // share most of them, so only the new part of each chain is taken up.
        int[] chain = new int[32];
        Totals[] chainTotals = new Totals[32];
        int size = 0;
        int[] path = new int[32];
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            int depth = 0;
            for (int e = b.node(); e >= 0; e = tree.parent(e)) {
                if (depth == path.length) {
                    path = Arrays.copyOf(path, depth * 2);
                }
                path[depth++] = e;
            }
            int keep = 0;
            while (keep < size && keep < depth && chain[keep] == path[depth - 1 - keep]) {
                keep++;
            }
            size = keep;
            if (depth > chain.length) {
                chain = Arrays.copyOf(chain, depth);
                chainTotals = Arrays.copyOf(chainTotals, depth);
            }
            for (int k = keep; k < depth; k++) {
                int e = path[depth - 1 - k];
                Totals t = byNode[e];
                if (t == null) {
                    t = new Totals();
                    t.firstBlock = i;
                    byNode[e] = t;
                    all.add(t);
                }
                chain[size] = e;
                chainTotals[size++] = t;
            }
            Totals[] up = new Totals[AROUND + 1];
            for (int level = 0; level <= AROUND; level++) {
                up[level] = chainTotals[Math.max(0, size - 1 - level)];
            }
            around[i] = up;
            double weight = paragraphWeight(b);
            for (int at = size - 1, level = 0; at >= 0; at--, level++) {
                Totals t = chainTotals[at];
                t.lastBlock = i;
                t.chars += b.chars();
                t.linkChars += b.linkChars();
                t.blocks++;
                if (weight > 0 && level >= 1 && level <= LEVELS) {
                    // Readability's damping: parent, grandparent / 2, then / 3 per level
                    t.weight += weight / (level == 1 ? 1 : level == 2 ? 2 : (level - 1) * 3);
                }
            }
        }
        Totals best = null;
        double bestScore = 0;
        for (Totals t : all) {
            double s = t.weight * (1 - t.linkDensity());
            if (s > bestScore || (best != null && s == bestScore && before(t, best))) {
                bestScore = s;
                best = t;
            }
        }
        Totals body = byNode.length == 0 || byNode[0] == null ? new Totals() : byNode[0];
        return new TextDensity(all, around, body, best);
    }

    /**
     * A paragraph's weight: 1, plus its commas (at most 10), plus one per 100 chars (at most 3).
     */
    private static double paragraphWeight(Block b) {
        String tag = b.owner().normalName();
        boolean heading =
                tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1));
        if (b.chars() < MIN_PARAGRAPH_CHARS || b.linkChars() * 2 >= b.chars() || heading) {
            return 0;
        }
        int commas = 0;
        String t = b.text();
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == ',') {
                commas++;
            }
        }
        return 1 + Math.min(commas, 10) + Math.min(b.chars() / 100, 3);
    }

    /**
     * The order ties are broken in: the element holding fewer blocks (the inner one), then the one
     * starting earlier.
     */
    static boolean before(Totals a, Totals b) {
        int spanA = a.lastBlock - a.firstBlock;
        int spanB = b.lastBlock - b.firstBlock;
        return spanA != spanB ? spanA < spanB : a.firstBlock < b.firstBlock;
    }

    /** The sums of every element that holds a block, in the order of their first block. */
    List<Totals> all() {
        return all;
    }

    /**
     * The sums of the element {@code levels} (0 to {@value #AROUND}) above the owner of block
     * {@code block}, no higher than the body.
     */
    Totals around(int block, int levels) {
        return around[block][levels];
    }

    /** The sums of the whole body. */
    Totals page() {
        return page;
    }

    /** The sums of the densest container, or null when the page has no paragraph. */
    Totals best() {
        return best;
    }
}
