package dev.linkcrawl.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkcrawl.config.InvalidSettingsException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackfillSettingsTest {

    @Test
    void defaultsToThirtyDaysTenThousandLinksAndTheRealS3() {
        BackfillSettings settings = BackfillSettings.from(Map.of("QUEUE_URL", "https://q"));

        assertThat(settings.recrawlAfterDays()).isEqualTo(30);
        assertThat(settings.recrawlMaxPerRun()).isEqualTo(10_000);
        assertThat(settings.s3Endpoint()).isEmpty();
        assertThat(settings.shared().requireQueueUrl()).isEqualTo("https://q");
    }

    @Test
    void readsItsOwnVariablesFromTheSameEnvironment() {
        BackfillSettings settings =
                BackfillSettings.from(
                        Map.of(
                                "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9090",
                                "RECRAWL_AFTER_DAYS", "7",
                                "RECRAWL_MAX_PER_RUN", "500"));

        assertThat(settings.s3Endpoint()).contains(URI.create("http://127.0.0.1:9090"));
        assertThat(settings.recrawlAfterDays()).isEqualTo(7);
        assertThat(settings.recrawlMaxPerRun()).isEqualTo(500);
    }

    @Test
    void namesEveryBadVariableSharedOnesIncluded() {
        assertThatThrownBy(
                        () ->
                                BackfillSettings.from(
                                        Map.of(
                                                "RECRAWL_AFTER_DAYS", "0",
                                                "RECRAWL_MAX_PER_RUN", "lots",
                                                "AWS_ENDPOINT_URL_S3", "127.0.0.1:9090",
                                                "FETCH_DEADLINE_MS", "1")))
                .isInstanceOfSatisfying(
                        InvalidSettingsException.class,
                        e ->
                                assertThat(e.problems())
                                        .hasSize(4)
                                        .anySatisfy(
                                                p -> assertThat(p).startsWith("RECRAWL_AFTER_DAYS"))
                                        .anySatisfy(
                                                p ->
                                                        assertThat(p)
                                                                .startsWith("RECRAWL_MAX_PER_RUN"))
                                        .anySatisfy(
                                                p ->
                                                        assertThat(p)
                                                                .startsWith("AWS_ENDPOINT_URL_S3"))
                                        .anySatisfy(
                                                p ->
                                                        assertThat(p)
                                                                .startsWith("FETCH_DEADLINE_MS")));
    }
}
