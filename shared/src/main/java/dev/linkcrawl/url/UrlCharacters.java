package dev.linkcrawl.url;

/**
 * The characters no URL may hold anywhere, fragment included: controls (C0, DEL, C1), every Unicode
 * space and line separator, the backslash (browsers read it as a slash, so {@code
 * http://a.com\@b.com} means different hosts to different parsers), format characters (zero-width
 * spaces and joiners, bidi controls, soft hyphen, BOM, tags), the other default-ignorable code
 * points (variation selectors, Hangul fillers, combining grapheme joiner), the braille blank,
 * noncharacters and unpaired surrogates. All of them are invisible or ambiguous when a person reads
 * the link.
 */
final class UrlCharacters {

    private UrlCharacters() {}

    /** Refuses {@code raw} if any of its code points is forbidden. */
    static void requireAllowed(String raw) throws UrlRefusal {
        for (int i = 0; i < raw.length(); ) {
            int codePoint = raw.codePointAt(i);
            if (isForbidden(codePoint)) {
                throw new UrlRefusal(UrlProblem.INVALID_CHARACTER);
            }
            i += Character.charCount(codePoint);
        }
    }

    static boolean isForbidden(int c) {
        if (c < 0x80) {
            return c <= 0x20 || c == 0x7f || c == '\\';
        }
        if (c <= 0x9f
                || Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || isDefaultIgnorable(c)
                || c == 0x2800 // BRAILLE PATTERN BLANK: renders as nothing
                || isNoncharacter(c)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.FORMAT, Character.CONTROL, Character.SURROGATE -> true;
            default -> false;
        };
    }

    /**
     * Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt) outside the format
     * category, which {@link Character#FORMAT} already covers: code points that are invisible by
     * definition.
     */
    private static boolean isDefaultIgnorable(int c) {
        return c == 0x034f // COMBINING GRAPHEME JOINER
                || c == 0x115f
                || c == 0x1160 // HANGUL CHOSEONG/JUNGSEONG FILLER
                || c == 0x17b4
                || c == 0x17b5 // KHMER VOWEL INHERENT AQ/AA
                || (c >= 0x180b && c <= 0x180f) // MONGOLIAN FREE VARIATION SELECTORS, VOWEL SEP.
                || (c >= 0x2060 && c <= 0x206f) // WORD JOINER … NOMINAL DIGIT SHAPES
                || c == 0x3164 // HANGUL FILLER
                || (c >= 0xfe00 && c <= 0xfe0f) // VARIATION SELECTORS
                || c == 0xffa0 // HALFWIDTH HANGUL FILLER
                || (c >= 0xfff0 && c <= 0xfff8)
                || (c >= 0x1bca0 && c <= 0x1bca3) // SHORTHAND FORMAT CONTROLS
                || (c >= 0x1d173 && c <= 0x1d17a) // MUSICAL SYMBOL BEGIN/END …
                || (c >= 0xe0000 && c <= 0xe0fff); // TAGS, VARIATION SELECTORS SUPPLEMENT
    }

    private static boolean isNoncharacter(int c) {
        return (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
    }
}
