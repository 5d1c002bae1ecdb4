package dev.linkcrawl.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.url.UrlProblem;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OkHttpPageFetcherTest {

    @Test
    void mapsRefusedUrlsToFailureCodes() {
        assertThat(OkHttpPageFetcher.codeOf(UrlProblem.BLOCKED_SCHEME))
                .isEqualTo(FailureCode.BLOCKED_SCHEME);
        assertThat(OkHttpPageFetcher.codeOf(UrlProblem.BLOCKED_HOST))
                .isEqualTo(FailureCode.BLOCKED_HOST);
        assertThat(OkHttpPageFetcher.codeOf(UrlProblem.BLOCKED_ADDRESS))
                .isEqualTo(FailureCode.BLOCKED_ADDRESS);
        assertThat(OkHttpPageFetcher.codeOf(UrlProblem.NON_CANONICAL_ADDRESS))
                .isEqualTo(FailureCode.BLOCKED_ADDRESS);
        assertThat(OkHttpPageFetcher.codeOf(UrlProblem.BLOCKED_PORT))
                .isEqualTo(FailureCode.BLOCKED_PORT);
        assertThat(OkHttpPageFetcher.codeOf(UrlProblem.MALFORMED))
                .isEqualTo(FailureCode.INVALID_URL);
        assertThat(OkHttpPageFetcher.codeOf(UrlProblem.CREDENTIALS))
                .isEqualTo(FailureCode.INVALID_URL);
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void followsTheRedirectStatuses(int status) {
        assertThat(OkHttpPageFetcher.isRedirect(status)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 300, 304, 305, 306, 404})
    void followsNothingElse(int status) {
        assertThat(OkHttpPageFetcher.isRedirect(status)).isFalse();
    }

    @Test
    void countsEveryHeaderNameAndValue() {
        Headers headers = Headers.of("Content-Type", "text/html", "X-A", "1", "X-A", "22");

        assertThat(OkHttpPageFetcher.headerBytes(headers)).isEqualTo(12 + 9 + 3 + 1 + 3 + 2);
    }
}
