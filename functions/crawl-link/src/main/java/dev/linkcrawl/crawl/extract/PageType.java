package dev.linkcrawl.crawl.extract;

import java.util.Locale;
import java.util.Optional;

/**
 * What kind of page a page is, by what its reader came for: the words are those of the index
 * document's {@code pageType} field and of WCXB's page types, plus {@code other}.
 */
public enum PageType {
    /** One text read from top to bottom: news, blog posts, guides, reviews, recipes. */
    ARTICLE,
    /** A thread or question: the first post and every reply. */
    FORUM,
    /** One thing for sale: its name, description, specifications and price. */
    PRODUCT,
    /** A grid of things for sale or to browse: each item's name and blurb. */
    COLLECTION,
    /** An index of content (articles, courses, reviews): each entry's title and blurb. */
    LISTING,
    /** Reference or tutorial pages: headings, prose and code. */
    DOCUMENTATION,
    /** A company's page about what it offers: hero, features, pricing, questions. */
    SERVICE,
    /** Anything else. */
    OTHER;

    /** The lower-case word used in documents and queries ("forum"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type a word names, ignoring case. */
    public static Optional<PageType> ofLabel(String label) {
        for (PageType t : values()) {
            if (t.label().equalsIgnoreCase(label)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
