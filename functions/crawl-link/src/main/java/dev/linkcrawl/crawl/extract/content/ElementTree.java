package dev.linkcrawl.crawl.extract.content;

import java.util.Arrays;
import org.jsoup.nodes.Element;

/**
 * The elements of a page body as the block walk met them, numbered in document order (the body is
 * 0), each with its parent's number and its look: its tag and class attribute, as a hash. Steps
 * that read the page's structure (which element holds which blocks, which siblings look alike) use
 * these numbers rather than look elements up in maps, and do not read the elements' attributes
 * again.
 *
 * <p>Filled by the walk: {@link #enter} numbers an element under the innermost open one, {@link
 * #open} and {@link #close} bracket the elements whose children the walk goes into.
 */
final class ElementTree {

    private int[] parents = new int[256];
    private long[] looks = new long[256];
    private long[] trimmedLooks = new long[256];
    private boolean[] named = new boolean[256];
    private boolean[] itemprops = new boolean[256];
    private int size;

    /** The numbers of the open elements, innermost last. */
    private int[] open = new int[64];

    private int depth;

    /**
     * Numbers an element with tag {@code tag} and attributes {@code attributes} ({@code
     * hasAttributes} false when it has none at all); returns its number.
     */
    int enter(String tag, boolean hasAttributes, ElementAttributes attributes) {
        if (size == parents.length) {
            parents = Arrays.copyOf(parents, size * 2);
            looks = Arrays.copyOf(looks, size * 2);
            trimmedLooks = Arrays.copyOf(trimmedLooks, size * 2);
            named = Arrays.copyOf(named, size * 2);
            itemprops = Arrays.copyOf(itemprops, size * 2);
        }
        String className = attributes.className();
        named[size] = attributes.named();
        itemprops[size] = attributes.itemprop();
        parents[size] = depth == 0 ? -1 : open[depth - 1];
        looks[size] = look(tag, hasAttributes, className);
        // most class attributes have no space at either end, and strip() returns them as they are
        trimmedLooks[size] =
                hasAttributes
                                && !className.isEmpty()
                                && (className.charAt(0) <= ' '
                                        || className.charAt(className.length() - 1) <= ' '
                                        || Character.isWhitespace(className.charAt(0))
                                        || Character.isWhitespace(
                                                className.charAt(className.length() - 1)))
                        ? look(tag, true, className.strip())
                        : looks[size];
        return size++;
    }

    /** The element numbered {@code number} holds the elements entered until {@link #close}. */
    void open(int number) {
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
        }
        open[depth++] = number;
    }

    /** Closes the innermost open element. */
    void close() {
        depth--;
    }

    /** Number of elements. */
    int size() {
        return size;
    }

    /** The number of element {@code number}'s parent, -1 for the body. */
    int parent(int number) {
        return parents[number];
    }

    /** The look of element {@code number}. */
    long look(int number) {
        return looks[number];
    }

    /** Whether element {@code number} has a class or an id attribute. */
    boolean named(int number) {
        return named[number];
    }

    /** Whether element {@code number} has a non-empty {@code itemprop}. */
    boolean itemprop(int number) {
        return itemprops[number];
    }

    /** The look of element {@code number} with its class attribute stripped of outer space. */
    long trimmedLook(int number) {
        return trimmedLooks[number];
    }

    /**
     * An element's look from its tag and class attribute ({@code ""} when it has none), as a hash:
     * looks are only compared with each other, and a string's hash is computed once and kept.
     */
    static long look(String tag, boolean hasAttributes, String className) {
        long h = tag.hashCode();
        return hasAttributes ? h * 0x9E3779B97F4A7C15L + className.hashCode() : h;
    }

    /** {@link #look(String, boolean, String)} of an element. */
    static long look(Element e) {
        boolean attributes = e.attributesSize() > 0;
        return look(e.normalName(), attributes, attributes ? e.attributes().get("class") : "");
    }
}
