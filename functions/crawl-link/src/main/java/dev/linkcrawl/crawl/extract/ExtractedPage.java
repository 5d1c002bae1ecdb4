package dev.linkcrawl.crawl.extract;

import dev.linkcrawl.index.PageType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a person would want to find a page again by, read from its HTML.
 *
 * <p>Optional fields are {@code null} when the page does not state them; lists are never null. URLs
 * are absolute. When {@link #challenge()} is not {@link Challenge#NONE} the HTML was an
 * interstitial (bot check, consent wall): the title and text then describe nothing worth indexing
 * and are left empty.
 *
 * @param url the URL the page was read from (the base for relative links)
 * @param title the page title, site-name suffix trimmed
 * @param description a summary: the page's own description, else the start of its main text
 * @param author the author or authors, comma separated
 * @param publishedAt first publication
 * @param publishedDate the day of first publication as the page writes it, in its own time zone (a
 *     page of the evening of 12 March in New York was published on 12 March, not on the 13th of
 *     {@code publishedAt} in UTC)
 * @param modifiedAt last modification
 * @param siteName the publication or site name
 * @param lang ISO 639-1 code, from markup or guessed from the text
 * @param image the representative image
 * @param favicon the best icon link, else {@code /favicon.ico} on the page's origin
 * @param canonicalUrl the canonical URL, only when on the same site as {@code url}
 * @param keywords keywords and tags, in page order, without duplicates
 * @param feeds RSS and Atom feeds the page announces
 * @param text the main text, paragraphs separated by a blank line
 * @param wordCount number of words in {@code text}
 * @param challenge the interstitial recognised, or {@link Challenge#NONE}
 * @param pageType what kind of page this is
 * @param extractionConfidence how complete the main text is judged to be, 0 to 1
 */
public record ExtractedPage(
        String url,
        String title,
        String description,
        String author,
        Instant publishedAt,
        LocalDate publishedDate,
        Instant modifiedAt,
        String siteName,
        String lang,
        String image,
        String favicon,
        String canonicalUrl,
        List<String> keywords,
        List<String> feeds,
        String text,
        int wordCount,
        Challenge challenge,
        PageType pageType,
        double extractionConfidence) {

    public ExtractedPage {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(pageType, "pageType");
        if (!(extractionConfidence >= 0 && extractionConfidence <= 1)) {
            throw new IllegalArgumentException(
                    "extractionConfidence must be within 0..1: " + extractionConfidence);
        }
        keywords = List.copyOf(keywords);
        feeds = List.copyOf(feeds);
        if (wordCount < 0) {
            throw new IllegalArgumentException("wordCount must be >= 0: " + wordCount);
        }
    }
}
