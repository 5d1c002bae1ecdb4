package dev.linkcrawl.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailureCodeTest {

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void serverErrorsTimeoutsAndThrottlingAreRetryable(int status) {
        assertThat(FailureCode.HTTP_STATUS.isRetryable(status)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {300, 304, 400, 401, 403, 404, 410, 451})
    void otherStatusesAreFinal(int status) {
        assertThat(FailureCode.HTTP_STATUS.isRetryable(status)).isFalse();
    }

    @Test
    void transientNetworkFailuresAreRetryable() {
        assertThat(FailureCode.TIMEOUT.retryable()).isTrue();
        assertThat(FailureCode.DNS_TIMEOUT.retryable()).isTrue();
        assertThat(FailureCode.DNS_FAILURE.retryable()).isTrue();
        assertThat(FailureCode.CONNECT_FAILED.retryable()).isTrue();
        assertThat(FailureCode.CONNECTION_RESET.retryable()).isTrue();
    }

    @Test
    void policyAndPermanentFailuresAreNot() {
        assertThat(FailureCode.BLOCKED_ADDRESS.retryable()).isFalse();
        assertThat(FailureCode.DNS_NXDOMAIN.retryable()).isFalse();
        assertThat(FailureCode.TOO_MANY_REDIRECTS.retryable()).isFalse();
        assertThat(FailureCode.REDIRECT_LOOP.retryable()).isFalse();
        assertThat(FailureCode.TLS.retryable()).isFalse();
        assertThat(FailureCode.UNSUPPORTED_ENCODING.retryable()).isFalse();
    }

    @Test
    void statusIsIgnoredForOtherCodes() {
        assertThat(FailureCode.TIMEOUT.isRetryable(404)).isTrue();
        assertThat(FailureCode.TLS.isRetryable(503)).isFalse();
    }
}
