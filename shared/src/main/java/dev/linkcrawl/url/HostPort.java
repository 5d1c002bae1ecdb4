package dev.linkcrawl.url;

import java.util.Locale;
import java.util.Objects;

/**
 * A lowercase host and a port, as named in {@code ALLOWED_PRIVATE_HOSTS}. An IPv6 host is kept in
 * the RFC 5952 form {@link LinkUrl#host()} uses, so {@code [0:0:0:0:0:0:0:1]:80} names {@code ::1}.
 */
public record HostPort(String host, int port) {
    public HostPort {
        Objects.requireNonNull(host, "host");
        host = host.toLowerCase(Locale.ROOT);
        if (host.indexOf(':') >= 0) {
            String given = host;
            host =
                    Ipv6Literal.parse(host)
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "not an IPv6 address: '" + given + "'"))
                            .toString();
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535, not " + port);
        }
    }

    /**
     * Parses {@code host:port} or {@code [v6]:port}.
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static HostPort parse(String text) {
        String trimmed = text.strip();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException(
                    "expected host:port, for example 127.0.0.1:8080, not '" + trimmed + "'");
        }
        String host = trimmed.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new HostPort(host, Integer.parseInt(trimmed.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "expected host:port, for example 127.0.0.1:8080, not '" + trimmed + "'", e);
        }
    }

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
