package dev.linkcrawl.local.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What API Gateway sends back for a function's output (payload format 2.0), and its own error
 * answers ({@code {"message":"Not Found"}} and the like).
 */
public final class HttpApiResponses {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper LENIENT_JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** A response ready to write: status, headers (a name may repeat), body bytes. */
    public record OutgoingResponse(int status, Map<String, List<String>> headers, byte[] body) {
        public OutgoingResponse {
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(body, "body");
        }
    }

    private HttpApiResponses() {}

    /**
     * The HTTP response for a handler's output: an {@link APIGatewayV2HTTPResponse} (or a stream
     * handler's JSON with a {@code statusCode}) as it says, anything else (no {@code statusCode})
     * as a 200 with the output as a JSON body, the way API Gateway reads a 2.0 response without a
     * status.
     *
     * @throws IllegalArgumentException when the output cannot be a response (status 0 or out of
     *     range, undecodable base64), which API Gateway reports as a 500
     */
    public static OutgoingResponse fromOutput(Object output) {
        if (output instanceof JsonNode tree && tree.has("statusCode")) {
            // A stream handler's answer: the same response, as JSON.
            try {
                output = LENIENT_JSON.treeToValue(tree, APIGatewayV2HTTPResponse.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new IllegalArgumentException("the response is not a 2.0 response", e);
            }
        }
        if (output instanceof APIGatewayV2HTTPResponse response) {
            int status = response.getStatusCode();
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException(
                        "the response has no valid statusCode: " + status);
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            if (response.getMultiValueHeaders() != null) {
                response.getMultiValueHeaders()
                        .forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
            }
            if (response.getHeaders() != null) {
                response.getHeaders()
                        .forEach(
                                (name, value) ->
                                        headers.put(name, new ArrayList<>(List.of(value))));
            }
            if (response.getCookies() != null && !response.getCookies().isEmpty()) {
                headers.put("Set-Cookie", new ArrayList<>(response.getCookies()));
            }
            String body = response.getBody() == null ? "" : response.getBody();
            byte[] bytes =
                    response.getIsBase64Encoded()
                            ? Base64.getDecoder().decode(body)
                            : body.getBytes(StandardCharsets.UTF_8);
            return new OutgoingResponse(status, headers, bytes);
        }
        try {
            byte[] body = JSON.writeValueAsBytes(output);
            return new OutgoingResponse(
                    200, Map.of("Content-Type", List.of("application/json")), body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the output is not JSON-serialisable", e);
        }
    }

    /** API Gateway's own answer, {@code {"message": "…"}}. */
    public static OutgoingResponse message(int status, String message) {
        String body = JSON.createObjectNode().put("message", message).toString();
        return new OutgoingResponse(
                status,
                Map.of("Content-Type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
