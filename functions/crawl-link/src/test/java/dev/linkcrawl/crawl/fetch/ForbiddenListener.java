package dev.linkcrawl.crawl.fetch;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A listening loopback socket that nothing may reach: a blocked fetch must leave its backlog empty.
 * A connect completes into the backlog even if nobody accepts, so {@link
 * #assertNoConnectionArrived} sees any attempt made before it is called.
 */
final class ForbiddenListener implements AutoCloseable {

    private final ServerSocket socket;

    ForbiddenListener() throws IOException {
        this(InetAddress.getByName("127.0.0.1"), 0);
    }

    /**
     * Listens on {@code address:port}; port 0 picks a free one. Used to guard {@code [::1]} on the
     * same port as a 127.0.0.1 listener.
     */
    ForbiddenListener(InetAddress address, int port) throws IOException {
        socket = new ServerSocket(port, 50, address);
    }

    int port() {
        return socket.getLocalPort();
    }

    void assertNoConnectionArrived() throws IOException {
        socket.setSoTimeout(200);
        try (Socket arrived = socket.accept()) {
            fail(
                    "a connection arrived at the forbidden "
                            + socket.getLocalSocketAddress()
                            + " from "
                            + arrived.getRemoteSocketAddress());
        } catch (SocketTimeoutException expected) {
            // nothing arrived
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
