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
    private static final List<String> STATES =
            List.of("has", "no", "not", "without", "with", "is", "show", "enable", "disable");

    /** {@link #STATES} by their length, looked up once per token. */
    private static final String[][] STATES_BY_LENGTH = byLength(STATES);

    private static String[][] byLength(List<String> words) {
        int longest = 0;
        for (String w : words) {
            longest = Math.max(longest, w.length());
        }
        String[][] out = new String[longest + 1][];
        for (int n = 0; n <= longest; n++) {
            final int length = n;
            out[n] = words.stream().filter(w -> w.length() == length).toArray(String[]::new);
        }
        return out;
    }

    /**
     * For each ASCII character: {@link #LETTER}, {@link #UPPER}, {@link #LOWER}, {@link #SPACE}.
     */
    private static final byte[] ASCII = new byte[128];

    private static final int LETTER = 1;
    private static final int UPPER = 2;
    private static final int LOWER = 4;
    private static final int SPACE = 8;

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] =
                    (byte)
                            ((Character.isLetter(c) ? LETTER : 0)
                                    | (Character.isUpperCase(c) ? UPPER : 0)
                                    | (Character.isLowerCase(c) ? LOWER : 0)
                                    | (Character.isWhitespace(c) ? SPACE : 0));
        }
    }

    /** {@link #LETTER}, {@link #UPPER}, {@link #LOWER} and {@link #SPACE} of a character. */
    private static int classOf(char c) {
        if (c < 128) {
            return ASCII[c];
        }
        return (Character.isLetter(c) ? LETTER : 0)
                | (Character.isUpperCase(c) ? UPPER : 0)
                | (Character.isLowerCase(c) ? LOWER : 0)
                | (Character.isWhitespace(c) ? SPACE : 0);
    }

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
            while (at < n && (classOf(names.charAt(at)) & SPACE) != 0) {
                at++;
            }
            int end = at;
            while (end < n && (classOf(names.charAt(end)) & SPACE) == 0) {
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
        int i = from;
        boolean firstPart = true;
        while (i < to) {
            while (i < to && (classOf(names.charAt(i)) & LETTER) == 0) {
                i++;
            }
            if (i >= to) {
                break;
            }
            int start = i;
            int previous = classOf(names.charAt(i));
            i++;
            while (i < to) {
                int c = classOf(names.charAt(i));
                if ((c & LETTER) == 0 || ((c & UPPER) != 0 && (previous & LOWER) != 0)) {
                    break;
                }
                previous = c;
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
        int length = to - from;
        if (length >= STATES_BY_LENGTH.length) {
            return false;
        }
        for (String state : STATES_BY_LENGTH[length]) {
            if (sameIgnoringCase(names, from, state)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code names} holds the lower-case {@code word} at {@code from}, ignoring case as
     * {@link String#regionMatches(boolean, int, String, int, int)} does, which is left the
     * characters beyond ASCII (a dotless ı matches i there).
     */
    private static boolean sameIgnoringCase(String names, int from, String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = names.charAt(from + i);
            if (c >= 128) {
                return names.regionMatches(true, from, word, 0, word.length());
            }
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
