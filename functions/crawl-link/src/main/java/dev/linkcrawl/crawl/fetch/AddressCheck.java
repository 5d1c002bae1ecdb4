package dev.linkcrawl.crawl.fetch;

import dev.linkcrawl.url.BlockedAddresses;
import dev.linkcrawl.url.UrlPolicy;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The DNS rule: every address a host resolved to must be public, and one that is not blocks the
 * fetch, however many public ones come with it. The only exception is a {@code host:port} pair
 * named in {@link UrlPolicy#exemptHosts()} (tests and local fixtures), and then only for loopback
 * answers.
 */
final class AddressCheck {

    private AddressCheck() {}

    /**
     * Why the fetch must not connect to {@code host:port} at these addresses, or empty when it may.
     * The detail names the blocked range, never the address (DNS answers for internal names are not
     * for the submitter to learn).
     */
    static Optional<String> refusal(
            String host, int port, List<InetAddress> addresses, UrlPolicy policy) {
        if (addresses.isEmpty()) {
            return Optional.of("the host has no address");
        }
        boolean exempt = policy.isExempt(host, port);
        for (InetAddress address : addresses) {
            Optional<String> range = BlockedAddresses.rangeOf(address);
            if (range.isPresent() && !(exempt && address.isLoopbackAddress())) {
                return Optional.of(
                        "the host resolves to a private, reserved or local address (in "
                                + range.get()
                                + ")");
            }
        }
        return Optional.empty();
    }
}
