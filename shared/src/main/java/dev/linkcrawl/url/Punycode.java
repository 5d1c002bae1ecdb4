package dev.linkcrawl.url;

import java.util.Optional;

/**
 * RFC 3492 Punycode with the IDNA parameters (base 36, tmin 1, tmax 26, skew 38, damp 700, initial
 * bias 72, initial n 128), to tell whether an ASCII {@code xn--} label is one an IDNA encoder could
 * have written. The JDK's {@link java.net.IDN#toUnicode} cannot say: it returns a label it fails to
 * decode unchanged.
 */
final class Punycode {

    private static final int BASE = 36;
    private static final int TMIN = 1;
    private static final int TMAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;
    private static final int INITIAL_BIAS = 72;
    private static final int INITIAL_N = 128;

    private Punycode() {}

    /**
     * Whether {@code label} (lowercase) is an ACE label whose Punycode part decodes to a name an
     * IDNA encoder writes: the decoding succeeds, holds at least one non-ASCII code point (an
     * encoder never encodes a plain ASCII label), no character the URL rules forbid and no U+FFFD,
     * and encoding it again gives the same text (so each name has one spelling).
     */
    static boolean isValidAceLabel(String label) {
        if (!label.startsWith("xn--")) {
            return true;
        }
        String encoded = label.substring(4);
        Optional<String> decoded = decode(encoded);
        if (decoded.isEmpty() || decoded.get().chars().allMatch(c -> c < 0x80)) {
            return false;
        }
        boolean usable =
                decoded.get()
                        .codePoints()
                        .noneMatch(c -> c == 0xfffd || UrlCharacters.isForbidden(c));
        return usable && encode(decoded.get()).equals(encoded);
    }

    /**
     * The code points {@code input} encodes, or empty when it is not Punycode (a basic code point
     * that is not ASCII, a digit that is not one, a number that overflows, a code point past
     * U+10FFFF or a surrogate). Digits are read case-insensitively.
     */
    static Optional<String> decode(String input) {
        int delimiter = input.lastIndexOf('-');
        StringBuilder output = new StringBuilder();
        for (int j = 0; j < Math.max(delimiter, 0); j++) {
            char c = input.charAt(j);
            if (c >= 0x80) {
                return Optional.empty();
            }
            output.appendCodePoint(c);
        }
        int[] codePoints = output.codePoints().toArray();
        int length = codePoints.length;
        int[] out = new int[input.length()];
        System.arraycopy(codePoints, 0, out, 0, length);
        long n = INITIAL_N;
        long i = 0;
        int bias = INITIAL_BIAS;
        for (int in = delimiter > 0 ? delimiter + 1 : 0; in < input.length(); ) {
            long oldI = i;
            long w = 1;
            for (int k = BASE; ; k += BASE) {
                if (in >= input.length()) {
                    return Optional.empty();
                }
                int digit = digit(input.charAt(in++));
                if (digit < 0) {
                    return Optional.empty();
                }
                i += digit * w;
                if (i > Integer.MAX_VALUE) {
                    return Optional.empty();
                }
                int t = threshold(k, bias);
                if (digit < t) {
                    break;
                }
                w *= BASE - t;
                if (w > Integer.MAX_VALUE) {
                    return Optional.empty();
                }
            }
            bias = adapt(i - oldI, length + 1, oldI == 0);
            n += i / (length + 1);
            i %= length + 1;
            if (n > Character.MAX_CODE_POINT || (n >= 0xd800 && n <= 0xdfff)) {
                return Optional.empty();
            }
            System.arraycopy(out, (int) i, out, (int) i + 1, length - (int) i);
            out[(int) i] = (int) n;
            length++;
            i++;
        }
        return Optional.of(new String(out, 0, length));
    }

    /** The Punycode of {@code input}, lowercase, without the {@code xn--} prefix. */
    static String encode(String input) {
        int[] codePoints = input.codePoints().toArray();
        StringBuilder output = new StringBuilder();
        for (int c : codePoints) {
            if (c < 0x80) {
                output.append((char) c);
            }
        }
        int basic = output.length();
        int handled = basic;
        if (basic > 0) {
            output.append('-');
        }
        long n = INITIAL_N;
        long delta = 0;
        int bias = INITIAL_BIAS;
        while (handled < codePoints.length) {
            long m = Long.MAX_VALUE;
            for (int c : codePoints) {
                if (c >= n && c < m) {
                    m = c;
                }
            }
            delta += (m - n) * (handled + 1);
            n = m;
            for (int c : codePoints) {
                if (c < n) {
                    delta++;
                }
                if (c == n) {
                    long q = delta;
                    for (int k = BASE; ; k += BASE) {
                        int t = threshold(k, bias);
                        if (q < t) {
                            break;
                        }
                        output.append(digitChar((int) (t + (q - t) % (BASE - t))));
                        q = (q - t) / (BASE - t);
                    }
                    output.append(digitChar((int) q));
                    bias = adapt(delta, handled + 1, handled == basic);
                    delta = 0;
                    handled++;
                }
            }
            delta++;
            n++;
        }
        return output.toString();
    }

    private static int threshold(int k, int bias) {
        return k <= bias ? TMIN : Math.min(k - bias, TMAX);
    }

    private static int adapt(long delta, int points, boolean first) {
        delta = first ? delta / DAMP : delta / 2;
        delta += delta / points;
        int k = 0;
        while (delta > ((BASE - TMIN) * TMAX) / 2) {
            delta /= BASE - TMIN;
            k += BASE;
        }
        return (int) (k + (BASE - TMIN + 1) * delta / (delta + SKEW));
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0' + 26;
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        return -1;
    }

    private static char digitChar(int d) {
        return (char) (d < 26 ? 'a' + d : '0' + d - 26);
    }
}
