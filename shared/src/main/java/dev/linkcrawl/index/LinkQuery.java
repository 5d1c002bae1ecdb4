package dev.linkcrawl.index;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A search of one owner's links (see {@link LinkIndex#search}).
 *
 * <p>Without {@link #text} the links come newest first ({@code crawledAt} descending); with it,
 * best match first. Filters narrow either order: every tag in {@link #tags} must be on a link
 * (compared case-insensitively), its status must be {@link #status} and its page type {@link #type}
 * when those are present.
 *
 * @param owner whose links to search; every result belongs to this owner
 * @param text words to look for in the title (weighted most), tags, site name, description, URL and
 *     main text; every word must occur. Taken literally: operators such as {@code AND}, {@code
 *     field:value} or {@code *} are words, not syntax; only double quotes, for a phrase, have a
 *     meaning. At most {@value #MAX_TEXT_LENGTH} characters (code points), not blank; only the
 *     first {@value #MAX_WORDS} words are kept (see {@link #firstWords})
 * @param tags tags a link must all carry; at most {@value #MAX_TAGS}, each 1 to {@value
 *     #MAX_TAG_LENGTH} characters
 * @param status the crawl status a link must have, if present
 * @param type the page type a link must have, if present
 * @param size how many links a page holds, 1 to {@value #MAX_SIZE}
 * @param after where the previous page ended; its kind must match the order ({@link
 *     SortKey.Relevance} with text, {@link SortKey.Newest} without)
 * @param needsPage whether only links whose page the crawler could not read ({@code needsPage:
 *     true}) are wanted
 */
public record LinkQuery(
        String owner,
        Optional<String> text,
        List<String> tags,
        Optional<LinkDocument.Status> status,
        Optional<PageType> type,
        int size,
        Optional<SortKey> after,
        boolean needsPage) {

    /** The longest search text: 512 characters. */
    public static final int MAX_TEXT_LENGTH = 512;

    /**
     * The most words of {@link #text} searched: 64. Each word costs one clause per searched field,
     * and OpenSearch refuses a query of more than 1024 clauses (a 512-character text of short words
     * exceeds that); 64 words stay far below whatever fields are added.
     */
    public static final int MAX_WORDS = 64;

    /** The most tags one query can require: 32, as many as a link can carry. */
    public static final int MAX_TAGS = 32;

    /** The longest tag: 64 characters, as at submit. */
    public static final int MAX_TAG_LENGTH = 64;

    /** The default page size: 20. */
    public static final int DEFAULT_SIZE = 20;

    /** The largest page: 100. */
    public static final int MAX_SIZE = 100;

    public LinkQuery {
        Objects.requireNonNull(owner, "owner");
        if (owner.isBlank()) {
            throw new IllegalArgumentException("owner is blank");
        }
        Objects.requireNonNull(text, "text");
        text.ifPresent(
                t -> {
                    if (t.isBlank()) {
                        throw new IllegalArgumentException("a search text is not blank");
                    }
                    if (t.codePointCount(0, t.length()) > MAX_TEXT_LENGTH) {
                        throw new IllegalArgumentException(
                                "a search text is at most " + MAX_TEXT_LENGTH + " characters");
                    }
                });
        text = text.map(t -> firstWords(t, MAX_WORDS));
        tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        if (tags.size() > MAX_TAGS) {
            throw new IllegalArgumentException("at most " + MAX_TAGS + " tags");
        }
        for (String tag : tags) {
            if (tag.isBlank() || tag.length() > MAX_TAG_LENGTH) {
                throw new IllegalArgumentException(
                        "a tag is 1 to " + MAX_TAG_LENGTH + " characters, not blank");
            }
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(type, "type");
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size is from 1 to " + MAX_SIZE);
        }
        Objects.requireNonNull(after, "after");
        boolean relevance = text.isPresent();
        after.ifPresent(
                key -> {
                    if ((key instanceof SortKey.Relevance) != relevance) {
                        throw new IllegalArgumentException(
                                relevance
                                        ? "a search with text continues after a relevance key"
                                        : "a listing continues after a newest-first key");
                    }
                });
    }

    /**
     * {@code text} up to the end of its {@code max}-th word, counting words as generously as any
     * analyzer of the index can split them: a run of letters and digits is a word, but so is each
     * Chinese or Japanese character, and each symbol or emoji; punctuation, marks and spaces
     * separate words.
     */
    static String firstWords(String text, int max) {
        int end = wordStart(text, max + 1);
        return end < 0 ? text : text.substring(0, end).strip();
    }

    /**
     * Whether {@code text} holds at least one word, counted as in {@link #firstWords}. Text without
     * one ({@code *}, {@code "}, {@code ( )}) matches no link.
     */
    static boolean hasWords(String text) {
        return wordStart(text, 1) >= 0;
    }

    /** Where the {@code n}-th word (from 1) of {@code text} starts, or -1 if it has fewer. */
    private static int wordStart(String text, int n) {
        int words = 0;
        boolean inRun = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean startsWord;
            if (Character.isLetterOrDigit(cp)) {
                Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                boolean alone =
                        script == Character.UnicodeScript.HAN
                                || script == Character.UnicodeScript.HIRAGANA
                                || script == Character.UnicodeScript.KATAKANA;
                startsWord = alone || !inRun;
                inRun = !alone;
            } else {
                startsWord = isSymbol(cp);
                inRun = false;
            }
            if (startsWord && ++words == n) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    private static boolean isSymbol(int cp) {
        return switch (Character.getType(cp)) {
            case Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED,
                    Character.SURROGATE ->
                    true;
            default -> false;
        };
    }

    /** The first page ({@value #DEFAULT_SIZE} links) of {@code owner}'s links, newest first. */
    public static LinkQuery newest(String owner) {
        return new LinkQuery(
                owner,
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                DEFAULT_SIZE,
                Optional.empty(),
                false);
    }

    /** This query with {@code text} to match, best match first. */
    public LinkQuery withText(String value) {
        return new LinkQuery(owner, Optional.of(value), tags, status, type, size, after, needsPage);
    }

    /** This query requiring every one of {@code values}. */
    public LinkQuery withTags(List<String> values) {
        return new LinkQuery(owner, text, values, status, type, size, after, needsPage);
    }

    /** This query requiring {@code value}. */
    public LinkQuery withStatus(LinkDocument.Status value) {
        return new LinkQuery(owner, text, tags, Optional.of(value), type, size, after, needsPage);
    }

    /** This query requiring page type {@code value}. */
    public LinkQuery withType(PageType value) {
        return new LinkQuery(owner, text, tags, status, Optional.of(value), size, after, needsPage);
    }

    /** This query with pages of {@code value} links. */
    public LinkQuery withSize(int value) {
        return new LinkQuery(owner, text, tags, status, type, value, after, needsPage);
    }

    /** This query wanting only links that need a page sent. */
    public LinkQuery needingPage() {
        return new LinkQuery(owner, text, tags, status, type, size, after, true);
    }

    /** This query continuing after {@code key}. */
    public LinkQuery after(SortKey key) {
        return new LinkQuery(owner, text, tags, status, type, size, Optional.of(key), needsPage);
    }
}
