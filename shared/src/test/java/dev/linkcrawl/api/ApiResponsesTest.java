package dev.linkcrawl.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiResponsesTest {

    @Test
    void problemIsRfc9457JsonWithFieldErrors() throws Exception {
        var response =
                ApiResponses.problem(
                        Problem.of(ProblemType.URL_REFUSED, "refused", "/url", "blocked_host"));

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(new ObjectMapper().readTree(response.getBody()))
                .isEqualTo(
                        new ObjectMapper()
                                .readTree(
                                        """
                                        {"type":"https://linkcrawl.dev/problems/url-refused",
                                         "title":"The URL is refused","status":422,
                                         "detail":"refused",
                                         "errors":[{"pointer":"/url","code":"blocked_host"}]}
                                        """));
    }

    @Test
    void problemWithoutFieldErrorsHasNoErrorsMember() {
        var response = ApiResponses.problem(Problem.of(ProblemType.NOT_FOUND, "no such link"));

        assertThat(response.getBody()).doesNotContain("errors");
    }

    @Test
    void extraHeadersAreKept() {
        var response =
                ApiResponses.problem(
                        Problem.of(ProblemType.QUEUE_UNAVAILABLE, "down"),
                        Map.of("Retry-After", "5"));

        assertThat(response.getHeaders()).containsEntry("Retry-After", "5");
        assertThat(response.getStatusCode()).isEqualTo(503);
    }

    @Test
    void retryAfterIsWholeSecondsAndAtLeastOne() {
        Problem down = Problem.of(ProblemType.QUEUE_UNAVAILABLE, "down");

        assertThat(ApiResponses.problem(down, ApiResponses.RETRY_UNAVAILABLE).getHeaders())
                .containsEntry("Retry-After", "5");
        assertThat(ApiResponses.problem(down, Duration.ofMillis(61_900)).getHeaders())
                .containsEntry("Retry-After", "61");
        assertThat(ApiResponses.problem(down, Duration.ZERO).getHeaders())
                .containsEntry("Retry-After", "1");
    }

    @Test
    void unauthenticatedIs401AskingForABearerToken() throws Exception {
        var response = ApiResponses.unauthenticated();

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(new ObjectMapper().readTree(response.getBody()).path("detail").asText())
                .isEqualTo("the request carries no identity; send a valid bearer token");
    }
}
