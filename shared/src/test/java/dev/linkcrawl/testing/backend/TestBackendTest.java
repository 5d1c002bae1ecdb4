package dev.linkcrawl.testing.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkcrawl.testing.backend.TestBackend.Choice;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestBackendTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;
    private static final BooleanSupplier NEVER_ASKED =
            () -> {
                throw new AssertionError("Docker must not be asked");
            };

    @Test
    void unsetMeansAutoAndChoosesLocalStackWhenDockerAnswers() {
        assertThat(TestBackend.choose(null, null, DOCKER).backend())
                .isEqualTo(TestBackend.LOCALSTACK);
    }

    @Test
    void unsetMeansAutoAndFallsBackToEmbeddedWithoutDocker() {
        Choice choice = TestBackend.choose(null, null, NO_DOCKER);

        assertThat(choice.backend()).isEqualTo(TestBackend.EMBEDDED);
        assertThat(choice.reason()).contains("no Docker engine").contains("falling back");
    }

    @Test
    void blankMeansAuto() {
        assertThat(TestBackend.choose(" ", "", NO_DOCKER).backend())
                .isEqualTo(TestBackend.EMBEDDED);
        assertThat(TestBackend.choose("", " ", DOCKER).backend()).isEqualTo(TestBackend.LOCALSTACK);
    }

    @Test
    void autoChoosesLocalStackWhenDockerAnswers() {
        assertThat(TestBackend.choose("auto", null, DOCKER).backend())
                .isEqualTo(TestBackend.LOCALSTACK);
    }

    @Test
    void embeddedIsChosenWithoutAskingDocker() {
        assertThat(TestBackend.choose("embedded", null, NEVER_ASKED).backend())
                .isEqualTo(TestBackend.EMBEDDED);
    }

    @Test
    void localStackIsChosenWhenDockerAnswers() {
        assertThat(TestBackend.choose("localstack", null, DOCKER).backend())
                .isEqualTo(TestBackend.LOCALSTACK);
    }

    @Test
    void localStackWithoutDockerFailsInsteadOfFallingBack() {
        assertThatThrownBy(() -> TestBackend.choose("localstack", null, NO_DOCKER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LINKCRAWL_TEST_BACKEND=localstack")
                .hasMessageContaining("no Docker engine answers");
    }

    @Test
    void systemPropertyWinsOverEnvironment() {
        assertThat(TestBackend.choose("embedded", "localstack", NEVER_ASKED).backend())
                .isEqualTo(TestBackend.EMBEDDED);
    }

    @Test
    void environmentIsReadWhenNoSystemPropertyIsSet() {
        assertThat(TestBackend.choose(null, "embedded", NEVER_ASKED).backend())
                .isEqualTo(TestBackend.EMBEDDED);
        assertThatThrownBy(() -> TestBackend.choose(null, "localstack", NO_DOCKER))
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EMBEDDED", " Embedded ", "embedded\n"})
    void valueIgnoresCaseAndSurroundingSpace(String setting) {
        assertThat(TestBackend.choose(setting, null, NEVER_ASKED).backend())
                .isEqualTo(TestBackend.EMBEDDED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "local-stack", "none", "true"})
    void unknownValueIsRefusedNamingTheAllowedOnes(String setting) {
        assertThatThrownBy(() -> TestBackend.choose(setting, null, NEVER_ASKED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("embedded, localstack or auto")
                .hasMessageContaining("'" + setting + "'");
    }
}
