package dev.linkcrawl.submit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.api.ApiResponses;
import dev.linkcrawl.api.Caller;
import dev.linkcrawl.api.Problem;
import dev.linkcrawl.api.ProblemType;
import dev.linkcrawl.aws.SqsClients;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.prime.SnapStartPriming;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /links} (API Gateway HTTP API, payload 2.0): reads the caller from the JWT {@code
 * sub} claim, reads the body, and hands it to {@link SubmitLink}. It answers 202 only once the
 * message is on the queue; any failure is a problem response, never a stack trace.
 */
public final class SubmitLinkHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Seconds a client should wait before retrying when the queue is unavailable. */
    static final String RETRY_AFTER_SECONDS = "5";

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
                        Clock.systemUTC()));
        priming = Optional.of(SnapStartPriming.register(new SubmitLinkPriming(settings)));
    }

    SubmitLinkHandler(SubmitLink submitLink) {
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
            return ApiResponses.problem(
                    Problem.of(
                            ProblemType.UNAUTHENTICATED,
                            "the request carries no identity; send a valid bearer token"));
        }
        RequestBodyReader.Result read =
                bodyReader.read(event.getHeaders(), event.getBody(), event.getIsBase64Encoded());
        if (read instanceof RequestBodyReader.Result.Refused refused) {
            return ApiResponses.problem(refused.problem());
        }
        SubmitRequest request = ((RequestBodyReader.Result.Read) read).request();
        return switch (submitLink.submit(owner.get(), request)) {
            case SubmitLink.Outcome.Queued queued -> {
                log(context, "queued id=" + queued.id() + " owner=" + owner.get());
                String body =
                        MAPPER.createObjectNode()
                                .put("id", queued.id().value())
                                .put("url", queued.url().value())
                                .put("status", "queued")
                                .toString();
                yield ApiResponses.json(202, body, Map.of("Location", "/links/" + queued.id()));
            }
            case SubmitLink.Outcome.Refused refused -> ApiResponses.problem(refused.problem());
            case SubmitLink.Outcome.QueueUnavailable unavailable -> {
                log(context, "queue unavailable owner=" + owner.get());
                yield ApiResponses.problem(
                        unavailable.problem(), Map.of("Retry-After", RETRY_AFTER_SECONDS));
            }
        };
    }

    private static void log(Context context, String message) {
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(message);
        }
    }
}
