package dev.linkcrawl.index;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkcrawl.link.LinkId;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Highlight;
import org.opensearch.client.opensearch.core.search.HighlighterEncoder;
import org.opensearch.client.opensearch.core.search.Hit;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@link LinkIndex#search} on OpenSearch, in one request: a {@code bool} query whose filters
 * (owner, each tag, status, page type, needs a page) never score, plus, with search text, a {@code
 * simple_query_string} with only the {@code PHRASE} and {@code WHITESPACE} flags, so the user's
 * text is words (and quoted phrases), never query syntax, and malformed input cannot make the query
 * fail. It pages with {@code search_after} on a sort that ends with the unique {@code id} keyword,
 * asks for one hit more than the page size to know whether another page exists, and fetches only
 * the fields a result shows.
 */
final class LinkSearch {

    /**
     * The fields search text is matched against, with their weights: a word in the title counts
     * five times a word in the main text.
     */
    private static final List<String> TEXT_FIELDS =
            List.of(
                    "title^5",
                    "tags.text^3",
                    "siteName^2",
                    "description^2",
                    "url^1.5",
                    "finalUrl^1.5",
                    "text");

    /** The fields {@link #search} reads: see {@link HitSource}. */
    private static final List<String> HIT_FIELDS =
            List.of(
                    "url",
                    "finalUrl",
                    "title",
                    "description",
                    "siteName",
                    "image",
                    "favicon",
                    "status",
                    "pageType",
                    "crawledAt",
                    "tags");

    private static final List<String> HIGHLIGHT_FIELDS = List.of("title", "description", "text");

    /**
     * {@code <mark>} around matches, the rest HTML-escaped (page text is untrusted). Title and
     * description come whole; the main text as up to 3 passages of about 160 characters.
     */
    private static final Highlight HIGHLIGHT =
            Highlight.of(
                    h ->
                            h.preTags("<mark>")
                                    .postTags("</mark>")
                                    .encoder(HighlighterEncoder.Html)
                                    .fields("title", f -> f.numberOfFragments(0))
                                    .fields("description", f -> f.numberOfFragments(0))
                                    .fields("text", f -> f.fragmentSize(160).numberOfFragments(3)));

    private final OpenSearchTarget target;
    private final String indexName;
    private final LinkDocumentCodec codec;

    LinkSearch(OpenSearchTarget target, LinkDocumentCodec codec) {
        this.target = target;
        this.indexName = target.indexName();
        this.codec = codec;
    }

    /** See {@link LinkIndex#search}. */
    LinkPage search(LinkQuery query) {
        Objects.requireNonNull(query, "query");
        if (query.text().filter(text -> !LinkQuery.hasWords(text)).isPresent()) {
            // OpenSearch would answer a bare * with every link: text without a word matches none.
            return new LinkPage(List.of(), Optional.empty());
        }
        SearchRequest request = searchRequest(query);
        SearchResponse<JsonNode> response;
        try {
            response = target.client().search(request, JsonNode.class);
        } catch (OpenSearchException e) {
            if (OpenSearchTarget.indexNotFound(e)) {
                return new LinkPage(List.of(), Optional.empty());
            }
            throw target.failure("search", e);
        } catch (IOException | SdkException e) {
            throw target.failure("search", e);
        }
        List<Hit<JsonNode>> hits = response.hits().hits();
        List<LinkHit> page = new ArrayList<>();
        for (Hit<JsonNode> hit : hits.subList(0, Math.min(query.size(), hits.size()))) {
            page.add(linkHit(hit));
        }
        Optional<SortKey> next =
                hits.size() > query.size()
                        ? Optional.of(sortKey(hits.get(query.size() - 1), query))
                        : Optional.empty();
        return new LinkPage(page, next);
    }

    private SearchRequest searchRequest(LinkQuery query) {
        List<Query> filters = new ArrayList<>();
        filters.add(term("owner", query.owner()));
        // One term filter per tag: a link must carry every tag asked for. The keyword field's
        // lowercase normalizer is applied to the term, so the match ignores case.
        query.tags().forEach(tag -> filters.add(term("tags", tag)));
        query.status().ifPresent(status -> filters.add(term("status", statusValue(status))));
        query.type().ifPresent(type -> filters.add(term("pageType", type.label())));
        if (query.needsPage()) {
            filters.add(
                    Query.of(q -> q.term(t -> t.field("needsPage").value(FieldValue.of(true)))));
        }
        Query text = query.text().map(LinkSearch::textQuery).orElse(null);
        Query bool =
                Query.of(
                        q ->
                                q.bool(
                                        b -> {
                                            b.filter(filters)
                                                    .mustNot(term("status", Tombstones.DELETED));
                                            return text == null ? b : b.must(text);
                                        }));
        boolean relevance = query.text().isPresent();
        List<SortOptions> sort =
                List.of(
                        relevance
                                ? SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc)))
                                : SortOptions.of(
                                        o ->
                                                o.field(
                                                        f ->
                                                                // Queued links have no crawl
                                                                // time yet: newest of all.
                                                                f.field("crawledAt")
                                                                        .order(SortOrder.Desc)
                                                                        .missing(
                                                                                FieldValue.of(
                                                                                        "_first")))),
                        SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));
        return SearchRequest.of(
                s -> {
                    s.index(indexName)
                            .query(bool)
                            .sort(sort)
                            .size(query.size() + 1)
                            .trackTotalHits(t -> t.enabled(false))
                            .source(src -> src.filter(f -> f.includes(HIT_FIELDS)));
                    query.after().ifPresent(key -> s.searchAfter(searchAfter(key)));
                    if (relevance) {
                        s.highlight(HIGHLIGHT);
                    }
                    return s;
                });
    }

    /**
     * The user's words against every searchable field. {@code simple_query_string} never fails on
     * odd input, analyses each word with each field's own analyzer (so a URL field and a prose
     * field can both match {@code example.com}), and with {@code and} requires every word
     * somewhere. Only quoted phrases are syntax: {@code -}, {@code |}, {@code +}, {@code *}, {@code
     * ~} and parentheses are plain characters.
     */
    private static Query textQuery(String text) {
        return Query.of(
                q ->
                        q.simpleQueryString(
                                sqs ->
                                        sqs.query(text)
                                                .fields(TEXT_FIELDS)
                                                .defaultOperator(Operator.And)
                                                .flags(f -> f.multiple("PHRASE|WHITESPACE"))));
    }

    /** A filter on {@code field} holding exactly {@code value}. */
    static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }

    private static String statusValue(LinkDocument.Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static List<FieldValue> searchAfter(SortKey key) {
        return switch (key) {
            case SortKey.Newest newest ->
                    List.of(
                            FieldValue.of(newest.crawledAtMillis()),
                            FieldValue.of(newest.id().value()));
            case SortKey.Relevance relevance ->
                    List.of(
                            FieldValue.of((double) relevance.score()),
                            FieldValue.of(relevance.id().value()));
        };
    }

    private SortKey sortKey(Hit<JsonNode> hit, LinkQuery query) {
        List<FieldValue> values = hit.sort();
        if (values.size() != 2) {
            throw new LinkIndexException(
                    LinkIndexException.Reason.SERVER_ERROR,
                    200,
                    "search in " + indexName + " returned a hit without its sort values",
                    null);
        }
        FieldValue first = values.get(0);
        LinkId id = new LinkId(hit.id());
        double number = first.isDouble() ? first.doubleValue() : first.longValue();
        return query.text().isPresent()
                ? new SortKey.Relevance((float) number, id)
                : new SortKey.Newest((long) number, id);
    }

    private LinkHit linkHit(Hit<JsonNode> hit) {
        HitSource source = codec.fromTree(hit.source(), HitSource.class);
        return new LinkHit(
                new LinkId(hit.id()),
                source.url(),
                source.finalUrl(),
                source.title(),
                source.description(),
                source.siteName(),
                source.image(),
                source.favicon(),
                source.status(),
                source.pageType(),
                source.crawledAt(),
                source.tags(),
                orderedHighlight(hit.highlight()));
    }

    /** Highlights in the order a result shows them: title, description, text. */
    private static Map<String, List<String>> orderedHighlight(Map<String, List<String>> found) {
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        for (String field : HIGHLIGHT_FIELDS) {
            List<String> fragments = found.get(field);
            if (fragments != null && !fragments.isEmpty()) {
                ordered.put(field, fragments);
            }
        }
        return ordered;
    }

    /** The part of a stored document a search result shows. */
    record HitSource(
            String url,
            String finalUrl,
            String title,
            String description,
            String siteName,
            String image,
            String favicon,
            LinkDocument.Status status,
            PageType pageType,
            Instant crawledAt,
            List<String> tags) {}
}
