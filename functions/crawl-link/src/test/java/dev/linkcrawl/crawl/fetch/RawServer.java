package dev.linkcrawl.crawl.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server scripted at the socket level, for the misbehaviour MockWebServer does not
 * offer: answering nothing, trickling headers, flooding headers, closing early. Each connection
 * runs {@code handler} on its own thread.
 */
final class RawServer implements AutoCloseable {

    /** What the server does with one accepted connection. */
    @FunctionalInterface
    interface Handler {
        void handle(Socket socket) throws Exception;
    }

    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    RawServer(Handler handler) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        acceptor =
                Thread.ofVirtual()
                        .start(
                                () -> {
                                    while (!server.isClosed()) {
                                        try {
                                            Socket socket = server.accept();
                                            connections.incrementAndGet();
                                            open.add(socket);
                                            Thread.ofVirtual().start(() -> serve(handler, socket));
                                        } catch (IOException closed) {
                                            return;
                                        }
                                    }
                                });
    }

    private static void serve(Handler handler, Socket socket) {
        try (socket) {
            handler.handle(socket);
        } catch (Exception ignored) {
            // the client went away: that is what most scripts here provoke
        }
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    /** Reads the request head (up to the blank line) so the client sees its request taken. */
    static String readRequestHead(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        acceptor.interrupt();
    }
}
