package dev.linkcrawl.backfill;

import dev.linkcrawl.backfill.format.BookmarkFile;
import dev.linkcrawl.backfill.format.BookmarkReader;
import dev.linkcrawl.backfill.format.ImportEntry;
import dev.linkcrawl.backfill.format.ImportFormat;
import dev.linkcrawl.backfill.format.ParseProblem;
import dev.linkcrawl.backfill.format.UnsupportedContent;
import dev.linkcrawl.limit.OwnerQuotas;
import dev.linkcrawl.limit.QuotaUnavailableException;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlSource;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.link.TenantKey;
import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Importing an uploaded bookmark export: stream it, check each URL with the URL rules, and queue
 * each distinct valid link (source {@code import}, the export's tags and note kept) on the backfill
 * queue; then write the result beside the upload. Memory stays bounded whatever the file's size:
 * entries are read one at a time and only the ids met so far are remembered. Importing the same
 * file again is harmless: ids are derived from owner and URL, so the same links are queued with the
 * same ids.
 */
public final class ImportBookmarks {

    private final ImportStore store;
    private final BackfillQueue queue;
    private final UrlPolicy policy;
    private final Clock clock;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final ImportLimits limits;
    private final Optional<OwnerQuotas> quotas;

    /** How long past {@code stopBy} an import's place among the owner's imports lasts: 1 minute. */
    static final Duration PLACE_MARGIN = Duration.ofMinutes(1);

    /** The pool of {@link OwnerQuotas} places an import holds while it is read. */
    static final String IMPORTS_POOL = "imports";

    /** With the default {@link Backoff} and {@link ImportLimits}. */
    public ImportBookmarks(ImportStore store, BackfillQueue queue, UrlPolicy policy, Clock clock) {
        this(store, queue, policy, clock, Backoff.DEFAULT, Sleeper.SYSTEM, ImportLimits.DEFAULT);
    }

    public ImportBookmarks(
            ImportStore store,
            BackfillQueue queue,
            UrlPolicy policy,
            Clock clock,
            Backoff backoff,
            Sleeper sleeper,
            ImportLimits limits) {
        this(store, queue, policy, clock, backoff, sleeper, limits, Optional.empty());
    }

    /**
     * @param quotas where the owner's imports at once are counted; without it there is no such
     *     limit (imports work without the index)
     */
    public ImportBookmarks(
            ImportStore store,
            BackfillQueue queue,
            UrlPolicy policy,
            Clock clock,
            Backoff backoff,
            Sleeper sleeper,
            ImportLimits limits,
            Optional<OwnerQuotas> quotas) {
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.store = Objects.requireNonNull(store, "store");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The outcome of an import. */
    public sealed interface Outcome {
        /**
         * The file was read (wholly or not: see {@link ImportResult#stopped()}); the result is
         * written.
         */
        record Imported(ImportResult result) implements Outcome {}

        /** The upload no longer exists; nothing was queued or written. */
        record Missing(ImportUpload upload) implements Outcome {}
    }

    /**
     * Imports {@code upload}.
     *
     * @param stopBy when to stop reading, leaving time to send what is waiting and write the result
     * @throws IOException when the upload could not be opened or the result could not be written;
     *     running the import again is harmless
     */
    public Outcome run(ImportUpload upload, Instant stopBy) throws IOException {
        Objects.requireNonNull(upload, "upload");
        Objects.requireNonNull(stopBy, "stopBy");
        ImportTally tally = new ImportTally(limits.maxErrorsListed());
        Run run = new Run(upload, tally, stopBy);
        if (!takePlace(upload, stopBy)) {
            run.stopped =
                    Optional.of(
                            new ImportResult.Stop(
                                    0,
                                    StopReason.TOO_MANY_IMPORTS,
                                    OptionalInt.of(limits.importsAtOnce())));
            return written(upload, tally, run);
        }
        InputStream in;
        try {
            in = store.open(upload);
        } catch (ImportMissingException e) {
            leavePlace(upload);
            return new Outcome.Missing(upload);
        } catch (IOException | RuntimeException e) {
            leavePlace(upload);
            throw e;
        }
        try (in) {
            // A store that cannot take this cannot take the result either: fail, to be retried.
            store.writeResult(upload, ImportResult.started(upload.key(), clock.instant()));
            try {
                run.readAll(BookmarkFile.open(in, upload.fileName()));
            } catch (IOException e) {
                run.stop(StopReason.READ_FAILED);
            }
        } finally {
            run.flush();
            // Reading is over: the owner's next import may start while the result is written.
            leavePlace(upload);
        }
        return written(upload, tally, run);
    }

    private Outcome written(ImportUpload upload, ImportTally tally, Run run) throws IOException {
        ImportResult result =
                tally.result(
                        upload.key(), run.format, run.unsupported, run.stopped, clock.instant());
        store.writeResult(upload, result.toJson());
        return new Outcome.Imported(result);
    }

    /**
     * Takes one of the owner's places among imports being read; true without a limit, or when the
     * counts cannot be reached (an import is never refused because the index is down).
     */
    private boolean takePlace(ImportUpload upload, Instant stopBy) {
        if (quotas.isEmpty() || limits.importsAtOnce() == 0) {
            return true;
        }
        Instant now = clock.instant();
        Instant until = stopBy.equals(Instant.MAX) ? now.plus(Duration.ofMinutes(16)) : stopBy;
        try {
            return quotas.get()
                            .hold(
                                    IMPORTS_POOL,
                                    TenantKey.of(upload.owner()),
                                    upload.key(),
                                    limits.importsAtOnce(),
                                    now,
                                    until.plus(PLACE_MARGIN))
                    instanceof OwnerQuotas.Place.Held;
        } catch (QuotaUnavailableException e) {
            return true;
        }
    }

    private void leavePlace(ImportUpload upload) {
        if (quotas.isEmpty() || limits.importsAtOnce() == 0) {
            return;
        }
        try {
            quotas.get()
                    .release(
                            IMPORTS_POOL,
                            TenantKey.of(upload.owner()),
                            upload.key(),
                            Optional.empty());
        } catch (QuotaUnavailableException e) {
            // The place ends by itself shortly after the function's time is up.
        }
    }

    /** The state of one import. */
    private final class Run {
        private final ImportUpload upload;
        private final ImportTally tally;
        private final Instant stopBy;
        private final Instant submittedAt = clock.instant();
        private final SeenLinks seen = new SeenLinks();
        private final BatchSender sender;
        private ImportFormat format = ImportFormat.UNSUPPORTED;
        private Optional<UnsupportedContent> unsupported = Optional.empty();
        private Optional<ImportResult.Stop> stopped = Optional.empty();
        private int line;

        Run(ImportUpload upload, ImportTally tally, Instant stopBy) {
            this.upload = upload;
            this.tally = tally;
            this.stopBy = stopBy;
            this.sender = new BatchSender(queue, backoff, sleeper, tally);
        }

        void readAll(BookmarkReader reader) throws IOException {
            format = reader.format();
            unsupported = reader.unsupported();
            Optional<ImportEntry> next;
            while (stopped.isEmpty() && (next = reader.next()).isPresent()) {
                ImportEntry entry = next.get();
                line = entry.line();
                if (clock.instant().isAfter(stopBy)) {
                    stop(StopReason.TIME_LIMIT);
                    return;
                }
                switch (entry) {
                    case ImportEntry.Malformed malformed -> {
                        tally.invalid(line, malformed.problem().code());
                        if (malformed.problem().endsFile()) {
                            stop(StopReason.PARSE_ERROR);
                        }
                    }
                    case ImportEntry.Bookmark bookmark -> bookmark(bookmark);
                }
            }
        }

        private void bookmark(ImportEntry.Bookmark bookmark) {
            if (bookmark.url().indexOf('\ufffd') >= 0) {
                tally.invalid(line, ParseProblem.UNDECODABLE_URL.code());
                return;
            }
            switch (LinkUrl.check(bookmark.url(), policy)) {
                case UrlCheck.Rejected rejected -> tally.invalid(line, rejected.problem().code());
                case UrlCheck.Accepted accepted -> {
                    LinkId id = LinkId.of(upload.owner(), accepted.url());
                    if (!seen.add(id)) {
                        tally.duplicate();
                    } else if (seen.size() > limits.maxLinks()) {
                        stopped =
                                Optional.of(
                                        new ImportResult.Stop(
                                                line,
                                                StopReason.TOO_MANY_LINKS,
                                                OptionalInt.of(limits.maxLinks())));
                    } else {
                        send(
                                new CrawlMessage(
                                        id,
                                        accepted.url().value(),
                                        upload.owner(),
                                        submittedAt,
                                        CrawlSource.IMPORT,
                                        bookmark.tags(),
                                        bookmark.note()));
                    }
                }
            }
        }

        private void send(CrawlMessage message) {
            try {
                sender.add(message, line);
            } catch (QueueUnavailableException e) {
                stop(StopReason.QUEUE_UNAVAILABLE);
            }
        }

        /** Sends what is still waiting, whatever ended the reading. */
        void flush() {
            try {
                sender.flush();
            } catch (QueueUnavailableException e) {
                stop(StopReason.QUEUE_UNAVAILABLE);
            }
        }

        void stop(StopReason reason) {
            if (stopped.isEmpty()) {
                stopped = Optional.of(new ImportResult.Stop(line, reason));
            }
        }
    }
}
