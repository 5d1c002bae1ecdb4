package dev.linkcrawl.query;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.api.ApiResponses;
import dev.linkcrawl.api.Caller;
import dev.linkcrawl.api.FunctionLog;
import dev.linkcrawl.api.Problem;
import dev.linkcrawl.api.ProblemType;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.index.DocumentLimits;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.index.LinkDocumentCodec;
import dev.linkcrawl.index.LinkHit;
import dev.linkcrawl.index.LinkIndex;
import dev.linkcrawl.index.LinkIndexException;
import dev.linkcrawl.index.LinkPage;
import dev.linkcrawl.index.LinkQuery;
import dev.linkcrawl.index.OpenSearchLinkIndex;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.prime.SnapStartPriming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /links/{id}}, {@code GET /links} and {@code DELETE /links/{id}} (API Gateway HTTP API,
 * payload 2.0), each scoped to the caller (the JWT {@code sub} claim): another user's link, a link
 * not crawled yet and an id that is not a link id all answer the same 404. Search parameters are
 * described in {@link SearchParameters}, the cursor in {@link PageCursor}. An index that cannot
 * answer is a 503 problem (with {@code Retry-After} when retrying can help), never a stack trace.
 */
public final class QueryLinksHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /**
     * How long to wait for the index's answer: 3 seconds. With the 2-second connect timeout, even a
     * delete (two requests) gives up before the function's 10-second timeout, so it can still
     * answer 503.
     */
    static final Duration INDEX_READ_TIMEOUT = Duration.ofSeconds(3);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The longest highlight of one field a result shows: 64 Ki characters. A capped title (2 KiB)
     * stays well within it even with every character HTML-escaped and marked.
     */
    static final int MAX_HIGHLIGHT_CHARS = 64 * 1024;

    /** Saved links are personal: no shared cache may keep them. */
    private static final Map<String, String> PRIVATE = Map.of("Cache-Control", "private, no-store");

    private static final Problem NOT_FOUND =
            Problem.of(ProblemType.NOT_FOUND, "there is no link with this id among your links");

    private final LinkIndex index;
    private final LinkDocumentCodec codec = new LinkDocumentCodec();

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
        this(OpenSearchLinkIndex.create(settings, INDEX_READ_TIMEOUT));
        priming = Optional.of(SnapStartPriming.register(new QueryLinksPriming(settings)));
    }

    QueryLinksHandler(LinkIndex index) {
        this.index = Objects.requireNonNull(index, "index");
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
        Route route = Route.of(event);
        try {
            return switch (route) {
                case Route.GetLink get -> get(owner.get(), get.id());
                case Route.DeleteLink delete -> delete(owner.get(), delete.id());
                case Route.SearchLinks search -> search(owner.get(), event);
                case Route.Unknown unknown -> ApiResponses.problem(NOT_FOUND);
            };
        } catch (LinkIndexException e) {
            // The message names the action, index, status and error type; never user input.
            FunctionLog.log(
                    context,
                    "index unavailable reason="
                            + e.reason()
                            + " route="
                            + route.name()
                            + " "
                            + e.getMessage());
            Problem problem =
                    Problem.of(
                            ProblemType.INDEX_UNAVAILABLE,
                            e.retryable()
                                    ? "the search index cannot answer right now; try again later"
                                    : "the search index refuses this function's requests");
            return e.retryable()
                    ? ApiResponses.problem(problem, ApiResponses.RETRY_UNAVAILABLE)
                    : ApiResponses.problem(problem);
        }
    }

    private APIGatewayV2HTTPResponse get(String owner, Optional<String> rawId) {
        Optional<LinkId> id = rawId.filter(LinkId::isWellFormed).map(LinkId::new);
        Optional<LinkDocument> document = id.flatMap(linkId -> index.get(owner, linkId));
        if (document.isEmpty()) {
            return ApiResponses.problem(NOT_FOUND);
        }
        ObjectNode body = MAPPER.createObjectNode().put("id", id.get().value());
        // Capped again for documents written before the crawl capped them.
        body.setAll((ObjectNode) tree(codec.toJson(DocumentLimits.cap(document.get()))));
        ResponseBudget.fitText(body);
        return ApiResponses.json(200, body.toString(), PRIVATE);
    }

    private APIGatewayV2HTTPResponse delete(String owner, Optional<String> rawId) {
        Optional<LinkId> id = rawId.filter(LinkId::isWellFormed).map(LinkId::new);
        if (id.isEmpty() || !index.delete(owner, id.get())) {
            return ApiResponses.problem(NOT_FOUND);
        }
        return ApiResponses.empty(204);
    }

    private APIGatewayV2HTTPResponse search(String owner, APIGatewayV2HTTPEvent event) {
        return switch (SearchParameters.parse(
                event.getRawQueryString(), event.getQueryStringParameters())) {
            case SearchParameters.Result.Invalid invalid -> ApiResponses.problem(invalid.problem());
            case SearchParameters.Result.Valid valid -> {
                SearchParameters parameters = valid.parameters();
                LinkQuery query = parameters.toQuery(owner);
                String body = pageJson(index.search(query), parameters.fingerprint());
                while (!ResponseBudget.fits(body) && query.size() > 1) {
                    // Fewer links whose cursor continues after the last one shown: the client pages
                    // on and loses nothing. Only pages of links with the longest fields of the most
                    // escaped characters come here.
                    query = query.withSize(Math.max(1, Math.min(query.size() - 1, fitting(body))));
                    body = pageJson(index.search(query), parameters.fingerprint());
                }
                yield ApiResponses.json(200, body, PRIVATE);
            }
        };
    }

    /** How many of the items of {@code body}, a page's JSON, fit the budget together. */
    private static int fitting(String body) {
        long used = ResponseBudget.envelopeBytes("{\"items\":[],\"next\":\"\"}") + 1_024;
        int count = 0;
        for (JsonNode item : tree(body).path("items")) {
            used += ResponseBudget.envelopeBytes(item.toString()) + 1;
            if (used > ResponseBudget.BODY_BYTES) {
                break;
            }
            count++;
        }
        return count;
    }

    /**
     * A page as JSON. A result never carries the main text, only highlighted passages of it; its
     * fields are capped like a document's ({@link DocumentLimits}), for links crawled before the
     * caps, and a highlight longer than {@value #MAX_HIGHLIGHT_CHARS} characters is left out (the
     * field itself is shown), so one link always fits a response.
     */
    private static String pageJson(LinkPage page, String fingerprint) {
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (LinkHit hit : page.hits()) {
            ObjectNode item = items.addObject();
            item.put("id", hit.id().value())
                    .put("url", hit.url())
                    .put("finalUrl", url(hit.finalUrl()))
                    .put("title", DocumentLimits.cut(hit.title(), DocumentLimits.FIELD_BYTES))
                    .put(
                            "description",
                            DocumentLimits.cut(hit.description(), DocumentLimits.FIELD_BYTES))
                    .put("siteName", DocumentLimits.cut(hit.siteName(), DocumentLimits.FIELD_BYTES))
                    .put("image", url(hit.image()))
                    .put("favicon", url(hit.favicon()))
                    .put("status", hit.status().name().toLowerCase(Locale.ROOT))
                    .put("pageType", hit.pageType() == null ? null : hit.pageType().label())
                    .put("crawledAt", hit.crawledAt() == null ? null : hit.crawledAt().toString());
            hit.tags().forEach(item.putArray("tags")::add);
            ObjectNode highlight = item.putObject("highlight");
            hit.highlight()
                    .forEach(
                            (field, fragments) -> {
                                if (fragments.stream().mapToInt(String::length).sum()
                                        <= MAX_HIGHLIGHT_CHARS) {
                                    fragments.forEach(highlight.putArray(field)::add);
                                }
                            });
        }
        body.put("next", page.next().map(key -> PageCursor.encode(key, fingerprint)).orElse(null));
        return body.toString();
    }

    /** A URL within {@link DocumentLimits#URL_BYTES}, else none: a cut URL names another page. */
    private static String url(String value) {
        return value == null || DocumentLimits.cut(value, DocumentLimits.URL_BYTES).equals(value)
                ? value
                : null;
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the codec wrote invalid JSON", e);
        }
    }

    /** Which of the three routes an event is for. */
    sealed interface Route {
        record GetLink(Optional<String> id) implements Route {}

        record DeleteLink(Optional<String> id) implements Route {}

        record SearchLinks() implements Route {}

        record Unknown() implements Route {}

        /** A short name for logs. */
        default String name() {
            return getClass().getSimpleName();
        }

        /**
         * The route of {@code event}: its {@code routeKey} (as declared in {@code template.yaml})
         * with the {@code id} path parameter, or, for an event without a route key, its method and
         * raw path.
         */
        static Route of(APIGatewayV2HTTPEvent event) {
            String routeKey = event.getRouteKey();
            Map<String, String> pathParameters =
                    event.getPathParameters() == null ? Map.of() : event.getPathParameters();
            Optional<String> id = Optional.ofNullable(pathParameters.get("id"));
            if (routeKey == null || routeKey.isBlank() || routeKey.equals("$default")) {
                String method =
                        event.getRequestContext() == null
                                        || event.getRequestContext().getHttp() == null
                                ? ""
                                : event.getRequestContext().getHttp().getMethod();
                String path = event.getRawPath() == null ? "" : event.getRawPath();
                if (path.startsWith("/links/") && path.indexOf('/', 7) < 0) {
                    id = Optional.of(path.substring(7));
                    path = "/links/{id}";
                }
                routeKey = method + " " + path;
            }
            return switch (routeKey) {
                case "GET /links/{id}" -> new GetLink(id);
                case "DELETE /links/{id}" -> new DeleteLink(id);
                case "GET /links" -> new SearchLinks();
                default -> new Unknown();
            };
        }
    }
}
