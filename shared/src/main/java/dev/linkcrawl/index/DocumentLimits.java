package dev.linkcrawl.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The caps every field of a {@link LinkDocument} is held to before it is indexed, so that no page,
 * however hostile, can make OpenSearch refuse a write or a read pass Lambda's response limit.
 *
 * <p>Caps count <b>UTF-8 bytes</b>, not Java characters: bytes are what OpenSearch's 32,766-byte
 * term limit counts and what a Lambda response's 6 MB limit counts, and one character is 1 to 4
 * bytes. A cut ends on a code point boundary, never inside a surrogate pair.
 *
 * <ul>
 *   <li>Prose a page fills ({@code title}, {@code description}, {@code siteName}, {@code author})
 *       and a failure's {@code detail}: {@value #FIELD_BYTES} bytes, cut.
 *   <li>URLs ({@code finalUrl}, {@code canonicalUrl}, {@code image}, {@code favicon}, each feed,
 *       each redirect hop): {@value #URL_BYTES} bytes, the URL rules' own length. A longer one is
 *       dropped, not cut: a cut URL names another resource.
 *   <li>Short values ({@code lang}, {@code contentType}): {@value #SHORT_BYTES} bytes, cut.
 *   <li>Lists: at most {@value #MAX_KEYWORDS} keywords of {@value #KEYWORD_BYTES} bytes each (cut),
 *       {@value #MAX_FEEDS} feeds, {@value #MAX_REDIRECTS} redirect hops; the first ones are kept.
 *   <li>Main text: {@value #TEXT_BYTES} bytes (1 MiB), cut, with {@code textTruncated: true}.
 * </ul>
 *
 * <p>What the user gave ({@code url}, {@code tags}, {@code note}) is held to the API's own rules
 * and left alone, as are the values the code sets.
 */
public final class DocumentLimits {

    /** Title, description, site name, author, failure detail: 2 KiB. */
    public static final int FIELD_BYTES = 2 * 1024;

    /** A URL the page names or the fetch followed: 2 KiB, as long as the URL rules allow. */
    public static final int URL_BYTES = 2 * 1024;

    /** A language tag or a media type: 256 bytes. */
    public static final int SHORT_BYTES = 256;

    /** Keywords kept: 64. */
    public static final int MAX_KEYWORDS = 64;

    /** One keyword: 256 bytes. */
    public static final int KEYWORD_BYTES = 256;

    /** Feeds kept: 16. */
    public static final int MAX_FEEDS = 16;

    /** Redirect hops kept: 32, more than the most {@code MAX_REDIRECTS} allows (20). */
    public static final int MAX_REDIRECTS = 32;

    /** The main text: 1 MiB. */
    public static final int TEXT_BYTES = 1024 * 1024;

    private DocumentLimits() {}

    /**
     * {@code document} with every field within its cap; the same document when nothing was over.
     * Sets {@code textTruncated} to {@code true} when the text was cut (and keeps its value
     * otherwise).
     */
    public static LinkDocument cap(LinkDocument document) {
        Objects.requireNonNull(document, "document");
        String text = cut(document.text(), TEXT_BYTES);
        LinkDocument.Failure failure = document.failure();
        LinkDocument capped =
                document.toBuilder()
                        .finalUrl(url(document.finalUrl()))
                        .redirects(redirects(document.redirects()))
                        .failure(
                                failure == null
                                        ? null
                                        : new LinkDocument.Failure(
                                                failure.code(),
                                                cut(failure.detail(), FIELD_BYTES),
                                                failure.retryable()))
                        .contentType(cut(document.contentType(), SHORT_BYTES))
                        .title(cut(document.title(), FIELD_BYTES))
                        .description(cut(document.description(), FIELD_BYTES))
                        .text(text)
                        .siteName(cut(document.siteName(), FIELD_BYTES))
                        .author(cut(document.author(), FIELD_BYTES))
                        .lang(cut(document.lang(), SHORT_BYTES))
                        .image(url(document.image()))
                        .favicon(url(document.favicon()))
                        .canonicalUrl(url(document.canonicalUrl()))
                        .keywords(keywords(document.keywords()))
                        .feeds(urls(document.feeds(), MAX_FEEDS))
                        .textTruncated(
                                text == null || text.equals(document.text())
                                        ? document.textTruncated()
                                        : Boolean.TRUE)
                        .build();
        return capped.equals(document) ? document : capped;
    }

    /**
     * The longest prefix of {@code value} whose UTF-8 encoding is at most {@code maxBytes} bytes,
     * ending on a code point boundary; {@code value} itself when it fits, {@code null} for {@code
     * null}.
     */
    public static String cut(String value, int maxBytes) {
        if (value == null || value.length() <= maxBytes / 3) {
            // Every UTF-16 unit is at most 3 UTF-8 bytes (a pair is 4 bytes for 2 units).
            return value;
        }
        int bytes = 0;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            bytes += utf8Length(codePoint);
            if (bytes > maxBytes) {
                return value.substring(0, i);
            }
            i += Character.charCount(codePoint);
        }
        return value;
    }

    /** How many bytes UTF-8 spends on {@code codePoint} (an unpaired surrogate as 3). */
    static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

    private static String url(String value) {
        return value == null || cut(value, URL_BYTES).equals(value) ? value : null;
    }

    private static List<String> urls(List<String> values, int max) {
        List<String> kept = new ArrayList<>();
        for (String value : values) {
            if (kept.size() == max) {
                break;
            }
            if (url(value) != null) {
                kept.add(value);
            }
        }
        return kept;
    }

    private static List<String> keywords(List<String> values) {
        List<String> kept = new ArrayList<>();
        for (String value : values.subList(0, Math.min(values.size(), MAX_KEYWORDS))) {
            String keyword = cut(value, KEYWORD_BYTES);
            if (!keyword.isBlank()) {
                kept.add(keyword);
            }
        }
        return kept;
    }

    private static List<LinkDocument.Redirect> redirects(List<LinkDocument.Redirect> hops) {
        return hops.stream().filter(hop -> url(hop.url()) != null).limit(MAX_REDIRECTS).toList();
    }
}
