package dev.linkcrawl.crawl.fetch;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;

/**
 * One loopback port that nothing may reach, guarded on both loopback addresses: a {@link
 * ForbiddenListener} on 127.0.0.1 and one on {@code [::1]} with the same port number, so a blocked
 * fetch that dials either family (or 0.0.0.0, ::, or an IPv4-mapped address, which the kernel
 * delivers to loopback) is caught.
 */
final class ForbiddenPort implements AutoCloseable {

    private final ForbiddenListener ipv4;
    private final ForbiddenListener ipv6;

    ForbiddenPort() throws IOException {
        ForbiddenListener[] pair = bindPair();
        ipv4 = pair[0];
        ipv6 = pair[1];
    }

    /** A free port on 127.0.0.1 that is free on [::1] too (a few tries). */
    private static ForbiddenListener[] bindPair() throws IOException {
        InetAddress loopback6 = InetAddress.getByName("::1");
        for (int attempt = 1; ; attempt++) {
            ForbiddenListener first = new ForbiddenListener();
            try {
                return new ForbiddenListener[] {
                    first, new ForbiddenListener(loopback6, first.port())
                };
            } catch (BindException taken) {
                first.close();
                if (attempt == 10) {
                    throw taken;
                }
            }
        }
    }

    int port() {
        return ipv4.port();
    }

    void assertNoConnectionArrived() throws IOException {
        ipv4.assertNoConnectionArrived();
        ipv6.assertNoConnectionArrived();
    }

    @Override
    public void close() throws IOException {
        try (ipv4) {
            ipv6.close();
        }
    }
}
