package dev.linkcrawl.uploads;

import dev.linkcrawl.api.Problem;
import dev.linkcrawl.api.ProblemType;
import dev.linkcrawl.imports.ImportKeyLayout;
import dev.linkcrawl.index.SavedLinks;
import dev.linkcrawl.link.ClientPageKey;
import dev.linkcrawl.link.LinkId;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code POST /links/{id}/page}: hands the caller one upload of a page for one of their saved links
 * (a page their browser can read and the crawler could not), pinned to a key under their folder and
 * that link ({@link ClientPageKey}) and to the size they declared, which must be within the crawl's
 * fetch cap: a sent page is held to the size a fetched one is. Only the caller's token names the
 * owner, and the link must be theirs, so nobody can send a page into someone else's link.
 */
public final class StartPageUpload {

    /** How long an upload URL works: 5 minutes, for a page the browser already holds. */
    public static final Duration UPLOAD_VALID_FOR = Duration.ofMinutes(5);

    private final ImportObjects objects;
    private final SavedLinks links;
    private final long maxBytes;

    /**
     * @param maxBytes the crawl's fetch cap ({@code MAX_BODY_BYTES})
     */
    public StartPageUpload(ImportObjects objects, SavedLinks links, long maxBytes) {
        this.objects = Objects.requireNonNull(objects, "objects");
        this.links = Objects.requireNonNull(links, "links");
        this.maxBytes = maxBytes;
    }

    /** What came of the request. */
    public sealed interface Outcome {
        /** The upload to make; the page is read into the link when it lands. */
        record Started(LinkId id, ClientPageKey key, PresignedUpload upload, long maxBytes)
                implements Outcome {}

        record Refused(Problem problem) implements Outcome {}
    }

    /**
     * @param rawId the link id as the path gives it
     * @throws StorageUnavailableException when the upload cannot be signed
     * @throws dev.linkcrawl.index.LinkIndexException when the index cannot say whose the link is
     */
    public Outcome start(String owner, String rawId, UploadRequest request) {
        if (!LinkId.isWellFormed(rawId)) {
            return new Outcome.Refused(
                    Problem.of(
                            ProblemType.INVALID_PARAMETER,
                            "a link id is 32 lowercase hex characters",
                            "/path/id",
                            "malformed"));
        }
        if (request.size() > maxBytes) {
            return new Outcome.Refused(
                    Problem.of(
                            ProblemType.UPLOAD_TOO_LARGE,
                            "a page may be at most "
                                    + maxBytes
                                    + " bytes, as much as the crawler reads of one (MaxBodyBytes)",
                            "/size",
                            "too_large"));
        }
        if (!ImportKeyLayout.isValidOwner(owner)) {
            return new Outcome.Refused(
                    Problem.of(
                            ProblemType.IMPORT_REFUSED,
                            "sent pages are kept in a folder named by your user id, and yours"
                                    + " contains '/' or a control character"));
        }
        LinkId id = new LinkId(rawId);
        if (!links.isSaved(owner, id)) {
            return new Outcome.Refused(
                    Problem.of(
                            ProblemType.NOT_FOUND,
                            "there is no link with this id among your links"));
        }
        ClientPageKey key = ClientPageKey.next(owner, id);
        return new Outcome.Started(
                id,
                key,
                objects.presignUpload(key.value(), request.size(), UPLOAD_VALID_FOR),
                maxBytes);
    }
}
