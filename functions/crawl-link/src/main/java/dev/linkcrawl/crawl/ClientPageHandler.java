package dev.linkcrawl.crawl;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.api.FunctionLog;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.crawl.events.CrawlEvent;
import dev.linkcrawl.crawl.events.CrawlEvents;
import dev.linkcrawl.crawl.events.EventBridgeCrawlEvents;
import dev.linkcrawl.crawl.extract.PageExtractor;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.index.OpenSearchLinkIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * ClientPageFunction: each page an owner's client uploads under {@code pages/} (S3 {@code
 * ObjectCreated}) is read into its link ({@link ClientPage}) and announced as a crawl that ended
 * {@code crawled}. A {@link RequestStreamHandler}, as the crawl jar carries no S3 event classes.
 *
 * <p>The answer is a JSON summary ({@code {"pages": [{"key", "outcome", ...}]}}), each line also
 * logged. An upload the function cannot use is ignored, never failed; a bucket or index that cannot
 * answer fails the invocation, for Lambda to retry it (an upload read before is then missing, and
 * left).
 */
public final class ClientPageHandler implements RequestStreamHandler {

    /** Time kept back from the invocation after extraction, to write, delete and announce: 5 s. */
    static final Duration WRITE_MARGIN = CrawlDeadlines.INDEXING_MARGIN;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClientPage clientPage;
    private final CrawlEvents events;
    private final Clock clock;

    /** Used by Lambda: settings from the environment, clients built once per cold start. */
    public ClientPageHandler() {
        this(Settings.fromEnvironment());
    }

    /** Used by the local runner, which passes each function its template environment. */
    public ClientPageHandler(Settings settings) {
        this(
                new ClientPage(
                        S3ClientPageObjects.create(settings),
                        new PageExtractor(),
                        OpenSearchLinkIndex.create(settings, CrawlDeliveries.INDEX_READ_TIMEOUT),
                        Clock.systemUTC(),
                        settings.maxBodyBytes()),
                EventBridgeCrawlEvents.create(settings, CrawlOutcomeEvent.TIMEOUT),
                Clock.systemUTC());
    }

    ClientPageHandler(ClientPage clientPage, CrawlEvents events, Clock clock) {
        this.clientPage = Objects.requireNonNull(clientPage, "clientPage");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        JsonNode event = JSON.readTree(input);
        Instant end =
                clock.instant()
                        .plusMillis(
                                context == null
                                        ? Duration.ofSeconds(30).toMillis()
                                        : context.getRemainingTimeInMillis());
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode pages = answer.putArray("pages");
        for (ClientPageEvent.Entry entry : ClientPageEvent.parse(event)) {
            ObjectNode item =
                    switch (entry) {
                        case ClientPageEvent.Entry.Unreadable unreadable ->
                                ignored(unreadable.key(), unreadable.reason());
                        case ClientPageEvent.Entry.Created created -> take(created.upload(), end);
                    };
            FunctionLog.logOrStandardError(context, "client page " + item);
            pages.add(item);
        }
        output.write(JSON.writeValueAsBytes(answer));
    }

    private ObjectNode take(ClientPage.Upload upload, Instant end) {
        return switch (clientPage.take(upload, end.minus(WRITE_MARGIN))) {
            case ClientPage.Outcome.Skipped skipped ->
                    ignored(upload.key(), skipped.reason().code());
            case ClientPage.Outcome.Written written -> {
                LinkDocument document = written.document();
                // After the write: the page is the link's whatever becomes of its event.
                CrawlOutcomeEvent.announce(
                        events,
                        new CrawlEvent(
                                CrawlEvent.Kind.CRAWLED,
                                written.id(),
                                document.owner(),
                                "crawled",
                                document.url(),
                                document.title(),
                                null),
                        clock.instant(),
                        end);
                yield JSON.createObjectNode()
                        .put("key", upload.key())
                        .put("outcome", "crawled")
                        .put("id", written.id().value())
                        .put("wordCount", document.wordCount());
            }
        };
    }

    private static ObjectNode ignored(String key, String reason) {
        return JSON.createObjectNode()
                .put("key", key)
                .put("outcome", "ignored")
                .put("reason", reason);
    }
}
