package dev.linkcrawl.local.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.local.api.HttpApiResponses.OutgoingResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiResponsesTest {

    @Test
    void responseKeepsStatusHeadersCookiesAndBody() {
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(202);
        response.setHeaders(Map.of("Location", "/links/abc"));
        response.setCookies(List.of("a=1", "b=2"));
        response.setBody("{\"status\":\"queued\"}");

        OutgoingResponse outgoing = HttpApiResponses.fromOutput(response);

        assertThat(outgoing.status()).isEqualTo(202);
        assertThat(outgoing.headers())
                .containsEntry("Location", List.of("/links/abc"))
                .containsEntry("Set-Cookie", List.of("a=1", "b=2"));
        assertThat(new String(outgoing.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"status\":\"queued\"}");
    }

    @Test
    void base64BodyIsDecoded() {
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(200);
        response.setIsBase64Encoded(true);
        response.setBody(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}));

        assertThat(HttpApiResponses.fromOutput(response).body()).containsExactly(1, 2, 3);
    }

    @Test
    void outputWithoutStatusIsA200JsonBody() {
        OutgoingResponse outgoing = HttpApiResponses.fromOutput(Map.of("ok", true));

        assertThat(outgoing.status()).isEqualTo(200);
        assertThat(outgoing.headers()).containsEntry("Content-Type", List.of("application/json"));
        assertThat(new String(outgoing.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
    }

    @Test
    void responseWithoutAValidStatusIsRefused() {
        assertThatThrownBy(() -> HttpApiResponses.fromOutput(new APIGatewayV2HTTPResponse()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gatewayMessagesAreJson() {
        OutgoingResponse notFound = HttpApiResponses.message(404, "Not Found");

        assertThat(new String(notFound.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"message\":\"Not Found\"}");
    }

    @Test
    void streamHandlerJsonWithAStatusIsReadAsTheResponse() throws Exception {
        JsonNode answer =
                new ObjectMapper()
                        .readTree(
                                "{\"statusCode\":201,\"headers\":{\"Location\":\"/links/a\"},"
                                        + "\"body\":\"{}\",\"isBase64Encoded\":false}");

        OutgoingResponse outgoing = HttpApiResponses.fromOutput(answer);

        assertThat(outgoing.status()).isEqualTo(201);
        assertThat(outgoing.headers()).containsEntry("Location", List.of("/links/a"));
        assertThat(new String(outgoing.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
    }
}
