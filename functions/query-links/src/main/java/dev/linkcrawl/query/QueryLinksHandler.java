package dev.linkcrawl.query;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.linkcrawl.api.ApiResponses;
import dev.linkcrawl.api.Caller;
import dev.linkcrawl.api.FunctionLog;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.index.OpenSearchLinkIndex;
import dev.linkcrawl.prime.SnapStartPriming;
import dev.linkcrawl.query.prime.QueryLinksPriming;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /links/{id}}, {@code GET /links} and {@code DELETE /links/{id}} (API Gateway HTTP API,
 * payload 2.0), each scoped to the caller (the JWT {@code sub} claim): another user's link, a link
 * not crawled yet and an id that is not a link id all answer the same 404. Search parameters are
 * described in {@link SearchParameters}, the cursor in {@link PageCursor}. An index that cannot
 * answer is a 503 problem (with {@code Retry-After} when retrying can help), never a stack trace.
 * This class only translates between events and the use case, {@link QueryLinks}.
 */
public final class QueryLinksHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /**
     * How long to wait for the index's answer: 3 seconds. With the 2-second connect timeout, even a
     * delete (two requests) gives up before the function's 10-second timeout, so it can still
     * answer 503.
     */
    static final Duration INDEX_READ_TIMEOUT = Duration.ofSeconds(3);

    /** Saved links are personal: no shared cache may keep them. */
    private static final Map<String, String> PRIVATE = Map.of("Cache-Control", "private, no-store");

    private final QueryLinks queryLinks;

    /** Held here because CRaC keeps registered resources only weakly. */
    private Optional<SnapStartPriming> priming = Optional.empty();

    /**
     * Used by Lambda: settings from the environment, the index client built once per cold start.
     */
    public QueryLinksHandler() {
        this(Settings.fromEnvironment());
    }

    /**
     * Used by the local runner, which passes each function its template environment. Registers the
     * SnapStart priming ({@link QueryLinksPriming}).
     */
    public QueryLinksHandler(Settings settings) {
        this(new QueryLinks(OpenSearchLinkIndex.create(settings, INDEX_READ_TIMEOUT)));
        priming = Optional.of(SnapStartPriming.register(new QueryLinksPriming(settings)));
    }

    /** A handler over {@code queryLinks}, registering no priming (tests, SnapStart priming). */
    public QueryLinksHandler(QueryLinks queryLinks) {
        this.queryLinks = Objects.requireNonNull(queryLinks, "queryLinks");
    }

    /** The SnapStart priming the public constructors register. */
    Optional<SnapStartPriming> priming() {
        return priming;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Optional<String> owner = Caller.of(event);
        if (owner.isEmpty()) {
            return ApiResponses.unauthenticated();
        }
        LinkRoute route = LinkRoute.of(event);
        QueryLinks.Outcome outcome =
                switch (route) {
                    case LinkRoute.GetLink get -> queryLinks.get(owner.get(), get.id());
                    case LinkRoute.DeleteLink delete -> queryLinks.delete(owner.get(), delete.id());
                    case LinkRoute.SearchLinks search ->
                            queryLinks.search(
                                    owner.get(),
                                    event.getRawQueryString(),
                                    event.getQueryStringParameters());
                    case LinkRoute.Unknown unknown ->
                            new QueryLinks.Outcome.NotFound(QueryLinks.NOT_FOUND);
                };
        return switch (outcome) {
            case QueryLinks.Outcome.Found found -> ApiResponses.json(200, found.json(), PRIVATE);
            case QueryLinks.Outcome.Listed listed -> ApiResponses.json(200, listed.json(), PRIVATE);
            case QueryLinks.Outcome.Deleted deleted -> ApiResponses.empty(204);
            case QueryLinks.Outcome.NotFound notFound -> ApiResponses.problem(notFound.problem());
            case QueryLinks.Outcome.Refused refused -> ApiResponses.problem(refused.problem());
            case QueryLinks.Outcome.IndexUnavailable unavailable -> {
                FunctionLog.log(
                        context,
                        "index unavailable reason="
                                + unavailable.reason()
                                + " route="
                                + route.name()
                                + " "
                                + unavailable.detail());
                yield unavailable.retryable()
                        ? ApiResponses.problem(
                                unavailable.problem(), ApiResponses.RETRY_UNAVAILABLE)
                        : ApiResponses.problem(unavailable.problem());
            }
        };
    }
}
