package dev.linkcrawl.query;

import dev.linkcrawl.api.Problem;
import dev.linkcrawl.api.ProblemType;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.index.LinkIndex;
import dev.linkcrawl.index.LinkIndexException;
import dev.linkcrawl.index.LinkQuery;
import dev.linkcrawl.link.LinkId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reading one's saved links: one link by its id, a page of them found by words, tags, status and
 * type ({@link SearchParameters}), and deleting one. Each call is scoped to its owner: another
 * owner's link and an id that is not a link id are both {@link Outcome.NotFound}, exactly like a
 * missing link.
 *
 * <p>Its answers are the API's JSON bodies ({@link LinkJson}) because what fits a response decides
 * how many links a page holds ({@link ResponseBudget}): a page too long once written is searched
 * again with fewer links.
 */
public final class QueryLinks {

    /** The one answer for a link that is missing, another owner's, or not a link id at all. */
    static final Problem NOT_FOUND =
            Problem.of(ProblemType.NOT_FOUND, "there is no link with this id among your links");

    private final LinkIndex index;
    private final LinkJson json = new LinkJson();

    public QueryLinks(LinkIndex index) {
        this.index = Objects.requireNonNull(index, "index");
    }

    /** The outcome of a call. */
    public sealed interface Outcome {
        /** The link, as the JSON body of {@code GET /links/{id}}. */
        record Found(String json) implements Outcome {}

        /** A page of links, as the JSON body of {@code GET /links}. */
        record Listed(String json) implements Outcome {}

        /** The link is deleted. */
        record Deleted() implements Outcome {}

        /** There is no such link among the owner's. */
        record NotFound(Problem problem) implements Outcome {}

        /** The search parameters are refused; the index was not asked. */
        record Refused(Problem problem) implements Outcome {}

        /**
         * The index did not answer. {@code retryable} when asking again later can help; {@code
         * reason} and {@code detail} (the action, index, status and error type, never user input)
         * are for the log.
         */
        record IndexUnavailable(
                Problem problem, boolean retryable, LinkIndexException.Reason reason, String detail)
                implements Outcome {}
    }

    /** The owner's link {@code rawId}, as the path gave it. */
    public Outcome get(String owner, Optional<String> rawId) {
        return unlessTheIndexFails(
                () -> {
                    Optional<LinkId> id = linkId(rawId);
                    Optional<LinkDocument> document = id.flatMap(link -> index.get(owner, link));
                    return document.isEmpty()
                            ? new Outcome.NotFound(NOT_FOUND)
                            : new Outcome.Found(json.link(id.get(), document.get()));
                });
    }

    /** Deletes the owner's link {@code rawId}, as the path gave it. */
    public Outcome delete(String owner, Optional<String> rawId) {
        return unlessTheIndexFails(
                () -> {
                    Optional<LinkId> id = linkId(rawId);
                    return id.isEmpty() || !index.delete(owner, id.get())
                            ? new Outcome.NotFound(NOT_FOUND)
                            : new Outcome.Deleted();
                });
    }

    /**
     * A page of the owner's links, for the query string as the event carries it both raw and
     * decoded ({@link SearchParameters#parse}).
     */
    public Outcome search(
            String owner, String rawQueryString, Map<String, String> queryStringParameters) {
        return switch (SearchParameters.parse(rawQueryString, queryStringParameters)) {
            case SearchParameters.Result.Invalid invalid -> new Outcome.Refused(invalid.problem());
            case SearchParameters.Result.Valid valid ->
                    unlessTheIndexFails(() -> new Outcome.Listed(page(owner, valid.parameters())));
        };
    }

    private String page(String owner, SearchParameters parameters) {
        LinkQuery query = parameters.toQuery(owner);
        String body = json.page(index.search(query), parameters.fingerprint());
        while (!ResponseBudget.fits(body) && query.size() > 1) {
            // Fewer links whose cursor continues after the last one shown: the client pages on and
            // loses nothing. Only pages of links with the longest fields of the most escaped
            // characters come here.
            query =
                    query.withSize(
                            Math.max(1, Math.min(query.size() - 1, LinkJson.itemsThatFit(body))));
            body = json.page(index.search(query), parameters.fingerprint());
        }
        return body;
    }

    private static Optional<LinkId> linkId(Optional<String> rawId) {
        return rawId.filter(LinkId::isWellFormed).map(LinkId::new);
    }

    private static Outcome unlessTheIndexFails(Supplier<Outcome> call) {
        try {
            return call.get();
        } catch (LinkIndexException e) {
            return new Outcome.IndexUnavailable(
                    Problem.of(
                            ProblemType.INDEX_UNAVAILABLE,
                            e.retryable()
                                    ? "the search index cannot answer right now; try again later"
                                    : "the search index refuses this function's requests"),
                    e.retryable(),
                    e.reason(),
                    e.getMessage());
        }
    }
}
