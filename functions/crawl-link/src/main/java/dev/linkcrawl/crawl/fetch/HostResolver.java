package dev.linkcrawl.crawl.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name to every address it has (A and AAAA). The seam where tests inject DNS
 * answers; the fetcher calls it at most once per host and fetch, and bounds it by the deadline.
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * All addresses of {@code host}, which is never an IP literal.
     *
     * @throws UnknownHostException when the name cannot be resolved; a message that says the
     *     failure is temporary ("Temporary failure in name resolution", "try again") makes it a
     *     retryable {@link FailureCode#DNS_FAILURE}, any other a {@link FailureCode#DNS_NXDOMAIN}
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver ({@code InetAddress.getAllByName}, with the JVM's DNS cache). */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
