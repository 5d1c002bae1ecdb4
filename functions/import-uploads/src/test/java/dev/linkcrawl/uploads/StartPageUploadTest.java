package dev.linkcrawl.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkcrawl.api.ProblemType;
import dev.linkcrawl.index.LinkIndexException;
import dev.linkcrawl.index.SavedLinks;
import dev.linkcrawl.link.LinkId;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartPageUploadTest {

    private static final String ALICES = "0123456789abcdef0123456789abcdef";

    private final InMemoryImportObjects objects = new InMemoryImportObjects();
    private final SavedLinks links =
            (owner, id) -> owner.equals("alice") && id.equals(new LinkId(ALICES));
    private final StartPageUpload pages = new StartPageUpload(objects, links, 1000);

    @Test
    void pinsTheUploadUnderTheCallerAndTheirLinkAndToTheDeclaredSize() {
        StartPageUpload.Outcome.Started started = started("alice", ALICES, 1000);

        assertThat(started.key().value()).matches("pages/alice/" + ALICES + "/[0-9a-f]{32}\\.html");
        assertThat(started.key().owner()).isEqualTo("alice");
        assertThat(started.id()).isEqualTo(new LinkId(ALICES));
        assertThat(started.upload().url().toString()).contains(started.key().value());
        assertThat(started.upload().headers()).containsEntry("content-length", "1000");
        assertThat(started.maxBytes()).isEqualTo(1000);
    }

    @Test
    void theUploadWorksForFiveMinutes() {
        assertThat(started("alice", ALICES, 10).upload().expiresAt())
                .isEqualTo(InMemoryImportObjects.SIGNED_AT.plus(Duration.ofMinutes(5)));
    }

    @Test
    void anotherUsersLinkIsNotFound() {
        assertThat(refusal("mallory", ALICES, 10)).isEqualTo(ProblemType.NOT_FOUND);
    }

    @Test
    void aLinkNeverSavedIsNotFound() {
        assertThat(refusal("alice", "ffffffffffffffffffffffffffffffff", 10))
                .isEqualTo(ProblemType.NOT_FOUND);
    }

    @Test
    void aMalformedIdIsAnInvalidParameter() {
        assertThat(refusal("alice", "../imports", 10)).isEqualTo(ProblemType.INVALID_PARAMETER);
        assertThat(refusal("alice", ALICES.toUpperCase(), 10))
                .isEqualTo(ProblemType.INVALID_PARAMETER);
    }

    @Test
    void aPageAboveTheFetchCapIsTooLarge() {
        assertThat(refusal("alice", ALICES, 1001)).isEqualTo(ProblemType.UPLOAD_TOO_LARGE);
    }

    @Test
    void anOwnerThatCannotNameAFolderIsRefused() {
        assertThat(refusal("alice/../bob", ALICES, 10)).isEqualTo(ProblemType.IMPORT_REFUSED);
    }

    @Test
    void anIndexThatCannotAnswerIsNotTakenForAMissingLink() {
        StartPageUpload down =
                new StartPageUpload(
                        objects,
                        (owner, id) -> {
                            throw new LinkIndexException(
                                    LinkIndexException.Reason.UNREACHABLE, 0, "down", null);
                        },
                        1000);

        assertThatThrownBy(
                        () -> down.start("alice", ALICES, new UploadRequest(10, Optional.empty())))
                .isInstanceOf(LinkIndexException.class);
    }

    private StartPageUpload.Outcome.Started started(String owner, String id, long size) {
        return (StartPageUpload.Outcome.Started)
                pages.start(owner, id, new UploadRequest(size, Optional.empty()));
    }

    private ProblemType refusal(String owner, String id, long size) {
        StartPageUpload.Outcome outcome =
                pages.start(owner, id, new UploadRequest(size, Optional.empty()));
        assertThat(outcome).isInstanceOf(StartPageUpload.Outcome.Refused.class);
        return ((StartPageUpload.Outcome.Refused) outcome).problem().type();
    }
}
