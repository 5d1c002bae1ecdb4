package dev.linkcrawl.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.index.LinkIndexException;
import dev.linkcrawl.index.SavedLinks;
import dev.linkcrawl.testing.ApiDescription;
import dev.linkcrawl.testing.SampleEvents;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportUploadsHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SampleEvents EVENTS = new SampleEvents("import-uploads");
    private static final ApiDescription DESCRIPTION = ApiDescription.load();
    private static final String STATUS_ID = "5f0c2a81d4b7e39a06c1f84b2d7e9a13.html";

    private static final String SAVED_LINK = "5f0c2a4b9d1e7c3a8b6f4e2d1c0b9a87";

    private final InMemoryImportObjects objects = new InMemoryImportObjects();
    private boolean indexDown;
    private final SavedLinks links =
            (owner, id) -> {
                if (indexDown) {
                    throw new LinkIndexException(
                            LinkIndexException.Reason.UNREACHABLE, 0, "down", null);
                }
                return owner.equals("user-123") && id.value().equals(SAVED_LINK);
            };
    private final ImportUploadsHandler handler =
            new ImportUploadsHandler(objects, links, 100_000_000L, 5_242_880L);

    @ParameterizedTest
    @CsvSource({
        "start.json, 201",
        "too-large.json, 413",
        "malformed-body.json, 400",
        "no-identity.json, 401",
        "status.json, 404",
        "send-page.json, 201",
        "send-page-malformed-id.json, 400"
    })
    void answersEachSampleEventAsTheApiDescriptionSays(String file, int status) throws Exception {
        APIGatewayV2HTTPEvent event = EVENTS.load(file, APIGatewayV2HTTPEvent.class);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(DESCRIPTION.statuses(event.getRouteKey())).contains(status);
        if (status >= 400) {
            assertThat(response.getHeaders())
                    .containsEntry("Content-Type", "application/problem+json");
            assertThat(DESCRIPTION.problemTypes())
                    .contains(JSON.readTree(response.getBody()).get("type").asText());
        }
    }

    @Test
    void everySampleEventIsAnsweredAbove() {
        assertThat(EVENTS.names())
                .containsExactlyInAnyOrder(
                        "start.json",
                        "too-large.json",
                        "malformed-body.json",
                        "no-identity.json",
                        "status.json",
                        "send-page.json",
                        "send-page-malformed-id.json");
    }

    @Test
    void startAnswers201WithAnUploadIntoTheCallersFolder() throws Exception {
        APIGatewayV2HTTPResponse response = handle("start.json");

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.getBody());
        String id = body.get("id").asText();
        assertThat(id).matches("[0-9a-f]{32}\\.html");
        assertThat(body.get("key").asText()).isEqualTo("imports/user-123/" + id);
        assertThat(body.at("/upload/method").asText()).isEqualTo("PUT");
        assertThat(body.at("/upload/url").asText())
                .isEqualTo("https://bucket.example/imports/user-123/" + id + "?size=48213");
        assertThat(body.at("/upload/headers/content-length").asText()).isEqualTo("48213");
        assertThat(body.at("/upload/expiresAt").asText()).isEqualTo("2026-12-07T10:15:00Z");
        assertThat(response.getHeaders()).containsEntry("Location", "/imports/" + id);
    }

    @Test
    void startRefusesAFileAboveTheCapWith413() throws Exception {
        APIGatewayV2HTTPResponse response = handle("too-large.json");

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.getBody()).get("type").asText())
                .endsWith("/upload-too-large");
    }

    @Test
    void startRefusesAnOwnerFieldAsUnknown() throws Exception {
        APIGatewayV2HTTPResponse response = handle("malformed-body.json");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.getBody()).get("errors").toString())
                .contains("/owner", "unknown_field", "/size", "required");
    }

    @Test
    void aRequestWithoutIdentityIs401() {
        assertThat(handle("no-identity.json").getStatusCode()).isEqualTo(401);
    }

    @Test
    void statusOfAnImportNeverUploadedIs404() {
        assertThat(handle("status.json").getStatusCode()).isEqualTo(404);
    }

    @Test
    void statusOfAnUploadNotYetImportedSaysUploadedAndIncomplete() throws Exception {
        objects.objects.put("imports/user-123/" + STATUS_ID, new byte[10]);

        JsonNode body = JSON.readTree(handle("status.json").getBody());

        assertThat(body.get("state").asText()).isEqualTo("uploaded");
        assertThat(body.get("complete").asBoolean()).isFalse();
    }

    @Test
    void statusOfAnImportUnderWaySaysImportingUntilItsResultIsFinal() throws Exception {
        objects.objects.put("imports/user-123/" + STATUS_ID, new byte[10]);
        putResult("user-123", "{\"key\": \"k\", \"complete\": false, \"startedAt\": \"t\"}");

        JsonNode body = JSON.readTree(handle("status.json").getBody());

        assertThat(body.get("state").asText()).isEqualTo("importing");
        assertThat(body.get("complete").asBoolean()).isFalse();
    }

    @Test
    void statusOfAFinishedImportIsItsResult() throws Exception {
        putResult(
                "user-123",
                "{\"key\": \"k\", \"complete\": true, \"accepted\": 7, \"finishedAt\": \"t\"}");

        APIGatewayV2HTTPResponse response = handle("status.json");

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("id").asText()).isEqualTo(STATUS_ID);
        assertThat(body.get("state").asText()).isEqualTo("finished");
        assertThat(body.get("accepted").asInt()).isEqualTo(7);
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "private, no-store");
    }

    @Test
    void anotherUsersImportIs404() {
        putResult("user-456", "{\"complete\": true, \"finishedAt\": \"t\"}");

        assertThat(handle("status.json").getStatusCode()).isEqualTo(404);
    }

    @Test
    void anUnavailableBucketIs503WithRetryAfter() {
        objects.unavailable = true;

        APIGatewayV2HTTPResponse response = handle("start.json");

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "5");
    }

    @Test
    void sendPageAnswers201WithAnUploadPinnedUnderTheCallerAndTheLink() throws Exception {
        APIGatewayV2HTTPResponse response = handle("send-page.json");

        assertThat(response.getStatusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.getBody());
        assertThat(body.get("id").asText()).isEqualTo(SAVED_LINK);
        assertThat(body.get("key").asText())
                .matches("pages/user-123/" + SAVED_LINK + "/[0-9a-f]{32}\\.html");
        assertThat(body.at("/upload/method").asText()).isEqualTo("PUT");
        assertThat(body.at("/upload/url").asText()).contains(body.get("key").asText());
        assertThat(body.at("/upload/headers/content-length").asText()).isEqualTo("48213");
        assertThat(body.at("/upload/expiresAt").asText()).isEqualTo("2026-12-07T10:05:00Z");
        assertThat(body.get("maxBytes").asLong()).isEqualTo(5_242_880L);
        assertThat(body.get("status").asText()).isEqualTo("/links/" + SAVED_LINK);
        assertThat(response.getHeaders()).containsEntry("Location", "/links/" + SAVED_LINK);
    }

    @Test
    void sendPageForAnotherUsersLinkIs404() throws Exception {
        APIGatewayV2HTTPEvent event = EVENTS.load("send-page.json", APIGatewayV2HTTPEvent.class);
        event.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("sub", "user-456"));

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(DESCRIPTION.statuses("POST /links/{id}/page")).contains(404);
    }

    @Test
    void sendPageWithAMalformedIdIs400() throws Exception {
        APIGatewayV2HTTPResponse response = handle("send-page-malformed-id.json");

        assertThat(JSON.readTree(response.getBody()).get("errors").toString())
                .contains("/path/id", "malformed");
    }

    @Test
    void sendPageWhileTheIndexIsDownIs503WithRetryAfter() {
        indexDown = true;

        APIGatewayV2HTTPResponse response = handle("send-page.json");

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "5");
        assertThat(DESCRIPTION.statuses("POST /links/{id}/page")).contains(503);
    }

    private void putResult(String owner, String json) {
        objects.objects.put(
                "imports/" + owner + "/" + STATUS_ID + ".result.json",
                json.getBytes(StandardCharsets.UTF_8));
    }

    private APIGatewayV2HTTPResponse handle(String event) {
        return handler.handleRequest(EVENTS.load(event, APIGatewayV2HTTPEvent.class), null);
    }
}
