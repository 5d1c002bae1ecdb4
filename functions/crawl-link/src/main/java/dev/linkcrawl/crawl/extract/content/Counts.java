package dev.linkcrawl.crawl.extract.content;

/**
 * How counts (characters, blocks, elements) enter feature rows: as {@code log(1 + n)}, so that a
 * page ten times longer moves a feature by a step rather than tenfold. Small counts, by far the
 * most common, come from a table.
 */
final class Counts {

    private static final float[] SMALL = new float[4096];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = (float) Math.log1p(i);
        }
    }

    private Counts() {}

    /** {@code log(1 + n)}, 0 for negative {@code n}. */
    static float log(int n) {
        if (n < SMALL.length) {
            return n <= 0 ? 0 : SMALL[n];
        }
        return (float) Math.log1p(n);
    }
}
