package dev.linkcrawl.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkcrawl.local.s3.NotificationLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Follows an uploaded import until it ends: its state ({@code GET /imports/{id}}), the dev
 * process's notifications of the upload ({@link NotificationLog}) and the links its function
 * queues, looked at every {@link #POLL_INTERVAL}. It ends when the import is finished, when the
 * function cannot or will no longer run it, when the dev process never delivers the upload's event,
 * or at the timeout.
 */
final class ImportWatcher {

    /** How often it looks at the import, the log and the queue: 200 ms. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    /** How long the dev process may take to notice the upload: 15 s (it looks every 250 ms). */
    static final Duration DELIVERY_WAIT = Duration.ofSeconds(15);

    /**
     * How long the result may take to read as finished once the function returned: 10 s. It is
     * written before the function returns, but the API that reads it may be slow to answer on a
     * loaded machine.
     */
    static final Duration RESULT_WAIT = Duration.ofSeconds(10);

    /** The import as the watcher sees it. */
    interface Import {
        /**
         * The import once its final result is written.
         *
         * @throws IOException when it could not be read this time (looked at again)
         */
        Optional<JsonNode> finished()
                throws IOException, InterruptedException, ImportsApi.RefusedException;

        /** The latest step the notification log records for the upload. */
        Optional<NotificationLog.Entry> latestNotification();

        /** Links the function has queued so far, if the queue can be read. */
        OptionalLong linksQueued();
    }

    /** Where it shows what is happening while it waits. */
    interface Progress {
        void show(OptionalLong linksQueued, String status);
    }

    /** How it waits between looks: {@code Thread::sleep}, or a clock moved on in tests. */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /** How the import ended, as far as the command can tell. */
    sealed interface Outcome {
        /** The import's final state ({@code GET /imports/{id}}), {@code took} after the upload. */
        record Finished(JsonNode result, Duration took) implements Outcome {}

        /** No result will come, or none came in time: why. */
        record Failed(String message) implements Outcome {}
    }

    private final ImportDestination destination;
    private final Path stateFolder;
    private final Duration timeout;
    private final Clock clock;
    private final Pause pause;

    /**
     * @param stateFolder the dev process's, named when it delivers nothing
     * @param timeout how long after the command began it gives up
     * @param clock its time, and the zone it tells the time of a retry in
     */
    ImportWatcher(
            ImportDestination destination,
            Path stateFolder,
            Duration timeout,
            Clock clock,
            Pause pause) {
        this.destination = destination;
        this.stateFolder = stateFolder;
        this.timeout = timeout;
        this.clock = clock;
        this.pause = pause;
    }

    /**
     * Follows {@code watched} until it ends or until {@code timeout} after {@code began}.
     *
     * @param uploaded when the upload was stored, from which the delivery wait and the import's
     *     duration count
     */
    Outcome watch(Import watched, Instant began, Instant uploaded, Progress progress)
            throws IOException, InterruptedException, ImportsApi.RefusedException {
        Instant giveUpAt = began.plus(timeout);
        String function = destination.function().logicalId();
        String status = "waiting for " + function;
        Optional<String> unread = Optional.empty();
        Optional<Instant> returnedSeenAt = Optional.empty();
        while (clock.instant().isBefore(giveUpAt)) {
            try {
                Optional<JsonNode> finished = watched.finished();
                if (finished.isPresent()) {
                    return finished(finished.get(), uploaded);
                }
                unread = Optional.empty();
            } catch (IOException e) {
                unread = Optional.of(String.valueOf(e.getMessage()));
            }
            Optional<NotificationLog.Entry> latest = watched.latestNotification();
            if (latest.isEmpty()
                    && Duration.between(uploaded, clock.instant()).compareTo(DELIVERY_WAIT) > 0) {
                return new Outcome.Failed(
                        "the dev process delivered no S3 event for the upload within "
                                + DELIVERY_WAIT.toSeconds()
                                + " s (is ./linkcrawl dev running with its state in "
                                + stateFolder
                                + "?)");
            }
            if (latest.isPresent()) {
                NotificationLog.Entry entry = latest.get();
                switch (entry.state()) {
                    case UNDELIVERABLE -> {
                        return new Outcome.Failed(
                                entry.detail().orElse(function + " is not available"));
                    }
                    case COMPLETED -> {
                        Instant now = clock.instant();
                        returnedSeenAt = returnedSeenAt.or(() -> Optional.of(now));
                        if (Duration.between(returnedSeenAt.get(), now).compareTo(RESULT_WAIT)
                                >= 0) {
                            return completedWithoutResult(entry, unread);
                        }
                        status = function + " returned; reading its result";
                    }
                    case FAILED -> {
                        if (entry.isFinal()) {
                            return new Outcome.Failed(
                                    function
                                            + " failed on its last attempt ("
                                            + entry.detail().orElse("no detail")
                                            + ")");
                        }
                        status =
                                "attempt "
                                        + entry.attempt()
                                        + " failed ("
                                        + entry.detail().orElse("no detail")
                                        + "); Lambda retries at "
                                        + entry.retryAt().map(this::clockTime).orElse("?");
                    }
                    case STARTED ->
                            status = function + " running (attempt " + entry.attempt() + ")";
                }
            }
            progress.show(watched.linksQueued(), status + unreadNote(unread));
            try {
                pause.pause(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome.Failed("interrupted");
            }
        }
        return new Outcome.Failed(
                "no result after "
                        + timeout.toSeconds()
                        + " s; the import may still finish: s3://"
                        + destination.bucket().bucketName()
                        + "/"
                        + destination.resultKey());
    }

    /** The function returned long ago and its result still does not read as finished. */
    private Outcome completedWithoutResult(NotificationLog.Entry entry, Optional<String> unread) {
        return new Outcome.Failed(
                destination.function().logicalId()
                        + " completed without writing "
                        + destination.resultKey()
                        + "; it answered "
                        + entry.output().map(JsonNode::toString).orElse("null")
                        + unreadNote(unread));
    }

    private static String unreadNote(Optional<String> unread) {
        return unread.map(problem -> " (the import could not be read: " + problem + ")").orElse("");
    }

    private Outcome finished(JsonNode result, Instant uploaded) {
        return new Outcome.Finished(result, Duration.between(uploaded, clock.instant()));
    }

    private String clockTime(Instant instant) {
        return LocalTime.ofInstant(instant, clock.getZone())
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }
}
