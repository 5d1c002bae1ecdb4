package dev.linkcrawl.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.local.s3.NotificationLog;
import dev.linkcrawl.local.template.BucketResource;
import dev.linkcrawl.local.template.SamTemplate;
import dev.linkcrawl.testing.ManualClock;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How {@code ./linkcrawl import} decides that an import has ended, from what it sees of it each
 * time it looks; its clock moves only by the pauses between looks.
 */
class ImportWatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant BEGAN = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant UPLOADED = BEGAN.plusSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Path STATE = Path.of(".linkcrawl");
    private static final String KEY = "imports/alice/0123.txt";
    private static final String RESULT_LOCATION =
            "s3://linkcrawl-imports-000000000000-us-east-1/" + KEY + ".result.json";

    private final ManualClock clock = new ManualClock(UPLOADED);
    private final List<String> shown = new ArrayList<>();
    private final ScriptedImport watched = new ScriptedImport();

    @AfterEach
    void forgetInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aFinishedImportEndsWithItsResultAndHowLongItTookSinceTheUpload() throws Exception {
        watched.finishesAtLook(3, finishedImport());

        ImportWatcher.Outcome outcome = watch();

        assertThat(outcome)
                .isEqualTo(
                        new ImportWatcher.Outcome.Finished(
                                finishedImport(), ImportWatcher.POLL_INTERVAL.multipliedBy(2)));
    }

    @Test
    void anUndeliverableEventEndsWithWhyTheFunctionIsNotAvailable() throws Exception {
        watched.notification =
                Optional.of(
                        entry(
                                NotificationLog.State.UNDELIVERABLE,
                                0,
                                line().put("detail", "BackfillLinksFunction is not built")));

        assertThat(watch())
                .isEqualTo(new ImportWatcher.Outcome.Failed("BackfillLinksFunction is not built"));
    }

    @Test
    void aCompletedInvocationIsFollowedByMoreLooksForTheResultItWroteBeforeReturning()
            throws Exception {
        watched.notification = Optional.of(completed(JSON.createObjectNode()));
        watched.finishesAtLook(3, finishedImport());

        assertThat(watch())
                .isEqualTo(
                        new ImportWatcher.Outcome.Finished(
                                finishedImport(), ImportWatcher.POLL_INTERVAL.multipliedBy(2)));
    }

    @Test
    void aCompletedInvocationWithoutAResultEndsWithWhatTheFunctionAnsweredAfterTheResultWait()
            throws Exception {
        watched.notification =
                Optional.of(completed(JSON.createObjectNode().put("imports", "none")));

        assertThat(watch())
                .isEqualTo(
                        new ImportWatcher.Outcome.Failed(
                                "BackfillLinksFunction completed without writing "
                                        + KEY
                                        + ".result.json; it answered {\"imports\":\"none\"}"));
        assertThat(clock.instant()).isEqualTo(UPLOADED.plus(ImportWatcher.RESULT_WAIT));
    }

    @Test
    void aResultThatCannotBeReadForAWhileIsLookedAtAgain() throws Exception {
        watched.notification = Optional.of(completed(JSON.createObjectNode()));
        watched.unreadableUntilLook(4);
        watched.finishesAtLook(5, finishedImport());

        assertThat(watch()).isInstanceOf(ImportWatcher.Outcome.Finished.class);
        assertThat(shown)
                .contains(
                        "BackfillLinksFunction returned; reading its result (the import could"
                                + " not be read: GET /imports answered 503)");
    }

    @Test
    void aResultNeverReadableEndsSayingWhyItCouldNotBeRead() throws Exception {
        watched.notification = Optional.of(completed(JSON.createObjectNode()));
        watched.unreadableUntilLook(Integer.MAX_VALUE);

        assertThat(watch())
                .isEqualTo(
                        new ImportWatcher.Outcome.Failed(
                                "BackfillLinksFunction completed without writing "
                                        + KEY
                                        + ".result.json; it answered {} (the import could not be"
                                        + " read: GET /imports answered 503)"));
    }

    @Test
    void aFailureOnTheLastAttemptEndsWithItsDetail() throws Exception {
        watched.notification =
                Optional.of(
                        entry(
                                NotificationLog.State.FAILED,
                                3,
                                line().put("detail", "boom").put("final", true)));

        assertThat(watch())
                .isEqualTo(
                        new ImportWatcher.Outcome.Failed(
                                "BackfillLinksFunction failed on its last attempt (boom)"));
    }

    @Test
    void aFailureLambdaRetriesIsShownWithTheTimeOfTheRetryAndWaitedOut() throws Exception {
        watched.notification =
                Optional.of(
                        entry(
                                NotificationLog.State.FAILED,
                                1,
                                line().put("detail", "boom")
                                        .put("retryAt", "2026-11-27T10:01:02.500Z")));
        watched.finishesAtLook(2, finishedImport());

        assertThat(watch()).isInstanceOf(ImportWatcher.Outcome.Finished.class);
        assertThat(shown).containsExactly("attempt 1 failed (boom); Lambda retries at 10:01:02");
    }

    @Test
    void aStartedAttemptIsShownAsRunning() throws Exception {
        watched.notification = Optional.of(entry(NotificationLog.State.STARTED, 2, line()));
        watched.finishesAtLook(2, finishedImport());

        watch();

        assertThat(shown).containsExactly("BackfillLinksFunction running (attempt 2)");
    }

    @Test
    void beforeAnyNotificationItShowsWhichFunctionItWaitsFor() throws Exception {
        watched.finishesAtLook(2, finishedImport());

        watch();

        assertThat(shown).containsExactly("waiting for BackfillLinksFunction");
    }

    @Test
    void noNotificationWithinTheDeliveryWaitEndsNamingTheStateFolder() throws Exception {
        ImportWatcher.Outcome outcome = watch();

        assertThat(outcome)
                .isEqualTo(
                        new ImportWatcher.Outcome.Failed(
                                "the dev process delivered no S3 event for the upload within 15"
                                        + " s (is ./linkcrawl dev running with its state in "
                                        + STATE
                                        + "?)"));
        assertThat(clock.instant())
                .isAfter(UPLOADED.plus(ImportWatcher.DELIVERY_WAIT))
                .isBefore(
                        UPLOADED.plus(ImportWatcher.DELIVERY_WAIT)
                                .plus(ImportWatcher.POLL_INTERVAL.multipliedBy(2)));
    }

    @Test
    void noResultWithinTheTimeoutSinceTheCommandBeganEndsNamingWhereTheResultWillBe()
            throws Exception {
        watched.notification = Optional.of(entry(NotificationLog.State.STARTED, 1, line()));

        ImportWatcher.Outcome outcome = watch();

        assertThat(outcome)
                .isEqualTo(
                        new ImportWatcher.Outcome.Failed(
                                "no result after 60 s; the import may still finish: "
                                        + RESULT_LOCATION));
        assertThat(clock.instant()).isEqualTo(BEGAN.plus(TIMEOUT));
    }

    @Test
    void anInterruptedPauseEndsAndKeepsTheInterrupt() throws Exception {
        watched.notification = Optional.of(entry(NotificationLog.State.STARTED, 1, line()));

        ImportWatcher.Outcome outcome =
                watcher(
                                duration -> {
                                    throw new InterruptedException();
                                })
                        .watch(watched, BEGAN, UPLOADED, (queued, status) -> {});

        assertThat(outcome).isEqualTo(new ImportWatcher.Outcome.Failed("interrupted"));
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void theLinksQueuedSoFarAreShownWithTheStatus() throws Exception {
        watched.linksQueued = OptionalLong.of(42);
        watched.finishesAtLook(2, finishedImport());
        List<OptionalLong> queued = new ArrayList<>();

        watcher(clock::advance)
                .watch(watched, BEGAN, UPLOADED, (links, status) -> queued.add(links));

        assertThat(queued).containsExactly(OptionalLong.of(42));
    }

    private ImportWatcher.Outcome watch() throws Exception {
        return watcher(clock::advance)
                .watch(watched, BEGAN, UPLOADED, (queued, status) -> shown.add(status));
    }

    private ImportWatcher watcher(ImportWatcher.Pause pause) {
        return new ImportWatcher(destination(), STATE, TIMEOUT, clock, pause);
    }

    private static ImportDestination destination() {
        return ImportDestination.of(
                SamTemplate.read(Path.of("../template.yaml")),
                new Endpoints(
                        1,
                        BEGAN,
                        URI.create("http://127.0.0.1:3000"),
                        URI.create("http://127.0.0.1:9324"),
                        URI.create("http://127.0.0.1:9200"),
                        URI.create("http://127.0.0.1:9090"),
                        URI.create("http://127.0.0.1:9400"),
                        Map.of(),
                        Map.of(
                                "ImportBucket",
                                new BucketResource(
                                        "ImportBucket",
                                        "linkcrawl-imports-000000000000-us-east-1"))),
                KEY);
    }

    private static JsonNode finishedImport() {
        return JSON.createObjectNode()
                .put("state", "finished")
                .put("complete", true)
                .put("accepted", 3);
    }

    private static ObjectNode line() {
        return JSON.createObjectNode();
    }

    private static NotificationLog.Entry completed(JsonNode output) {
        ObjectNode line = line();
        line.set("output", output);
        return entry(NotificationLog.State.COMPLETED, 1, line);
    }

    private static NotificationLog.Entry entry(
            NotificationLog.State state, int attempt, ObjectNode line) {
        return new NotificationLog.Entry(
                new NotificationLog.Delivery(
                        "BackfillLinksFunction",
                        "ImportUpload",
                        "linkcrawl-imports-000000000000-us-east-1",
                        KEY,
                        "etag"),
                attempt,
                state,
                line);
    }

    /** An import that finishes at a given look, if at all, its log showing one notification. */
    private static final class ScriptedImport implements ImportWatcher.Import {
        Optional<NotificationLog.Entry> notification = Optional.empty();
        OptionalLong linksQueued = OptionalLong.empty();
        private int finishesAtLook = Integer.MAX_VALUE;
        private int unreadableUntilLook;
        private JsonNode result;
        private int looks;

        void finishesAtLook(int look, JsonNode finished) {
            this.finishesAtLook = look;
            this.result = finished;
        }

        void unreadableUntilLook(int look) {
            this.unreadableUntilLook = look;
        }

        @Override
        public Optional<JsonNode> finished() throws IOException {
            looks++;
            if (looks <= unreadableUntilLook) {
                throw new IOException("GET /imports answered 503");
            }
            return looks >= finishesAtLook ? Optional.of(result) : Optional.empty();
        }

        @Override
        public Optional<NotificationLog.Entry> latestNotification() {
            return notification;
        }

        @Override
        public OptionalLong linksQueued() {
            return linksQueued;
        }
    }
}
