package dev.linkcrawl.backfill.format;

import java.util.Map;

/**
 * Decodes HTML character references ({@code &amp;}, {@code &#39;}, {@code &#x2F;}) in attribute
 * values and text. Exports use a handful of named ones; an unknown name is left as written, and a
 * number that is not a character becomes U+FFFD.
 */
final class CharacterReferences {

    private static final Map<String, String> NAMED =
            Map.of(
                    "amp", "&",
                    "lt", "<",
                    "gt", ">",
                    "quot", "\"",
                    "apos", "'",
                    "nbsp", "\u00a0");

    /** Longest reference looked at, {@code &#x10FFFF;} included. */
    private static final int MAX_REFERENCE_CHARS = 10;

    private CharacterReferences() {}

    static String decode(CharSequence text) {
        int amp = indexOf(text, '&', 0);
        if (amp < 0) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (amp >= 0) {
            out.append(text, from, amp);
            int semicolon = indexOf(text, ';', amp + 1);
            if (semicolon < 0 || semicolon - amp > MAX_REFERENCE_CHARS) {
                out.append('&');
                from = amp + 1;
            } else {
                String replacement = resolve(text.subSequence(amp + 1, semicolon).toString());
                if (replacement == null) {
                    out.append('&');
                    from = amp + 1;
                } else {
                    out.append(replacement);
                    from = semicolon + 1;
                }
            }
            amp = indexOf(text, '&', from);
        }
        out.append(text, from, text.length());
        return out.toString();
    }

    private static String resolve(String name) {
        if (name.startsWith("#")) {
            try {
                int codePoint =
                        name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                                ? Integer.parseInt(name.substring(2), 16)
                                : Integer.parseInt(name.substring(1));
                if (codePoint <= 0
                        || codePoint > Character.MAX_CODE_POINT
                        || (codePoint >= Character.MIN_SURROGATE
                                && codePoint <= Character.MAX_SURROGATE)) {
                    return "\ufffd";
                }
                return Character.toString(codePoint);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return NAMED.get(name);
    }

    private static int indexOf(CharSequence text, char c, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
