package dev.linkcrawl.uploads;

import dev.linkcrawl.imports.ImportKeyLayout;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /imports/{id}}: the caller's import as far as it has come. The importing function
 * writes a result marked {@code "complete": false} when it starts and replaces it when it ends, so
 * an import that crashed stays visibly incomplete. Another user's import, an id that names none and
 * an upload never made are all the same {@link Outcome.Unknown}.
 */
public final class ImportStatus {

    private final ImportObjects objects;

    public ImportStatus(ImportObjects objects) {
        this.objects = Objects.requireNonNull(objects, "objects");
    }

    /** What the caller's import has come to. */
    public sealed interface Outcome {
        /** The result the importing function wrote (while it runs, or when it ended). */
        record Result(ImportId id, String key, byte[] json) implements Outcome {}

        /** The file is uploaded, and the import has not begun. */
        record Uploaded(ImportId id, String key) implements Outcome {}

        record Unknown() implements Outcome {}
    }

    /**
     * @throws StorageUnavailableException when the bucket cannot answer
     */
    public Outcome of(String owner, String rawId) {
        Optional<ImportId> id = ImportId.parse(rawId);
        if (id.isEmpty() || !ImportKeyLayout.isValidOwner(owner)) {
            return new Outcome.Unknown();
        }
        String key = id.get().uploadKey(owner);
        Optional<byte[]> result = objects.read(id.get().resultKey(owner));
        if (result.isPresent()) {
            return new Outcome.Result(id.get(), key, result.get());
        }
        return objects.exists(key) ? new Outcome.Uploaded(id.get(), key) : new Outcome.Unknown();
    }
}
