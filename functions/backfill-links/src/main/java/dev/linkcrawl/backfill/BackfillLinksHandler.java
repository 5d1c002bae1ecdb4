package dev.linkcrawl.backfill;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.api.FunctionLog;
import dev.linkcrawl.backfill.prime.BackfillLinksPriming;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.prime.SnapStartPriming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * BackfillLinksFunction: bookmark imports (S3 {@code ObjectCreated} under {@code imports/}) and the
 * scheduled re-crawl (EventBridge), both onto the backfill queue.
 *
 * <p>It is a {@link RequestStreamHandler}: one function receives two unrelated event shapes, and
 * reading the raw JSON lets it tell them apart by shape ({@link BackfillEvent#parse}). A typed
 * {@code RequestHandler<S3Event, …>} would have the runtime turn a scheduled event into an empty
 * {@code S3Event} without complaint; a {@code Map<String, Object>} would work but leaves the
 * conversion to the runtime's serializer and gives up types for casts. The sample events are fed to
 * the handler as the same bytes Lambda delivers.
 *
 * <p>The answer is a JSON summary ({@code {"imports": [{"key", "outcome", counts…}]}}). An event of
 * neither shape fails the invocation ({@link UnrecognisedEventException}). An import that stopped
 * because the queue or the bucket was unavailable fails it too, after writing its result, so that
 * Lambda retries it ({@link ImportIncompleteException}).
 */
public final class BackfillLinksHandler implements RequestStreamHandler {

    /**
     * Time kept back from the function's timeout (900 s) to send what is waiting and write the
     * result: 30 s.
     */
    static final Duration RESULT_MARGIN = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImportBookmarks importBookmarks;
    private final Optional<RecrawlLinks> recrawlLinks;
    private final Clock clock;

    /** Held here because CRaC keeps registered resources only weakly. */
    private Optional<SnapStartPriming> priming = Optional.empty();

    /** Used by Lambda: settings from the environment, clients built once per cold start. */
    public BackfillLinksHandler() {
        this(Settings.fromEnvironment());
    }

    /**
     * Used by the local runner, which builds the settings from the template environment. Registers
     * the SnapStart priming ({@link BackfillLinksPriming}).
     */
    public BackfillLinksHandler(Settings settings) {
        this(BackfillJobs.create(settings), Clock.systemUTC());
        priming = Optional.of(SnapStartPriming.register(new BackfillLinksPriming(settings)));
    }

    /** A handler running {@code jobs}, registering no priming (tests, SnapStart priming). */
    public BackfillLinksHandler(BackfillJobs jobs, Clock clock) {
        this.importBookmarks = jobs.importBookmarks();
        this.recrawlLinks = jobs.recrawlLinks();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The SnapStart priming the public constructors register. */
    Optional<SnapStartPriming> priming() {
        return priming;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        JsonNode event;
        try {
            event = JSON.readTree(input);
        } catch (JsonProcessingException e) {
            throw new UnrecognisedEventException("the event is not JSON");
        }
        ObjectNode answer =
                switch (BackfillEvent.parse(event)) {
                    case BackfillEvent.ObjectsCreated created -> importAll(created, context);
                    case BackfillEvent.Scheduled scheduled -> recrawl(scheduled, context);
                };
        output.write(JSON.writeValueAsBytes(answer));
    }

    private ObjectNode importAll(BackfillEvent.ObjectsCreated created, Context context)
            throws IOException {
        Instant stopBy = stopBy(context);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode imports = answer.putArray("imports");
        List<String> toRetry = new ArrayList<>();
        for (ImportKey object : created.objects()) {
            ObjectNode item =
                    switch (object) {
                        case ImportKey.Ignored ignored -> BackfillSummary.ignored(ignored);
                        case ImportUpload upload -> importOne(upload, stopBy, toRetry);
                    };
            FunctionLog.log(context, item.toString());
            imports.add(item);
        }
        if (!toRetry.isEmpty()) {
            throw new ImportIncompleteException(toRetry);
        }
        return answer;
    }

    private ObjectNode importOne(ImportUpload upload, Instant stopBy, List<String> toRetry)
            throws IOException {
        return switch (importBookmarks.run(upload, stopBy)) {
            case ImportBookmarks.Outcome.Missing missing -> BackfillSummary.missing(upload);
            case ImportBookmarks.Outcome.Imported imported -> {
                ImportResult result = imported.result();
                if (result.stopped().isPresent() && result.stopped().get().reason().retryable()) {
                    toRetry.add(upload.key());
                }
                yield BackfillSummary.imported(upload, result);
            }
        };
    }

    private ObjectNode recrawl(BackfillEvent.Scheduled scheduled, Context context) {
        ObjectNode answer =
                BackfillSummary.recrawl(scheduled.time(), recrawlLinks.map(RecrawlLinks::run));
        FunctionLog.log(context, answer.toString());
        return answer;
    }

    private Instant stopBy(Context context) {
        if (context == null || context.getRemainingTimeInMillis() <= 0) {
            return Instant.MAX;
        }
        return clock.instant().plusMillis(context.getRemainingTimeInMillis()).minus(RESULT_MARGIN);
    }
}
