package dev.linkcrawl.uploads;

import dev.linkcrawl.api.Problem;
import dev.linkcrawl.api.ProblemType;
import dev.linkcrawl.imports.ImportKeyLayout;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code POST /imports}: hands the caller one upload, pinned to a key in their own folder ({@code
 * imports/<owner>/<random id>.<ext>}) and to the size they declared, which must be within the
 * import cap. Only the caller's token names the owner, so nobody can import as someone else; the
 * bucket takes uploads only through such URLs.
 */
public final class StartImport {

    /** How long an upload URL works: 15 minutes. */
    public static final Duration UPLOAD_VALID_FOR = Duration.ofMinutes(15);

    private final ImportObjects objects;
    private final long maxBytes;

    public StartImport(ImportObjects objects, long maxBytes) {
        this.objects = Objects.requireNonNull(objects, "objects");
        this.maxBytes = maxBytes;
    }

    /** What came of the request. */
    public sealed interface Outcome {
        /** The upload to make; the import begins when it lands. */
        record Started(ImportId id, String key, PresignedUpload upload, long maxBytes)
                implements Outcome {}

        record Refused(Problem problem) implements Outcome {}
    }

    /**
     * @throws StorageUnavailableException when the upload cannot be signed
     */
    public Outcome start(String owner, UploadRequest request) {
        if (!ImportKeyLayout.isValidOwner(owner)) {
            return new Outcome.Refused(
                    Problem.of(
                            ProblemType.IMPORT_REFUSED,
                            "imports are kept in a folder named by your user id, and yours"
                                    + " contains '/' or a control character"));
        }
        if (request.size() > maxBytes) {
            return new Outcome.Refused(
                    Problem.of(
                            ProblemType.UPLOAD_TOO_LARGE,
                            "an import may be at most "
                                    + maxBytes
                                    + " bytes; split the file or raise ImportMaxBytes",
                            "/size",
                            "too_large"));
        }
        ImportId id = ImportId.next(request.fileName());
        String key = id.uploadKey(owner);
        return new Outcome.Started(
                id, key, objects.presignUpload(key, request.size(), UPLOAD_VALID_FOR), maxBytes);
    }
}
