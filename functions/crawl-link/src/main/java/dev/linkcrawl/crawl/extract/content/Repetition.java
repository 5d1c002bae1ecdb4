package dev.linkcrawl.crawl.extract.content;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * How often an element's look (its tag and classes) repeats among its siblings: cards in a grid,
 * posts in a thread, rows of a list. Counted once per parent, when first asked.
 */
final class Repetition {

    /** Levels above a block's owner that are looked at: the owner and three ancestors. */
    static final int LEVELS = 4;

    private final Element body;

    /** For each parent asked about, how many of its children have each look. */
    private final Map<Element, Looks> childLooks = new IdentityHashMap<>();

    /** For each element asked about, how many of its siblings (itself counted) look like it. */
    private final Map<Element, Integer> alike = new IdentityHashMap<>();

    /** Distinct looks, sorted, and how many children have each: one search per question. */
    private record Looks(long[] distinct, int[] counts) {

        int of(long look) {
            int at = java.util.Arrays.binarySearch(distinct, look);
            return at < 0 ? 0 : counts[at];
        }
    }

    Repetition(Element body) {
        this.body = body;
    }

    /** {@link #around} for the owner of each block, in block order. */
    static int[] ofBlocks(Blocks.Page page) {
        Repetition r = new Repetition(page.body());
        int[] out = new int[page.blocks().size()];
        Element previous = null;
        for (int i = 0; i < out.length; i++) {
            Element owner = page.blocks().get(i).owner();
            // consecutive blocks of one owner (text around a child block) have one answer
            out[i] = owner == previous ? out[i - 1] : r.around(owner);
            previous = owner;
        }
        return out;
    }

    /**
     * The most siblings alike found for the owner or one of its three nearest ancestors (the
     * element itself counted).
     */
    int around(Element owner) {
        int most = 0;
        Element e = owner;
        for (int level = 0; level < LEVELS && e != body && e.parent() != null; level++) {
            most = Math.max(most, alike(e));
            e = e.parent();
        }
        return most;
    }

    /** How many of its parent's children look like {@code e}, asked once per element. */
    private int alike(Element e) {
        Integer known = alike.get(e);
        if (known == null) {
            known = childLooks.computeIfAbsent(e.parent(), Repetition::looks).of(look(e));
            alike.put(e, known);
        }
        return known;
    }

    private static Looks looks(Element parent) {
        long[] looks = new long[8];
        int n = 0;
        // walking siblings directly: Jsoup builds a list of child elements for child(i)
        for (Element c = parent.firstElementChild(); c != null; c = c.nextElementSibling()) {
            if (n == looks.length) {
                looks = java.util.Arrays.copyOf(looks, n * 2);
            }
            looks[n++] = look(c);
        }
        java.util.Arrays.sort(looks, 0, n);
        // counted here once: counting at each question made a parent of n alike children cost n²
        long[] distinct = new long[n];
        int[] counts = new int[n];
        int d = 0;
        for (int i = 0; i < n; i++) {
            if (d > 0 && distinct[d - 1] == looks[i]) {
                counts[d - 1]++;
            } else {
                distinct[d] = looks[i];
                counts[d++] = 1;
            }
        }
        return new Looks(java.util.Arrays.copyOf(distinct, d), java.util.Arrays.copyOf(counts, d));
    }

    /**
     * An element's look, its tag and class attribute, as a hash: looks are only compared with each
     * other, and a string's hash is computed once and kept.
     */
    private static long look(Element e) {
        long h = e.normalName().hashCode();
        if (e.attributesSize() == 0) {
            return h;
        }
        return h * 0x9E3779B97F4A7C15L + e.attributes().get("class").hashCode();
    }
}
