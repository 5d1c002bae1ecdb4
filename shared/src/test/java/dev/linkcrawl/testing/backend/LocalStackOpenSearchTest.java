package dev.linkcrawl.testing.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalStackOpenSearchTest {

    @ParameterizedTest
    @CsvSource({
        "localhost:4510, 4510",
        "http://localhost:4511, 4511",
        "http://localhost:4512/, 4512",
        "127.0.0.1:4513, 4513"
    })
    void readsThePortOfADomainEndpoint(String endpoint, int port) {
        assertThat(LocalStackOpenSearch.port(endpoint)).isEqualTo(port);
    }

    @Test
    void refusesADomainEndpointWithoutAPort() {
        assertThatThrownBy(
                        () ->
                                LocalStackOpenSearch.port(
                                        "linkcrawl-test.us-east-1.opensearch.amazonaws.com"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPENSEARCH_ENDPOINT_STRATEGY=port");
    }
}
