package dev.linkcrawl.url;

import java.util.Objects;
import java.util.Set;

/**
 * What the URL rules allow beyond their fixed part: the ports the crawler may connect to, and the
 * loopback {@code host:port} pairs exempt from the address rules (tests and local fixtures only).
 *
 * @param allowedPorts ports a URL may name; default 80, 443, 8080, 8443
 * @param exemptHosts loopback pairs that skip the host and address rules; default none
 */
public record UrlPolicy(Set<Integer> allowedPorts, Set<HostPort> exemptHosts) {

    /** The ports allowed when {@code ALLOWED_PORTS} is not set. */
    public static final Set<Integer> DEFAULT_PORTS = Set.of(80, 443, 8080, 8443);

    /** The deployed default: the usual web ports and no exemptions. */
    public static final UrlPolicy DEFAULT = new UrlPolicy(DEFAULT_PORTS, Set.of());

    public UrlPolicy {
        allowedPorts = Set.copyOf(Objects.requireNonNull(allowedPorts, "allowedPorts"));
        exemptHosts = Set.copyOf(Objects.requireNonNull(exemptHosts, "exemptHosts"));
    }

    /** Whether {@code host:port} was named as an exempt loopback pair. */
    public boolean isExempt(String host, int port) {
        return !exemptHosts.isEmpty() && exemptHosts.contains(new HostPort(host, port));
    }
}
