package dev.linkcrawl.prime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import org.junit.jupiter.api.Test;

class CommonPathsTest {

    @Test
    void runWithoutFailing() {
        assertThatCode(() -> CommonPaths.exercise(UrlPolicy.DEFAULT)).doesNotThrowAnyException();
    }

    @Test
    void samplesIncludeAnInternationalisedHostTheRulesMap() {
        assertThat(CommonPaths.SAMPLE_URLS)
                .anySatisfy(
                        raw ->
                                assertThat(LinkUrl.check(raw, UrlPolicy.DEFAULT))
                                        .isInstanceOfSatisfying(
                                                UrlCheck.Accepted.class,
                                                accepted ->
                                                        assertThat(accepted.url().host())
                                                                .startsWith("xn--")));
    }

    @Test
    void samplesIncludeRefusedUrls() {
        assertThat(CommonPaths.SAMPLE_URLS)
                .anySatisfy(
                        raw ->
                                assertThat(LinkUrl.check(raw, UrlPolicy.DEFAULT))
                                        .isInstanceOf(UrlCheck.Rejected.class));
    }
}
