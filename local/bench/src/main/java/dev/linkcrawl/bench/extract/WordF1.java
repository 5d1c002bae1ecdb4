package dev.linkcrawl.bench.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * WCXB's scoring, as its {@code evaluate.py} computes it: the text is lower-cased and split into
 * words ({@code re.findall(r'\w+', text.lower())}: Python's Unicode {@code \w} is a letter, a
 * number of any kind or '_'), and the prediction is compared with the reference as bags of words.
 */
public final class WordF1 {

    /** Precision, recall and F1 of one page. */
    public record Score(double precision, double recall, double f1) {}

    private WordF1() {}

    /**
     * The word-level score of {@code predicted} against {@code reference}: an empty reference
     * scores 1 only against an empty prediction, an empty prediction scores 0.
     */
    public static Score score(String predicted, String reference) {
        Map<String, int[]> ref = counts(reference);
        Map<String, int[]> pred = counts(predicted);
        int refTotal = total(ref);
        int predTotal = total(pred);
        if (refTotal == 0) {
            return predTotal == 0 ? new Score(1, 1, 1) : new Score(0, 0, 0);
        }
        if (predTotal == 0) {
            return new Score(0, 0, 0);
        }
        long overlap = 0;
        for (Map.Entry<String, int[]> e : pred.entrySet()) {
            int[] r = ref.get(e.getKey());
            if (r != null) {
                overlap += Math.min(r[0], e.getValue()[0]);
            }
        }
        double p = (double) overlap / predTotal;
        double r = (double) overlap / refTotal;
        return new Score(p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }

    /** The share of {@code snippets} found in {@code text}, case-insensitively; 1 when none. */
    public static double snippetRate(String text, List<String> snippets) {
        if (snippets.isEmpty()) {
            return 1;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int found = 0;
        for (String s : snippets) {
            if (lower.contains(s.toLowerCase(Locale.ROOT))) {
                found++;
            }
        }
        return (double) found / snippets.size();
    }

    /** The words of {@code text} as evaluate.py's {@code tokenize} finds them, in order. */
    public static List<String> tokens(String text) {
        List<String> out = new java.util.ArrayList<>();
        forEachToken(text, out::add);
        return out;
    }

    private static Map<String, int[]> counts(String text) {
        Map<String, int[]> out = new HashMap<>();
        forEachToken(text, t -> out.computeIfAbsent(t, k -> new int[1])[0]++);
        return out;
    }

    private static int total(Map<String, int[]> counts) {
        int n = 0;
        for (int[] c : counts.values()) {
            n += c[0];
        }
        return n;
    }

    private static void forEachToken(String text, java.util.function.Consumer<String> sink) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String s = text.toLowerCase(Locale.ROOT);
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && !isWord(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            int start = i;
            while (i < n && isWord(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            if (i > start) {
                sink.accept(s.substring(start, i));
            }
        }
    }

    /** Python's {@code \w} on str patterns: general category L* or N*, or the underscore. */
    static boolean isWord(int cp) {
        if (cp == '_') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER ->
                    true;
            default -> false;
        };
    }
}
