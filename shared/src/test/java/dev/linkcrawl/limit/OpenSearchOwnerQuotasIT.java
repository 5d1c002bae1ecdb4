package dev.linkcrawl.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.link.TenantKey;
import dev.linkcrawl.testing.backend.TestOpenSearch;
import dev.linkcrawl.testing.backend.TestOpenSearchExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestOpenSearchExtension.class)
class OpenSearchOwnerQuotasIT extends OwnerQuotasContract {

    private static final AtomicInteger INDEX_NUMBER = new AtomicInteger();

    private final TestOpenSearch openSearch;
    private final String indexName = "quotas-it-" + INDEX_NUMBER.incrementAndGet();
    private final OpenSearchOwnerQuotas quotas;

    OpenSearchOwnerQuotasIT(TestOpenSearch openSearch) {
        this.openSearch = openSearch;
        this.quotas = open(Duration.ofSeconds(5));
    }

    private OpenSearchOwnerQuotas open(Duration timeout) {
        return OpenSearchOwnerQuotas.create(
                Settings.from(
                        Map.of(
                                "OPENSEARCH_ENDPOINT",
                                openSearch.endpoint().toString(),
                                "OPENSEARCH_AUTH",
                                openSearch.authSetting(),
                                "INDEX_NAME",
                                indexName)),
                timeout);
    }

    @AfterEach
    void close() {
        quotas.close();
    }

    @Override
    OwnerQuotas quotas() {
        return quotas;
    }

    @Test
    void createsItsIndexUnmappedSoHolderIdsNeverBecomeFields() {
        TenantKey tenant = TenantKey.of("alice");
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) {
            quotas.hold("crawl:Q", tenant, "message-" + i, 10, now, now.plusSeconds(30));
        }

        JsonNode mapping = get("/" + indexName + OpenSearchOwnerQuotas.INDEX_SUFFIX + "/_mapping");

        JsonNode mappings =
                mapping.path(indexName + OpenSearchOwnerQuotas.INDEX_SUFFIX).path("mappings");
        assertThat(mappings.path("dynamic").asText()).isEqualTo("false");
        assertThat(mappings.path("properties").size()).isZero();
    }

    @Test
    void anUnreachableStoreSaysSoInsteadOfAnswering() {
        assumeStoppable();
        openSearch.stop();
        try (OpenSearchOwnerQuotas cold = open(Duration.ofMillis(500))) {
            assertThatThrownBy(() -> cold.countLinks(TenantKey.of("bob"), LocalDate.now(), 5, 1))
                    .isInstanceOf(QuotaUnavailableException.class);
        } finally {
            openSearch.start();
        }
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(openSearch.endpoint().resolve(path))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void assumeStoppable() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                openSearch.canStop(), "only an embedded node can be stopped for one test");
    }
}
