package dev.linkcrawl.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DerivedTemplateTest {

    @TempDir Path home;

    @Test
    void changesOnlyTheNamedFunctionsTimeoutAndAnchorsCodeUris() throws Exception {
        String original = Files.readString(DevProcess.ROOT.resolve("template.yaml"));

        String derived =
                Files.readString(
                        DerivedTemplate.withTimeout(home, "CrawlLinkFunction", 8)
                                .resolve("template.yaml"));

        assertThat(derived)
                .contains("CodeUri: " + DevProcess.ROOT.resolve("functions") + "/crawl-link/")
                .doesNotContain("CodeUri: functions/");
        assertThat(count(derived, "      Timeout: 8\n")).isEqualTo(1);
        assertThat(count(derived, "      Timeout: 30\n"))
                .isEqualTo(count(original, "      Timeout: 30\n") - 1);
        assertThat(derived.lines().count()).isEqualTo(original.lines().count());
    }

    @Test
    void refusesAFunctionTheTemplateDoesNotHave() {
        assertThatThrownBy(() -> DerivedTemplate.withTimeout(home, "NoSuchFunction", 8))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NoSuchFunction");
    }

    private static long count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1L;
    }
}
