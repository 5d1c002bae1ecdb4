package dev.linkcrawl.local.template;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code HttpApi} event: a method ({@code ANY} matches every method) and a path that may hold
 * {@code {param}} segments and one trailing greedy {@code {param+}}.
 */
public record HttpApiRoute(String method, String path) {

    public HttpApiRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        method = method.toUpperCase(Locale.ROOT);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a route path starts with /, not " + path);
        }
        List<String> segments = segments(path);
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).endsWith("+}") && i != segments.size() - 1) {
                throw new IllegalArgumentException(
                        "a greedy {param+} must be the last segment of " + path);
            }
        }
    }

    /** API Gateway's {@code routeKey}, for example {@code GET /links/{id}}. */
    public String routeKey() {
        return method + " " + path;
    }

    /**
     * The path parameters when this route serves {@code requestMethod} on {@code rawPath}
     * (percent-encoded, as sent), decoded; empty when it does not.
     */
    public Optional<Map<String, String>> match(String requestMethod, String rawPath) {
        if (!method.equals("ANY") && !method.equalsIgnoreCase(requestMethod)) {
            return Optional.empty();
        }
        List<String> template = segments(path);
        List<String> actual = segments(rawPath);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String expected = template.get(i);
            if (isGreedy(expected)) {
                if (i >= actual.size()) {
                    return Optional.empty();
                }
                String rest = String.join("/", actual.subList(i, actual.size()));
                parameters.put(expected.substring(1, expected.length() - 2), decode(rest));
                return Optional.of(parameters);
            }
            if (i >= actual.size()) {
                return Optional.empty();
            }
            String segment = actual.get(i);
            if (isParameter(expected)) {
                if (segment.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(expected.substring(1, expected.length() - 1), decode(segment));
            } else if (!expected.equals(segment)) {
                return Optional.empty();
            }
        }
        return template.size() == actual.size() ? Optional.of(parameters) : Optional.empty();
    }

    /**
     * Orders routes the way API Gateway prefers them when several match: more literal segments
     * first, a greedy route last, a method over {@code ANY}.
     */
    public int specificity() {
        int score = 0;
        for (String segment : segments(path)) {
            score += isGreedy(segment) ? 0 : isParameter(segment) ? 10 : 100;
        }
        return score * 2 + (method.equals("ANY") ? 0 : 1);
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static boolean isGreedy(String segment) {
        return segment.startsWith("{") && segment.endsWith("+}");
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }

    private static String decode(String raw) {
        // Path segments are percent-encoded; '+' is a literal plus there, not a space.
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
