package dev.linkcrawl.local.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The caller, from an {@code Authorization: Bearer <token>} header, as API Gateway's JWT authorizer
 * would pass it on — but without verifying anything: this is for a laptop only. A JWT (three
 * base64url parts) gives its payload's claims; any other token is taken as the user name, {@code
 * {"sub": token}}, so {@code Bearer alice} is enough to try the API.
 *
 * @param claims claim values as API Gateway renders them (text; arrays as {@code [a b]})
 * @param scopes the {@code scope} or {@code scp} claim split into scopes, empty when absent
 */
public record BearerIdentity(Map<String, String> claims, List<String> scopes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public BearerIdentity {
        claims = Map.copyOf(claims);
        scopes = List.copyOf(scopes);
    }

    /** The identity in an {@code Authorization} header; empty without a bearer token. */
    public static Optional<BearerIdentity> fromAuthorization(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.length() <= 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = value.substring(7).strip();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                jwtPayload(token)
                        .map(BearerIdentity::fromPayload)
                        .orElseGet(() -> new BearerIdentity(Map.of("sub", token), List.of())));
    }

    private static Optional<JsonNode> jwtPayload(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = JSON.readTree(decode(parts[0]));
            JsonNode payload = JSON.readTree(decode(parts[1]));
            return header != null && header.isObject() && payload != null && payload.isObject()
                    ? Optional.of(payload)
                    : Optional.empty();
        } catch (IllegalArgumentException | JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static BearerIdentity fromPayload(JsonNode payload) {
        Map<String, String> claims = new LinkedHashMap<>();
        payload.properties()
                .forEach(
                        claim -> {
                            if (!claim.getValue().isNull()) {
                                claims.put(claim.getKey(), render(claim.getValue()));
                            }
                        });
        List<String> scopes = new ArrayList<>();
        JsonNode scope = payload.has("scope") ? payload.get("scope") : payload.get("scp");
        if (scope != null && scope.isTextual()) {
            for (String part : scope.asText().split(" ")) {
                if (!part.isBlank()) {
                    scopes.add(part);
                }
            }
        } else if (scope != null && scope.isArray()) {
            scope.forEach(element -> scopes.add(element.asText()));
        }
        return new BearerIdentity(claims, scopes);
    }

    /** API Gateway passes claims as text: arrays become {@code [a b]}, objects their JSON. */
    private static String render(JsonNode value) {
        if (value.isArray()) {
            List<String> elements = new ArrayList<>();
            value.forEach(
                    element ->
                            elements.add(
                                    element.isTextual() ? element.asText() : element.toString()));
            return "[" + String.join(" ", elements) + "]";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String decode(String base64Url) {
        return new String(Base64.getUrlDecoder().decode(base64Url), StandardCharsets.UTF_8);
    }
}
