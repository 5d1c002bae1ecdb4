package dev.linkcrawl.crawl.extract.content;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A word list from a resource beside this class: lines {@code WORD<TAB>KIND} ('#' starts a
 * comment), each kind one bit of a mask, in the order kinds first appear. At most 64 kinds.
 */
final class WordKinds {

    private final List<String> kinds;
    private final Map<String, Long> words;

    /**
     * The words again as an open-addressing table, so a word inside a longer string is looked up
     * without cutting it out: slot keys, their masks, and the table size less one.
     */
    private final String[] slots;

    private final long[] slotKinds;
    private final int slotMask;

    private WordKinds(List<String> kinds, Map<String, Long> words) {
        this.kinds = List.copyOf(kinds);
        this.words = Map.copyOf(words);
        int size = Integer.highestOneBit(Math.max(4, words.size() * 4));
        this.slots = new String[size];
        this.slotKinds = new long[size];
        this.slotMask = size - 1;
        for (Map.Entry<String, Long> e : words.entrySet()) {
            String w = e.getKey();
            int slot = spread(hash(w, 0, w.length())) & slotMask;
            while (slots[slot] != null) {
                slot = (slot + 1) & slotMask;
            }
            slots[slot] = w;
            slotKinds[slot] = e.getValue();
        }
    }

    /** Reads a resource of this package. */
    static WordKinds load(String resource) {
        List<String> kinds = new ArrayList<>();
        Map<String, Long> words = new HashMap<>();
        InputStream in = WordKinds.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("no resource " + resource);
        }
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split("\t");
                if (p.length != 2) {
                    throw new IllegalStateException(resource + ": not WORD<TAB>KIND: " + line);
                }
                int bit = kinds.indexOf(p[1]);
                if (bit < 0) {
                    kinds.add(p[1]);
                    bit = kinds.size() - 1;
                }
                words.merge(p[0], 1L << bit, (a, b) -> a | b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        if (kinds.size() > 64) {
            throw new IllegalStateException(resource + ": at most 64 kinds");
        }
        return new WordKinds(kinds, words);
    }

    /** The kinds, bit {@code i} being kind {@code i}. */
    List<String> kinds() {
        return kinds;
    }

    /** The kinds of a lower-case word, 0 when it is not listed. */
    long of(String word) {
        Long m = words.get(word);
        return m == null ? 0 : m;
    }

    /**
     * The kinds of the word {@code text[from, to)} lower-cased, 0 when it is not listed; only words
     * of ASCII letters and digits are found this way, the others are cut out and looked up.
     */
    long of(String text, int from, int to) {
        int h = hash(text, from, to);
        if (h == -1) {
            return of(text.substring(from, to).toLowerCase(java.util.Locale.ROOT));
        }
        int slot = spread(h) & slotMask;
        String key;
        while ((key = slots[slot]) != null) {
            if (sameLower(key, text, from, to)) {
                return slotKinds[slot];
            }
            slot = (slot + 1) & slotMask;
        }
        return 0;
    }

    /** The hash of the lower-cased ASCII word, as String's; -1 when it has other characters. */
    private static int hash(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            } else if (c >= 0x80) {
                return -1;
            }
            h = 31 * h + c;
        }
        return h == -1 ? 0 : h;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    private static boolean sameLower(String key, String s, int from, int to) {
        if (key.length() != to - from) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = s.charAt(from + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if (key.charAt(i) != c) {
                return false;
            }
        }
        return true;
    }

    /** The kinds of the words of {@code text}, split at anything but letters and digits. */
    long ofWords(String text) {
        long mask = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                mask |= of(text, start, i);
            }
        }
        return mask;
    }
}
