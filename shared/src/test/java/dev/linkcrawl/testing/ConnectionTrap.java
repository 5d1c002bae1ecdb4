package dev.linkcrawl.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback port that counts the connections made to it, for tests of code that must not use the
 * network, such as SnapStart priming: point every client the code could reach (SQS, S3, OpenSearch
 * endpoints) at {@link #endpoint()}, run the code, and {@link #close()} fails if anything
 * connected. Connections are accepted and closed at once.
 */
public final class ConnectionTrap implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    private ConnectionTrap(ServerSocket socket) {
        this.socket = socket;
        Thread acceptor = new Thread(this::accept, "connection-trap");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static ConnectionTrap open() {
        try {
            return new ConnectionTrap(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** Connections so far. */
    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket accepted = socket.accept()) {
                connections.incrementAndGet();
            } catch (IOException e) {
                // Closed: the trap is done.
            }
        }
    }

    /**
     * Closes the port.
     *
     * @throws AssertionError if anything connected
     */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (connections.get() > 0) {
            throw new AssertionError(connections.get() + " connection(s) reached the trap");
        }
    }
}
