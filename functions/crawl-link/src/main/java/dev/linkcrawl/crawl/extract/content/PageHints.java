package dev.linkcrawl.crawl.extract.content;

import java.util.Objects;
import java.util.Set;

/**
 * What the page says about itself outside its body text, as content selection uses it.
 *
 * @param url the page's address (a {@code file:} URI when read from disk)
 * @param title the page's title as found (may be null)
 * @param schemaTypes schema.org types declared by JSON-LD and microdata, lower-case
 * @param ogType the {@code og:type}, lower-case, or null
 * @param publication what the page marks of a publication: a date and a byline
 */
public record PageHints(
        String url, String title, Set<String> schemaTypes, String ogType, Publication publication) {

    /**
     * The marks of something published, which articles and threads carry and shop, listing and
     * service pages seldom do.
     *
     * @param datedNearTitle a date is written next to the title
     * @param declaresPublished the metadata names a publication date
     * @param timeElements elements with a {@code datetime} (one per post on a forum)
     * @param bylines elements named like a byline or an author
     */
    public record Publication(
            boolean datedNearTitle, boolean declaresPublished, int timeElements, int bylines) {

        /** No mark at all. */
        public static final Publication NONE = new Publication(false, false, 0, 0);
    }

    public PageHints {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(publication, "publication");
        schemaTypes = Set.copyOf(schemaTypes);
    }

    /** Hints without any mark of a publication. */
    public PageHints(String url, String title, Set<String> schemaTypes, String ogType) {
        this(url, title, schemaTypes, ogType, Publication.NONE);
    }
}
