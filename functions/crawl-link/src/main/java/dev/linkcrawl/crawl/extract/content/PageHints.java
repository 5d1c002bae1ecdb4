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
 */
public record PageHints(String url, String title, Set<String> schemaTypes, String ogType) {

    public PageHints {
        Objects.requireNonNull(url, "url");
        schemaTypes = Set.copyOf(schemaTypes);
    }
}
