package dev.linkcrawl.crawl.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import javax.net.SocketFactory;
import okhttp3.Dns;

/**
 * The addresses one fetch has checked, and the only ones its HTTP client may use.
 *
 * <p>As OkHttp's {@link Dns} it answers with the checked addresses and never looks anything up, so
 * a second DNS answer (rebinding) cannot swap them. As a socket factory it refuses to dial any
 * {@code address:port} that was not pinned: a second line of defence where the connection is made,
 * should the client ever reach an address by another path.
 */
final class PinnedAddresses implements Dns {

    private final Map<String, List<InetAddress>> byHost = new ConcurrentHashMap<>();
    private final Set<InetSocketAddress> dialable = ConcurrentHashMap.newKeySet();

    /** Records that {@code host:port} may be reached at {@code addresses}, already checked. */
    void pin(String host, int port, List<InetAddress> addresses) {
        byHost.put(host, List.copyOf(addresses));
        for (InetAddress address : addresses) {
            dialable.add(new InetSocketAddress(address, port));
        }
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UncheckedAddressException {
        List<InetAddress> pinned = byHost.get(hostname);
        if (pinned == null) {
            throw new UncheckedAddressException("the HTTP client asked for an unchecked host");
        }
        return pinned;
    }

    /**
     * Sockets that connect only to pinned addresses that {@code dialFilter} also accepts (tests use
     * it to confine every connection to loopback and record it).
     */
    SocketFactory socketFactory(Predicate<InetSocketAddress> dialFilter) {
        Objects.requireNonNull(dialFilter, "dialFilter");
        return new SocketFactory() {
            @Override
            public Socket createSocket() {
                return new GuardedSocket(dialFilter);
            }

            @Override
            public Socket createSocket(String host, int port) throws SocketException {
                throw unconnectedOnly();
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
                    throws SocketException {
                throw unconnectedOnly();
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws SocketException {
                throw unconnectedOnly();
            }

            @Override
            public Socket createSocket(
                    InetAddress address, int port, InetAddress localAddress, int localPort)
                    throws SocketException {
                throw unconnectedOnly();
            }
        };
    }

    private static SocketException unconnectedOnly() {
        return new SocketException(
                "only unconnected sockets are handed out, so connect is checked");
    }

    private final class GuardedSocket extends Socket {
        private final Predicate<InetSocketAddress> dialFilter;

        GuardedSocket(Predicate<InetSocketAddress> dialFilter) {
            // A plain new Socket() asks the JVM's ProxySelector on connect and would follow a
            // SOCKS proxy from the environment, past every check here.
            super(Proxy.NO_PROXY);
            this.dialFilter = dialFilter;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress target)
                    || target.isUnresolved()
                    || !dialable.contains(
                            new InetSocketAddress(target.getAddress(), target.getPort()))
                    || !dialFilter.test(target)) {
                throw new UncheckedAddressException(
                        "refused to dial an address that was not checked");
            }
            super.connect(endpoint, timeout);
        }
    }
}
