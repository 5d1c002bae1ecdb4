package dev.linkcrawl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkcrawl.index.OpenSearchAuth;
import dev.linkcrawl.url.HostPort;
import dev.linkcrawl.url.UrlPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

    @Test
    void defaultsApplyWhenNothingIsSet() {
        Settings settings = Settings.from(Map.of());

        assertThat(settings.region()).isEqualTo("us-east-1");
        assertThat(settings.queueUrl()).isEmpty();
        assertThat(settings.urlPolicy()).isEqualTo(UrlPolicy.DEFAULT);
        assertThat(settings.fetchDeadline()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.maxBodyBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(settings.maxRedirects()).isEqualTo(10);
        assertThat(settings.userAgent()).contains("linkcrawl").contains("+https://");
        assertThat(settings.maxReceives()).isEqualTo(5);
        assertThat(settings.openSearchEndpoint()).isEmpty();
        assertThat(settings.openSearchAuth()).isEqualTo(OpenSearchAuth.SIGV4);
        assertThat(settings.openSearchService()).isEqualTo("es");
        assertThat(settings.indexName()).isEqualTo("links");
    }

    @Test
    void readsTheOpenSearchVariables() {
        Settings settings =
                Settings.from(
                        Map.of(
                                "OPENSEARCH_ENDPOINT", "http://127.0.0.1:9200",
                                "OPENSEARCH_AUTH", "none",
                                "OPENSEARCH_SERVICE", "aoss",
                                "INDEX_NAME", "links-test"));

        assertThat(settings.requireOpenSearchEndpoint())
                .isEqualTo(URI.create("http://127.0.0.1:9200"));
        assertThat(settings.openSearchAuth()).isEqualTo(OpenSearchAuth.NONE);
        assertThat(settings.openSearchService()).isEqualTo("aoss");
        assertThat(settings.indexName()).isEqualTo("links-test");
    }

    @Test
    void readsTheAuthModeIgnoringCase() {
        assertThat(Settings.from(Map.of("OPENSEARCH_AUTH", "SigV4")).openSearchAuth())
                .isEqualTo(OpenSearchAuth.SIGV4);
    }

    @ParameterizedTest
    @CsvSource({
        "OPENSEARCH_AUTH, basic",
        "OPENSEARCH_SERVICE, s3",
        "INDEX_NAME, Links",
        "OPENSEARCH_ENDPOINT, search-links.eu-west-1.es.amazonaws.com",
        "OPENSEARCH_ENDPOINT, https://search-links.eu-west-1.es.amazonaws.com/links",
        "OPENSEARCH_ENDPOINT, ftp://127.0.0.1:9200"
    })
    void refusesABadOpenSearchValueNamingTheVariable(String variable, String value) {
        assertThatThrownBy(() -> Settings.from(Map.of(variable, value)))
                .isInstanceOfSatisfying(
                        InvalidSettingsException.class,
                        e ->
                                assertThat(e.problems())
                                        .singleElement()
                                        .asString()
                                        .startsWith(variable));
    }

    @Test
    void requireOpenSearchEndpointNamesTheMissingVariable() {
        assertThatThrownBy(() -> Settings.from(Map.of()).requireOpenSearchEndpoint())
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("OPENSEARCH_ENDPOINT");
    }

    @Test
    void readsPortsAndLoopbackExemptions() {
        Settings settings =
                Settings.from(
                        Map.of(
                                "ALLOWED_PORTS", "443, 8443",
                                "ALLOWED_PRIVATE_HOSTS", "127.0.0.1:8081,localhost:9000,[::1]:80"));

        assertThat(settings.urlPolicy().allowedPorts()).containsExactlyInAnyOrder(443, 8443);
        assertThat(settings.urlPolicy().exemptHosts())
                .containsExactlyInAnyOrder(
                        new HostPort("127.0.0.1", 8081),
                        new HostPort("localhost", 9000),
                        new HostPort("::1", 80));
    }

    @Test
    void refusesExemptionOfANonLoopbackHost() {
        assertThatThrownBy(() -> Settings.from(Map.of("ALLOWED_PRIVATE_HOSTS", "10.0.0.5:80")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("ALLOWED_PRIVATE_HOSTS")
                .hasMessageContaining("loopback");
    }

    @Test
    void reportsEveryBadVariableAtOnce() {
        assertThatThrownBy(
                        () ->
                                Settings.from(
                                        Map.of(
                                                "FETCH_DEADLINE_MS", "soon",
                                                "MAX_REDIRECTS", "99",
                                                "ALLOWED_PORTS", "http")))
                .isInstanceOfSatisfying(
                        InvalidSettingsException.class,
                        e ->
                                assertThat(e.problems())
                                        .hasSize(3)
                                        .anySatisfy(
                                                p -> assertThat(p).startsWith("FETCH_DEADLINE_MS"))
                                        .anySatisfy(p -> assertThat(p).startsWith("MAX_REDIRECTS"))
                                        .anySatisfy(
                                                p -> assertThat(p).startsWith("ALLOWED_PORTS")));
    }

    @Test
    void refusesDeadlineLongerThanTheFunctionCanWait() {
        assertThatThrownBy(() -> Settings.from(Map.of("FETCH_DEADLINE_MS", "30000")))
                .hasMessageContaining("1000 to 25000");
    }

    @Test
    void requireQueueUrlNamesTheMissingVariable() {
        assertThatThrownBy(() -> Settings.from(Map.of()).requireQueueUrl())
                .hasMessageContaining("QUEUE_URL");
    }

    @Test
    void refusesRelativeSqsEndpoint() {
        assertThatThrownBy(() -> Settings.from(Map.of("AWS_ENDPOINT_URL_SQS", "localhost:9324")))
                .hasMessageContaining("AWS_ENDPOINT_URL_SQS");
    }

    @Test
    void backfillDefaultsToThirtyDaysTenThousandLinksAndTheRealS3() {
        Settings settings = Settings.from(Map.of());

        assertThat(settings.recrawlAfterDays()).isEqualTo(30);
        assertThat(settings.recrawlMaxPerRun()).isEqualTo(10_000);
        assertThat(settings.s3Endpoint()).isEmpty();
    }

    @Test
    void readsBackfillVariables() {
        Settings settings =
                Settings.from(
                        Map.of(
                                "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9090",
                                "RECRAWL_AFTER_DAYS", "7",
                                "RECRAWL_MAX_PER_RUN", "500"));

        assertThat(settings.s3Endpoint()).contains(java.net.URI.create("http://127.0.0.1:9090"));
        assertThat(settings.recrawlAfterDays()).isEqualTo(7);
        assertThat(settings.recrawlMaxPerRun()).isEqualTo(500);
    }

    @Test
    void refusesRecrawlBoundsOutOfRange() {
        assertThatThrownBy(
                        () ->
                                Settings.from(
                                        Map.of(
                                                "RECRAWL_AFTER_DAYS", "0",
                                                "RECRAWL_MAX_PER_RUN", "lots")))
                .isInstanceOfSatisfying(
                        InvalidSettingsException.class,
                        e ->
                                assertThat(e.problems())
                                        .hasSize(2)
                                        .anySatisfy(
                                                p -> assertThat(p).startsWith("RECRAWL_AFTER_DAYS"))
                                        .anySatisfy(
                                                p ->
                                                        assertThat(p)
                                                                .startsWith(
                                                                        "RECRAWL_MAX_PER_RUN")));
    }
}
