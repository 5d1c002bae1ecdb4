package dev.linkcrawl.backfill;

import dev.linkcrawl.backfill.format.ImportFormat;
import dev.linkcrawl.backfill.format.UnsupportedContent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Counts one import as it runs; the error list is capped, the counts never are. */
final class ImportTally {

    /** The reason written for a valid link the queue did not store. */
    static final String NOT_ENQUEUED = "not_enqueued";

    private final int maxErrorsListed;
    private final List<ImportResult.LineError> errors = new ArrayList<>();
    private int errorsOmitted;
    private int accepted;
    private int duplicates;
    private int invalid;
    private int notEnqueued;

    ImportTally(int maxErrorsListed) {
        this.maxErrorsListed = maxErrorsListed;
    }

    void accepted(int count) {
        accepted += count;
    }

    void duplicate() {
        duplicates++;
    }

    void invalid(int line, String reason) {
        invalid++;
        error(line, reason);
    }

    void notEnqueued(int line) {
        notEnqueued++;
        error(line, NOT_ENQUEUED);
    }

    int acceptedCount() {
        return accepted;
    }

    int notEnqueuedCount() {
        return notEnqueued;
    }

    private void error(int line, String reason) {
        if (errors.size() < maxErrorsListed) {
            errors.add(new ImportResult.LineError(line, reason));
        } else {
            errorsOmitted++;
        }
    }

    ImportResult result(
            String key,
            ImportFormat format,
            Optional<UnsupportedContent> unsupported,
            Optional<ImportResult.Stop> stopped,
            Instant at) {
        // Not-enqueued errors are found a batch late: list every error in file order.
        List<ImportResult.LineError> ordered = new ArrayList<>(errors);
        ordered.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new ImportResult(
                key,
                format,
                unsupported,
                accepted,
                duplicates,
                invalid,
                notEnqueued,
                ordered,
                errorsOmitted,
                stopped,
                at);
    }
}
