package dev.linkcrawl.submit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.api.ApiResponses;
import dev.linkcrawl.api.Caller;
import dev.linkcrawl.api.FunctionLog;
import dev.linkcrawl.aws.SqsClients;
import dev.linkcrawl.config.InvalidSettingsException;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.index.OpenSearchQueuedLinks;
import dev.linkcrawl.limit.OpenSearchOwnerQuotas;
import dev.linkcrawl.prime.SnapStartPriming;
import dev.linkcrawl.submit.prime.SubmitLinkPriming;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /links} (API Gateway HTTP API, payload 2.0): reads the caller from the JWT {@code
 * sub} claim, reads the body, and hands it to {@link SubmitLink}. It answers 202 only once the
 * message is on the queue; any failure is a problem response, never a stack trace.
 */
public final class SubmitLinkHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** How long counting a link may take: 500 ms (connect and read each). */
    static final Duration QUOTA_TIMEOUT = Duration.ofMillis(500);

    /**
     * How long showing a link as queued may take: 500 ms (connect and read each). A slower index
     * costs the listing until the crawl, never the 202.
     */
    static final Duration LISTING_TIMEOUT = Duration.ofMillis(500);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SubmitLink submitLink;
    private final RequestBodyReader bodyReader = new RequestBodyReader();

    /** Held here because CRaC keeps registered resources only weakly. */
    private Optional<SnapStartPriming> priming = Optional.empty();

    /** Used by Lambda: settings from the environment, clients built once per cold start. */
    public SubmitLinkHandler() {
        this(Settings.fromEnvironment());
    }

    /**
     * Used by the local runner, which passes each function its template environment. Registers the
     * SnapStart priming ({@link SubmitLinkPriming}).
     */
    public SubmitLinkHandler(Settings settings) {
        this(
                new SubmitLink(
                        new SqsCrawlQueue(
                                // Short timeouts: a slow queue must answer 503 quickly rather
                                // than hold the API.
                                SqsClients.create(
                                        settings, Duration.ofSeconds(3), Duration.ofSeconds(6)),
                                settings.requireQueueUrl()),
                        settings.urlPolicy(),
                        Clock.systemUTC(),
                        dailyLinks(settings),
                        settings.openSearchEndpoint().isPresent()
                                ? Optional.of(
                                        OpenSearchQueuedLinks.create(settings, LISTING_TIMEOUT))
                                : Optional.empty()));
        priming = Optional.of(SnapStartPriming.register(new SubmitLinkPriming(settings)));
    }

    /**
     * The daily limit, counted in OpenSearch ({@code LINKS_PER_OWNER_PER_DAY}; 0 turns it off). The
     * count may take {@link #QUOTA_TIMEOUT}: an index slower than that does not hold the API.
     */
    private static DailyLinks dailyLinks(Settings settings) {
        int perDay = settings.ownerLimits().linksPerDay();
        if (perDay == 0) {
            return DailyLinks.UNLIMITED;
        }
        if (settings.openSearchEndpoint().isEmpty()) {
            throw new InvalidSettingsException(
                    List.of(
                            "LINKS_PER_OWNER_PER_DAY is "
                                    + perDay
                                    + " but OPENSEARCH_ENDPOINT is not set: the daily counts live"
                                    + " in OpenSearch; set it, or set LINKS_PER_OWNER_PER_DAY=0"));
        }
        return new DailyLinks(
                Optional.of(OpenSearchOwnerQuotas.create(settings, QUOTA_TIMEOUT, QUOTA_TIMEOUT)),
                perDay);
    }

    /** A handler over {@code submitLink}, registering no priming (tests, SnapStart priming). */
    public SubmitLinkHandler(SubmitLink submitLink) {
        this.submitLink = submitLink;
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
        RequestBodyReader.Result read =
                bodyReader.read(event.getHeaders(), event.getBody(), event.getIsBase64Encoded());
        if (read instanceof RequestBodyReader.Result.Refused refused) {
            return ApiResponses.problem(refused.problem());
        }
        SubmitRequest request = ((RequestBodyReader.Result.Read) read).request();
        return switch (submitLink.submit(owner.get(), request)) {
            case SubmitLink.Outcome.Queued queued -> {
                FunctionLog.log(context, "queued id=" + queued.id() + " owner=" + owner.get());
                queued.uncounted()
                        .ifPresent(
                                why -> FunctionLog.log(context, "daily limit not checked: " + why));
                queued.unlisted()
                        .ifPresent(why -> FunctionLog.log(context, "not shown as queued: " + why));
                String body =
                        MAPPER.createObjectNode()
                                .put("id", queued.id().value())
                                .put("url", queued.url().value())
                                .put("status", "queued")
                                .toString();
                yield ApiResponses.json(202, body, Map.of("Location", "/links/" + queued.id()));
            }
            case SubmitLink.Outcome.Refused refused -> ApiResponses.problem(refused.problem());
            case SubmitLink.Outcome.LimitReached reached -> {
                FunctionLog.log(context, "limit reached owner=" + owner.get());
                yield ApiResponses.problem(reached.problem(), reached.retryAfter());
            }
            case SubmitLink.Outcome.QueueUnavailable unavailable -> {
                FunctionLog.log(context, "queue unavailable owner=" + owner.get());
                yield ApiResponses.problem(unavailable.problem(), ApiResponses.RETRY_UNAVAILABLE);
            }
        };
    }
}
