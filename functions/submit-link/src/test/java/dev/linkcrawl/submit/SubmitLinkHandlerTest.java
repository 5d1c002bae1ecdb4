package dev.linkcrawl.submit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlSource;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.testing.ApiDescription;
import dev.linkcrawl.testing.SampleEvents;
import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubmitLinkHandlerTest {

    private static final SampleEvents EVENTS = new SampleEvents("submit-link");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApiDescription DESCRIPTION = ApiDescription.load();
    private static final Instant NOW = Instant.parse("2026-11-27T10:30:00Z");

    private final InMemoryCrawlQueue queue = new InMemoryCrawlQueue();
    private final SubmitLinkHandler handler =
            new SubmitLinkHandler(
                    new SubmitLink(queue, UrlPolicy.DEFAULT, Clock.fixed(NOW, ZoneOffset.UTC)));

    /** Every sample users pass to {@code sam local invoke} has a row below. */
    private static final Map<String, String> EXPECTED =
            Map.of(
                    "valid.json", "202",
                    "invalid-url.json", "400 not_absolute",
                    "blocked-address.json", "422 blocked_address",
                    "malformed-body.json", "400 duplicate_field",
                    "no-identity.json", "401");

    @Test
    void everySampleEventHasAnExpectedOutcome() {
        assertThat(EVENTS.names()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest
    @CsvSource({
        "valid.json, 202, ",
        "invalid-url.json, 400, not_absolute",
        "blocked-address.json, 422, blocked_address",
        "malformed-body.json, 400, duplicate_field",
        "no-identity.json, 401, "
    })
    void answersEachSampleEventAsDesigned(String file, int status, String code) throws Exception {
        assertThat(EXPECTED.get(file)).isEqualTo(code == null ? "" + status : status + " " + code);
        APIGatewayV2HTTPResponse response =
                handler.handleRequest(EVENTS.load(file, APIGatewayV2HTTPEvent.class), null);

        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(DESCRIPTION.statuses("POST /links")).contains(status);
        if (status == 202) {
            assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
            assertThat(queue.sent).hasSize(1);
        } else {
            assertThat(response.getHeaders())
                    .containsEntry("Content-Type", "application/problem+json");
            JsonNode problem = JSON.readTree(response.getBody());
            assertThat(problem.get("status").asInt()).isEqualTo(status);
            assertThat(DESCRIPTION.problemTypes()).contains(problem.get("type").asText());
            assertThat(problem.get("title").asText()).isNotBlank();
            assertThat(problem.get("detail").asText()).isNotBlank();
            if (code != null) {
                assertThat(problem.get("errors").findValuesAsText("code")).contains(code);
            }
            assertThat(queue.sent).isEmpty();
        }
    }

    @Test
    void acceptedLinkAnswersIdNormalisedUrlAndLocation() throws Exception {
        APIGatewayV2HTTPResponse response =
                handler.handleRequest(EVENTS.load("valid.json", APIGatewayV2HTTPEvent.class), null);

        LinkUrl normalised = accepted("https://example.com/articles/slow-links");
        LinkId id = LinkId.of("user-123", normalised);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("id").asText()).isEqualTo(id.value());
        assertThat(body.get("url").asText()).isEqualTo("https://example.com/articles/slow-links");
        assertThat(body.get("status").asText()).isEqualTo("queued");
        assertThat(response.getHeaders()).containsEntry("Location", "/links/" + id.value());
    }

    @Test
    void queuedMessageCarriesOwnerTagsNoteAndSubmissionTime() {
        handler.handleRequest(EVENTS.load("valid.json", APIGatewayV2HTTPEvent.class), null);

        CrawlMessage message = queue.sent.getFirst();
        assertThat(message.owner()).isEqualTo("user-123");
        assertThat(message.url()).isEqualTo("https://example.com/articles/slow-links");
        assertThat(message.tags()).containsExactly("reading", "web");
        assertThat(message.note()).isEqualTo("from the weekly digest");
        assertThat(message.submittedAt()).isEqualTo(NOW);
        assertThat(message.source()).isEqualTo(CrawlSource.API);
    }

    @Test
    void queueOutageAnswers503WithRetryAfterAndNothingQueued() throws Exception {
        queue.unavailable = true;

        APIGatewayV2HTTPResponse response =
                handler.handleRequest(EVENTS.load("valid.json", APIGatewayV2HTTPEvent.class), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "5");
        assertThat(JSON.readTree(response.getBody()).get("type").asText())
                .endsWith("/queue-unavailable");
        assertThat(queue.sent).isEmpty();
    }

    @Test
    void blankSubjectClaimIsNoIdentity() {
        APIGatewayV2HTTPEvent event = EVENTS.load("valid.json", APIGatewayV2HTTPEvent.class);
        event.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("sub", " "));

        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(401);
    }

    @Test
    void textPlainBodyIsUnsupportedMediaType() {
        APIGatewayV2HTTPEvent event = EVENTS.load("valid.json", APIGatewayV2HTTPEvent.class);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("content-type", "text/plain");
        event.setHeaders(headers);

        assertThat(handler.handleRequest(event, null).getStatusCode()).isEqualTo(415);
    }

    @Test
    void problemDetailNeverEchoesTheRefusedUrl() {
        APIGatewayV2HTTPEvent event = EVENTS.load("valid.json", APIGatewayV2HTTPEvent.class);
        event.setBody("{\"url\":\"javascript:alert('pwned-marker')\"}");

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getBody()).doesNotContain("pwned-marker").doesNotContain("javascript");
    }

    @Test
    void sameLinkSavedTwiceGetsTheSameId() throws Exception {
        String first =
                handler.handleRequest(EVENTS.load("valid.json", APIGatewayV2HTTPEvent.class), null)
                        .getBody();
        String second =
                handler.handleRequest(EVENTS.load("valid.json", APIGatewayV2HTTPEvent.class), null)
                        .getBody();

        assertThat(JSON.readTree(first).get("id")).isEqualTo(JSON.readTree(second).get("id"));
        assertThat(queue.sent)
                .extracting(CrawlMessage::id)
                .hasSize(2)
                .containsOnly(queue.sent.getFirst().id());
    }

    private static LinkUrl accepted(String url) {
        return ((UrlCheck.Accepted) LinkUrl.check(url, UrlPolicy.DEFAULT)).url();
    }
}
