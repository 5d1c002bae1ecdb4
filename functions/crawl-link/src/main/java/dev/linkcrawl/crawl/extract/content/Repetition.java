package dev.linkcrawl.crawl.extract.content;

import java.util.Arrays;

/**
 * How often an element's look (its tag and classes) repeats among its siblings: cards in a grid,
 * posts in a thread, rows of a list. Read from the page's {@link ElementTree}; each parent's
 * children are counted once, when one of them is first asked about.
 */
final class Repetition {

    /** Levels above a block's owner that are looked at: the owner and three ancestors. */
    static final int LEVELS = 4;

    private final ElementTree tree;

    /**
     * Each parent's children, together: {@code children[first[p]] .. children[first[p + 1] - 1]}.
     */
    private final int[] first;

    private final int[] children;

    /** For each element, how many of its siblings (itself counted) look like it; -1 not yet. */
    private final int[] alike;

    Repetition(ElementTree tree) {
        this.tree = tree;
        int n = tree.size();
        first = new int[n + 1];
        for (int e = 1; e < n; e++) {
            first[tree.parent(e) + 1]++;
        }
        for (int p = 0; p < n; p++) {
            first[p + 1] += first[p];
        }
        children = new int[Math.max(0, n - 1)];
        int[] filled = Arrays.copyOf(first, n);
        for (int e = 1; e < n; e++) {
            children[filled[tree.parent(e)]++] = e;
        }
        alike = new int[n];
        Arrays.fill(alike, -1);
    }

    /** {@link #around} for the owner of each block, in block order. */
    static int[] ofBlocks(Blocks.Page page) {
        Repetition r = new Repetition(page.tree());
        int[] out = new int[page.blocks().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.around(page.blocks().get(i).node());
        }
        return out;
    }

    /**
     * The most siblings alike found for the element numbered {@code owner} or one of its three
     * nearest ancestors below the body (the element itself counted).
     */
    int around(int owner) {
        int most = 0;
        int e = owner;
        for (int level = 0; level < LEVELS && e > 0; level++) {
            most = Math.max(most, alike(e));
            e = tree.parent(e);
        }
        return most;
    }

    private int alike(int e) {
        if (alike[e] < 0) {
            countChildren(tree.parent(e));
        }
        return alike[e];
    }

    /**
     * Counts the looks of {@code parent}'s children, sorted, once for all of them: counting at each
     * question made a parent of n alike children cost n².
     */
    private void countChildren(int parent) {
        int from = first[parent];
        int to = first[parent + 1];
        long[] looks = new long[to - from];
        for (int i = from; i < to; i++) {
            looks[i - from] = tree.look(children[i]);
        }
        Arrays.sort(looks);
        // the length of the run of equal looks each sorted position is in
        int[] run = new int[looks.length];
        for (int start = 0, end; start < looks.length; start = end) {
            end = start + 1;
            while (end < looks.length && looks[end] == looks[start]) {
                end++;
            }
            Arrays.fill(run, start, end, end - start);
        }
        for (int i = from; i < to; i++) {
            alike[children[i]] = run[Arrays.binarySearch(looks, tree.look(children[i]))];
        }
    }
}
