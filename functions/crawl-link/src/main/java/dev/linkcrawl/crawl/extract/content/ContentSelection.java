package dev.linkcrawl.crawl.extract.content;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Decides which blocks are main content, in two looks: the first judges each block by its own row,
 * the second, where the first was unsure, again with what the first made of the blocks around it
 * ({@link ContextFeatures}). Blocks the second look finds at least even odds of being content are
 * kept; when it keeps none, the likeliest blocks are kept anyway (those within half the best
 * probability), so a page with text never comes out empty.
 */
final class ContentSelection {

    /** The probability at which a block is kept: 0.5. */
    static final double KEEP = 0.5;

    /**
     * A first look at most this sure of boilerplate, or at least as sure of content (1 − this), is
     * final: 0.15. Cross-validated on WCXB, the second look changes decisions only between these
     * (the same F1 to four places), and skipping it on the rest saves about two thirds of it.
     */
    static final double SURE = 0.15;

    /**
     * What was kept.
     *
     * @param kept indexes of the kept blocks, in order
     * @param expectedF1 the F1 the probabilities predict for this choice
     * @param container the parent of the smallest element holding every kept block
     */
    record Selection(List<Integer> kept, double expectedF1, Element container) {}

    private ContentSelection() {}

    /** Blocks judged between two checkpoints: 1,024. */
    static final int BLOCKS_PER_CHECKPOINT = 1024;

    static Selection select(BlockTable table) {
        return select(table, () -> {});
    }

    /** Like {@link #select(BlockTable)}, running {@code checkpoint} every 1,024 blocks judged. */
    static Selection select(BlockTable table, Runnable checkpoint) {
        int n = table.size();
        double[] first = new double[n];
        for (int i = 0; i < n; i++) {
            if (i % BLOCKS_PER_CHECKPOINT == 0) {
                checkpoint.run();
            }
            first[i] = Models.FIRST_LOOK.probability(table.row(i));
        }
        boolean[] unsure = new boolean[n];
        for (int i = 0; i < n; i++) {
            unsure[i] = first[i] > SURE && first[i] < 1 - SURE;
        }
        float[][] rows = ContextFeatures.rows(table, first, unsure);
        double[] p = new double[n];
        double best = 0;
        checkpoint.run();
        for (int i = 0; i < n; i++) {
            if (i % BLOCKS_PER_CHECKPOINT == 0) {
                checkpoint.run();
            }
            p[i] = unsure[i] ? Models.SECOND_LOOK.probability(rows[i]) : first[i];
            best = Math.max(best, p[i]);
        }
        double threshold = best >= KEEP ? KEEP : best / 2;
        List<Integer> kept = new ArrayList<>();
        double keptMass = 0;
        double keptChars = 0;
        double allMass = 0;
        for (int i = 0; i < n; i++) {
            double chars = table.text(i).length();
            allMass += p[i] * chars;
            if (p[i] >= threshold && p[i] > 0) {
                kept.add(i);
                keptMass += p[i] * chars;
                keptChars += chars;
            }
        }
        double precision = keptChars == 0 ? 0 : keptMass / keptChars;
        double recall = allMass == 0 ? 0 : keptMass / allMass;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Selection(kept, f1, container(table, kept));
    }

    private static Element container(BlockTable table, List<Integer> kept) {
        Element common = null;
        for (int i : kept) {
            Element owner = table.owner(i);
            common = common == null ? owner : commonAncestor(common, owner);
        }
        return common == null || common.parent() == null ? common : common.parent();
    }

    /** The nearest element holding both {@code a} and {@code b}, or {@code a} when none does. */
    static Element commonAncestor(Element a, Element b) {
        int depthA = depth(a);
        int depthB = depth(b);
        Element x = a;
        Element y = b;
        for (; depthA > depthB; depthA--) {
            x = x.parent();
        }
        for (; depthB > depthA; depthB--) {
            y = y.parent();
        }
        while (x != y) {
            x = x.parent();
            y = y.parent();
        }
        return x == null ? a : x;
    }

    private static int depth(Element e) {
        int depth = 0;
        for (Element at = e.parent(); at != null; at = at.parent()) {
            depth++;
        }
        return depth;
    }
}
