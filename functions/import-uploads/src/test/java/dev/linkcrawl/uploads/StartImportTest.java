package dev.linkcrawl.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.api.ProblemType;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartImportTest {

    private final InMemoryImportObjects objects = new InMemoryImportObjects();
    private final StartImport startImport = new StartImport(objects, 1000);

    @Test
    void pinsTheUploadToTheCallersFolderAndDeclaredSize() {
        StartImport.Outcome.Started started =
                (StartImport.Outcome.Started)
                        startImport.start("alice", new UploadRequest(1000, Optional.empty()));

        assertThat(started.key()).isEqualTo("imports/alice/" + started.id().value());
        assertThat(started.id().value()).endsWith(".txt");
        assertThat(started.upload().headers()).containsEntry("content-length", "1000");
    }

    @Test
    void theUploadWorksForFifteenMinutes() {
        StartImport.Outcome.Started started =
                (StartImport.Outcome.Started)
                        startImport.start("alice", new UploadRequest(10, Optional.empty()));

        assertThat(started.upload().expiresAt())
                .isEqualTo(InMemoryImportObjects.SIGNED_AT.plus(Duration.ofMinutes(15)));
    }

    @Test
    void refusesASizeAboveTheCap() {
        StartImport.Outcome outcome =
                startImport.start("alice", new UploadRequest(1001, Optional.empty()));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        StartImport.Outcome.Refused.class,
                        refused ->
                                assertThat(refused.problem().type())
                                        .isEqualTo(ProblemType.UPLOAD_TOO_LARGE));
    }

    @Test
    void refusesAnOwnerThatCannotNameAFolder() {
        StartImport.Outcome outcome =
                startImport.start("alice/../bob", new UploadRequest(10, Optional.empty()));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        StartImport.Outcome.Refused.class,
                        refused ->
                                assertThat(refused.problem().type())
                                        .isEqualTo(ProblemType.IMPORT_REFUSED));
    }
}
