package dev.linkcrawl.crawl.extract.content;

import java.util.List;

/**
 * What the words of class and id names say an element holds ("nav", "comment", "share",
 * "product"…), from {@code name-words.tsv}: each kind is one bit of a mask.
 */
final class NameWords {

    private static final WordKinds WORDS = WordKinds.load("name-words.tsv");

    /** Kinds in file order; bit {@code i} of a mask is kind {@code i}. */
    static final List<String> KINDS = WORDS.kinds();

    private NameWords() {}

    /** The bit of a kind. */
    static long bit(String kind) {
        int i = KINDS.indexOf(kind);
        if (i < 0) {
            throw new IllegalArgumentException("no kind " + kind);
        }
        return 1L << i;
    }

    /**
     * Words that make a class token a state rather than a name ({@code has-comments}, {@code
     * no-sidebar}, {@code is-hidden}): such a token says what an element has or how it shows, not
     * what it holds, and is skipped.
     */
    private static final java.util.Set<String> STATES =
            java.util.Set.of(
                    "has", "no", "not", "without", "with", "is", "show", "enable", "disable");

    /**
     * The kinds named by a class or id value: each whitespace-separated token not starting with a
     * state word is split at anything but letters, and before an upper-case letter that follows a
     * lower-case one ("mainContent"), and each part looked up.
     */
    static long kinds(String names) {
        long mask = 0;
        int n = names.length();
        int at = 0;
        while (at < n) {
            while (at < n && Character.isWhitespace(names.charAt(at))) {
                at++;
            }
            int end = at;
            while (end < n && !Character.isWhitespace(names.charAt(end))) {
                end++;
            }
            if (end > at) {
                mask |= tokenKinds(names, at, end);
            }
            at = end;
        }
        return mask;
    }

    private static long tokenKinds(String names, int from, int to) {
        long mask = 0;
        int n = to;
        int i = from;
        boolean firstPart = true;
        while (i < n) {
            while (i < n && !Character.isLetter(names.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            i++;
            while (i < n
                    && Character.isLetter(names.charAt(i))
                    && !(Character.isUpperCase(names.charAt(i))
                            && Character.isLowerCase(names.charAt(i - 1)))) {
                i++;
            }
            if (firstPart && isState(names, start, i)) {
                return 0;
            }
            firstPart = false;
            mask |= WORDS.of(names, start, i);
        }
        return mask;
    }

    private static boolean isState(String names, int from, int to) {
        for (String state : STATES) {
            if (state.length() == to - from
                    && names.regionMatches(true, from, state, 0, to - from)) {
                return true;
            }
        }
        return false;
    }
}
