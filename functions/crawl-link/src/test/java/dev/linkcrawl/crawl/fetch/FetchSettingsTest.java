package dev.linkcrawl.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.linkcrawl.url.UrlPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FetchSettingsTest {

    @Test
    void defaultsAreTheDocumentedNumbers() {
        FetchSettings settings = FetchSettings.defaults();

        assertThat(settings.deadline()).isEqualTo(Duration.ofMillis(15_000));
        assertThat(settings.maxBodyBytes()).isEqualTo(5_242_880L);
        assertThat(settings.maxRedirects()).isEqualTo(10);
        assertThat(settings.userAgent())
                .isEqualTo("linkcrawl/0.1 (+https://github.com/linkcrawl/linkcrawl)");
        assertThat(settings.urlPolicy()).isEqualTo(UrlPolicy.DEFAULT);
        assertThat(FetchSettings.MAX_HEADER_BYTES).isEqualTo(65_536);
    }

    @Test
    void refusesNonPositiveOrHugeDeadlines() {
        FetchSettings settings = FetchSettings.defaults();

        assertThatIllegalArgumentException().isThrownBy(() -> settings.withDeadline(Duration.ZERO));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings.withDeadline(Duration.ofMillis(-1)));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings.withDeadline(Duration.ofMinutes(16)));
    }

    @Test
    void refusesBodyCapsOutsideOneByteTo64MiB() {
        FetchSettings settings = FetchSettings.defaults();

        assertThatIllegalArgumentException().isThrownBy(() -> settings.withMaxBodyBytes(0));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings.withMaxBodyBytes(64L * 1024 * 1024 + 1));
        assertThat(settings.withMaxBodyBytes(1).maxBodyBytes()).isEqualTo(1);
    }

    @Test
    void refusesRedirectLimitsOutsideZeroToFifty() {
        FetchSettings settings = FetchSettings.defaults();

        assertThatIllegalArgumentException().isThrownBy(() -> settings.withMaxRedirects(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> settings.withMaxRedirects(51));
        assertThat(settings.withMaxRedirects(0).maxRedirects()).isZero();
    }

    @Test
    void refusesUserAgentsThatCouldBreakTheHeader() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                new FetchSettings(
                                        Duration.ofSeconds(1),
                                        1,
                                        1,
                                        "a\r\nX-Injected: 1",
                                        UrlPolicy.DEFAULT));
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                new FetchSettings(
                                        Duration.ofSeconds(1), 1, 1, " ", UrlPolicy.DEFAULT));
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                new FetchSettings(
                                        Duration.ofSeconds(1), 1, 1, "ü", UrlPolicy.DEFAULT));
    }
}
