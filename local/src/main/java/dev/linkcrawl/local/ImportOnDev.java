package dev.linkcrawl.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkcrawl.local.s3.NotificationLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An uploaded import as a running {@code ./linkcrawl dev} shows it: through the imports API, in the
 * notification log of its state folder, on the importing function's queue.
 */
final class ImportOnDev implements ImportWatcher.Import {

    private final ImportsApi api;
    private final ImportsApi.Upload upload;
    private final String eTag;
    private final ImportDestination destination;
    private final Path stateFolder;
    private final QueueGrowth queue;

    /**
     * @param eTag the stored upload's, which tells its notifications from those of an earlier
     *     upload of the same key
     * @param queue the importing function's queue, counted from before the upload
     */
    ImportOnDev(
            ImportsApi api,
            ImportsApi.Upload upload,
            String eTag,
            ImportDestination destination,
            Path stateFolder,
            QueueGrowth queue) {
        this.api = api;
        this.upload = upload;
        this.eTag = eTag;
        this.destination = destination;
        this.stateFolder = stateFolder;
        this.queue = queue;
    }

    @Override
    public Optional<JsonNode> finished()
            throws IOException, InterruptedException, ImportsApi.RefusedException {
        return api.status(upload.id())
                .filter(status -> status.path("state").asText().equals("finished"));
    }

    /** Empty too while the log cannot be read: the watcher looks again shortly. */
    @Override
    public Optional<NotificationLog.Entry> latestNotification() {
        List<NotificationLog.Entry> entries;
        try {
            entries = NotificationLog.read(stateFolder);
        } catch (IOException e) {
            return Optional.empty();
        }
        NotificationLog.Entry latest = null;
        for (NotificationLog.Entry entry : entries) {
            if (entry.delivery().key().equals(destination.key())
                    && entry.delivery().eTag().equals(eTag)
                    && entry.delivery().function().equals(destination.function().logicalId())) {
                latest = entry;
            }
        }
        return Optional.ofNullable(latest);
    }

    @Override
    public OptionalLong linksQueued() {
        return queue.sinceStart();
    }
}
