package dev.linkcrawl.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The {@code links} index's settings and mapping: the resource {@value #RESOURCE}, a create-index
 * body ({@code {"settings": …, "mappings": …}}).
 *
 * <p>Choices worth knowing: {@code dynamic: strict} (a field the mapping does not name is refused,
 * so the document and the mapping cannot drift apart silently); {@code id} is a keyword copy of
 * {@code _id}, a unique tie-breaker for sorting and {@code search_after} paging (sorting on {@code
 * _id} is discouraged); searchable prose ({@code title}, {@code description}, {@code text}, {@code
 * siteName}, {@code tags.text}) uses {@code link_text} (standard tokenizer, lowercase, ASCII
 * folding, English stemming, no stop words, so phrases and non-English text still match) with
 * offsets stored for fast highlighting; URLs are split at every non-alphanumeric character by
 * {@code link_url}, with an exact {@code .keyword}; {@code tags} are keywords compared
 * case-insensitively. Every keyword a page or a user fills has {@code ignore_above: 8191}: a longer
 * value stays in {@code _source} but is not indexed, where without it OpenSearch refuses the whole
 * write once a term passes Lucene's 32,766 bytes ("immense term"); 8,191 characters of at most 4
 * UTF-8 bytes each always fit. The keywords only the code fills ({@code id}, {@code owner}, {@code
 * urlHash}, {@code status}, {@code failure.code}, {@code pageType}) have none: they are short, and
 * a value silently left out of the index would hide a link from its owner.
 */
final class LinkIndexMapping {

    static final String RESOURCE = "/dev/linkcrawl/index/links-mapping.json";

    private LinkIndexMapping() {}

    /** The create-index body. */
    static String json() {
        try (InputStream in = LinkIndexMapping.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
