package dev.linkcrawl.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the API Gateway (HTTP API, payload 2.0) responses every function answers with. */
public final class ApiResponses {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * How long a client should wait before retrying when a service the function needs (the queue,
     * the index, the bucket) did not answer: 5 seconds.
     */
    public static final Duration RETRY_UNAVAILABLE = Duration.ofSeconds(5);

    private static final Problem UNAUTHENTICATED =
            Problem.of(
                    ProblemType.UNAUTHENTICATED,
                    "the request carries no identity; send a valid bearer token");

    private ApiResponses() {}

    /** The answer to a request without a caller ({@link Caller#of} is empty): 401. */
    public static APIGatewayV2HTTPResponse unauthenticated() {
        return problem(UNAUTHENTICATED);
    }

    /** A JSON response with the given status and extra headers. */
    public static APIGatewayV2HTTPResponse json(
            int status, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.putAll(extraHeaders);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body)
                .build();
    }

    /** A response without a body, such as 204. */
    public static APIGatewayV2HTTPResponse empty(int status) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of())
                .build();
    }

    /** An {@code application/problem+json} response. */
    public static APIGatewayV2HTTPResponse problem(Problem problem) {
        return problem(problem, Map.of());
    }

    /** An {@code application/problem+json} response with extra headers such as Retry-After. */
    public static APIGatewayV2HTTPResponse problem(
            Problem problem, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/problem+json");
        headers.putAll(extraHeaders);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(problem.status())
                .withHeaders(headers)
                .withBody(problemJson(problem))
                .build();
    }

    /**
     * An {@code application/problem+json} response with {@code Retry-After}: {@code retryAfter} in
     * whole seconds, at least 1 (0 would invite an immediate retry).
     */
    public static APIGatewayV2HTTPResponse problem(Problem problem, Duration retryAfter) {
        return problem(
                problem, Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds()))));
    }

    /** The RFC 9457 JSON body of a problem. */
    public static String problemJson(Problem problem) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", problem.type().uri());
        node.put("title", problem.type().title());
        node.put("status", problem.status());
        node.put("detail", problem.detail());
        problem.limit()
                .ifPresent(limit -> node.put("limit", limit.name().code()).put("max", limit.max()));
        if (!problem.errors().isEmpty()) {
            ArrayNode errors = node.putArray("errors");
            for (Problem.FieldError error : problem.errors()) {
                errors.addObject().put("pointer", error.pointer()).put("code", error.code());
            }
        }
        return node.toString();
    }
}
