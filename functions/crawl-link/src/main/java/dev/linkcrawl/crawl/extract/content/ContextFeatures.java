package dev.linkcrawl.crawl.extract.content;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * A block's row for the second look: its own features, plus what the first look made of the blocks
 * around it — its neighbours, the blocks under the same parent and grandparent, the blocks that
 * look alike (same tags and classes up two levels: the other cards of a grid, the other posts of a
 * thread) and the page as a whole. One block judged content makes its look-alikes likelier.
 */
final class ContextFeatures {

    static final List<String> EXTRA =
            List.of(
                    "first",
                    "prev",
                    "next",
                    "prev2",
                    "next2",
                    "siblings",
                    "cousins",
                    "alike",
                    "alikeCount",
                    "pageMean",
                    "pageShare",
                    "inFirstContainer",
                    "firstContainerShare");

    /** Feature names: the block features, then {@link #EXTRA}. */
    static final List<String> NAMES = names();

    private static List<String> names() {
        List<String> n = new ArrayList<>(BlockFeatures.NAMES);
        n.addAll(EXTRA);
        return List.copyOf(n);
    }

    private ContextFeatures() {}

    /** Rows for the second look, from the table and the first look's probabilities. */
    static float[][] rows(BlockTable table, double[] first) {
        boolean[] all = new boolean[table.size()];
        java.util.Arrays.fill(all, true);
        return rows(table, first, all);
    }

    /**
     * Rows for the second look of the {@code wanted} blocks (the others' rows are null), from the
     * table and the first look's probabilities of all blocks.
     */
    static float[][] rows(BlockTable table, double[] first, boolean[] wanted) {
        int n = table.size();
        Map<Element, double[]> byParent = new IdentityHashMap<>();
        Map<Element, double[]> byGrand = new IdentityHashMap<>();
        double[][] parentOf = new double[n][];
        double[][] grandOf = new double[n][];
        Element[] parents = new Element[n];
        Element[] grands = new Element[n];
        long[] looks = new long[n];
        double weighted = 0;
        double total = 0;
        double contentChars = 0;
        // consecutive blocks mostly share a parent and a grandparent: their looks and sums are
        // taken from the block before rather than computed and looked up again
        ElementTree tree = table.tree();
        long parentLook = 0;
        long grandLook = 0;
        double[] parentSums = null;
        double[] grandSums = null;
        for (int i = 0; i < n; i++) {
            Element owner = table.owner(i);
            parents[i] = owner.parent() == null ? owner : owner.parent();
            grands[i] = parents[i].parent() == null ? parents[i] : parents[i].parent();
            if (i == 0 || parents[i] != parents[i - 1]) {
                parentLook = look(parents[i]);
                parentSums = byParent.computeIfAbsent(parents[i], x -> new double[3]);
            }
            if (i == 0 || grands[i] != grands[i - 1]) {
                grandLook = look(grands[i]);
                grandSums = byGrand.computeIfAbsent(grands[i], x -> new double[3]);
            }
            looks[i] =
                    (tree.trimmedLook(table.block(i).node()) * 31 + parentLook) * 0x100000001B3L
                            + grandLook;
            double w = Math.max(1, table.text(i).length());
            add(parentSums, first[i], w);
            add(grandSums, first[i], w);
            parentOf[i] = parentSums;
            grandOf[i] = grandSums;
            weighted += first[i] * w;
            total += w;
            if (first[i] >= 0.5) {
                contentChars += w;
            }
        }
        // the sums of each look, found by searching the sorted distinct looks
        long[] distinct = looks.clone();
        java.util.Arrays.sort(distinct);
        int kinds = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || distinct[i] != distinct[i - 1]) {
                distinct[kinds++] = distinct[i];
            }
        }
        distinct = java.util.Arrays.copyOf(distinct, kinds);
        double[][] lookSums = new double[distinct.length][3];
        double[][] lookOf = new double[n][];
        for (int i = 0; i < n; i++) {
            lookOf[i] = lookSums[java.util.Arrays.binarySearch(distinct, looks[i])];
            add(lookOf[i], first[i], Math.max(1, table.text(i).length()));
        }
        TextDensity.Totals container = container(table, first);
        double containerChars = 0;
        boolean[] inContainer = new boolean[n];
        for (int i = 0; i < n; i++) {
            inContainer[i] = container != null && container.holds(i);
            if (inContainer[i]) {
                containerChars += table.text(i).length();
            }
        }
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            if (!wanted[i]) {
                continue;
            }
            float[] base = table.row(i);
            float[] r = java.util.Arrays.copyOf(base, NAMES.size());
            int at = base.length;
            r[at++] = (float) first[i];
            r[at++] = i > 0 ? (float) first[i - 1] : -1;
            r[at++] = i + 1 < n ? (float) first[i + 1] : -1;
            r[at++] = i > 1 ? (float) first[i - 2] : -1;
            r[at++] = i + 2 < n ? (float) first[i + 2] : -1;
            r[at++] = mean(parentOf[i]);
            r[at++] = mean(grandOf[i]);
            double[] alike = lookOf[i];
            r[at++] = mean(alike);
            r[at++] = Counts.log((int) alike[2]);
            r[at++] = total == 0 ? 0 : (float) (weighted / total);
            r[at++] = total == 0 ? 0 : (float) (contentChars / total);
            r[at++] = inContainer[i] ? 1 : 0;
            r[at++] = total == 0 ? 0 : (float) (containerChars / total);
            rows[i] = r;
        }
        return rows;
    }

    /**
     * The element whose blocks, by the first look, hold the most more content than boilerplate: the
     * one maximising the sum over its blocks of (probability − ½) × characters. An element's blocks
     * are a run of consecutive blocks, so each sum is a difference of prefix sums. Ties go to the
     * element holding fewer blocks, then the earlier one, so the choice is deterministic.
     */
    static TextDensity.Totals container(BlockTable table, double[] first) {
        int n = table.size();
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + (first[i] - 0.5) * table.text(i).length();
        }
        TextDensity.Totals best = null;
        double bestSum = 0;
        for (TextDensity.Totals t : table.density().all()) {
            double sum = prefix[t.lastBlock + 1] - prefix[t.firstBlock];
            if (sum > bestSum || (best != null && sum == bestSum && TextDensity.before(t, best))) {
                bestSum = sum;
                best = t;
            }
        }
        return best;
    }

    /** An element's look, its tag and classes, as a hash: looks are only compared. */
    private static long look(Element e) {
        long h = e.normalName().hashCode();
        if (e.attributesSize() > 0) {
            h = h * 0x9E3779B97F4A7C15L + e.attributes().get("class").strip().hashCode();
        }
        return h;
    }

    private static void add(double[] acc, double p, double w) {
        acc[0] += p * w;
        acc[1] += w;
        acc[2]++;
    }

    private static float mean(double[] acc) {
        return acc == null || acc[1] == 0 ? 0 : (float) (acc[0] / acc[1]);
    }
}
