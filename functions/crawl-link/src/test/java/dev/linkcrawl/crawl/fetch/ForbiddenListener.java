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
        socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    }

    int port() {
        return socket.getLocalPort();
    }

    void assertNoConnectionArrived() throws IOException {
        socket.setSoTimeout(200);
        try (Socket arrived = socket.accept()) {
            fail(
                    "a connection arrived at the forbidden port "
                            + port()
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
