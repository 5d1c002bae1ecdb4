package dev.linkcrawl.local.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request as the emulator received it, before it becomes an event.
 *
 * @param rawPath the path as sent (percent-encoded)
 * @param rawQuery the query as sent, without {@code ?}; empty when there is none
 * @param headers header values by lowercase name, in arrival order
 */
public record IncomingRequest(
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        String sourceIp) {

    public IncomingRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        Objects.requireNonNull(rawQuery, "rawQuery");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(sourceIp, "sourceIp");
    }

    /** The first value of a header, by any capitalisation of its name. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
