package dev.linkcrawl.index;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Optional;

/**
 * What kind of page a page is, by what its reader came for: the {@code pageType} of the index
 * document and the {@code type} filter of a search. The words are WCXB's page types plus {@code
 * other}; serialised in lower case.
 */
public enum PageType {
    /** One text read from top to bottom: news, blog posts, guides, reviews, recipes. */
    @JsonProperty("article")
    ARTICLE,
    /** A thread or question: the first post and every reply. */
    @JsonProperty("forum")
    FORUM,
    /** One thing for sale: its name, description, specifications and price. */
    @JsonProperty("product")
    PRODUCT,
    /** A grid of things for sale or to browse: each item's name and blurb. */
    @JsonProperty("collection")
    COLLECTION,
    /** An index of content (articles, courses, reviews): each entry's title and blurb. */
    @JsonProperty("listing")
    LISTING,
    /** Reference or tutorial pages: headings, prose and code. */
    @JsonProperty("documentation")
    DOCUMENTATION,
    /** A company's page about what it offers: hero, features, pricing, questions. */
    @JsonProperty("service")
    SERVICE,
    /** Anything else. */
    @JsonProperty("other")
    OTHER;

    /** The lower-case word used in documents and queries ("forum"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type a word names, exactly as {@link #label()} spells it. */
    public static Optional<PageType> ofLabel(String label) {
        for (PageType t : values()) {
            if (t.label().equals(label)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
