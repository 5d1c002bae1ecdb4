package dev.linkcrawl.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback HTTP/1.1 server that misbehaves in one way, for the benchmarks: one connection per
 * request ({@code Connection: close}), each served on a virtual thread. It counts connections open
 * and finished, which is how the isolation bench knows how many crawls it holds.
 */
final class TrapServer implements AutoCloseable {

    /** What the server does with each request. */
    enum Behaviour {
        /** A small HTML page, at once. */
        PAGE,
        /** Headers at once, then the body one byte a second, for as long as the client waits. */
        TARPIT,
        /** Accepts and reads the request, never answers. */
        NEVER_ANSWER,
        /** A 1 GiB HTML body, as fast as the client reads it. */
        GIGABYTE_BODY,
        /** About 1 MiB of gzip that inflates to 1 GiB of HTML. */
        GZIP_BOMB
    }

    static final long GIGABYTE = 1L << 30;
    private static final byte[] PAGE_BODY =
            ("<!doctype html><html><head><title>Bench page</title></head><body><p>A page that"
                            + " answers at once.</p></body></html>")
                    .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HTML_PREFIX =
            "<!doctype html><html><body><p>".getBytes(StandardCharsets.US_ASCII);

    private final Behaviour behaviour;
    private final ServerSocket socket;
    private final Thread acceptor;
    private final byte[] bomb;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong finished = new AtomicLong();
    private volatile boolean closed;

    private TrapServer(Behaviour behaviour, byte[] bomb) throws IOException {
        this.behaviour = behaviour;
        this.bomb = bomb;
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        this.acceptor = Thread.ofPlatform().daemon().name("trap-" + behaviour).start(this::accept);
    }

    /** Starts a server on a free loopback port; a {@code GZIP_BOMB} compresses its bomb first. */
    static TrapServer start(Behaviour behaviour) throws IOException {
        return new TrapServer(behaviour, behaviour == Behaviour.GZIP_BOMB ? gzipBomb() : null);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** {@code http://127.0.0.1:port/path} */
    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** Connections accepted and not yet closed. */
    int open() {
        return open.get();
    }

    /** Connections closed since the start. */
    long finished() {
        return finished.get();
    }

    /** The compressed size of the bomb; 0 for other behaviours. */
    int bombBytes() {
        return bomb == null ? 0 : bomb.length;
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing more to release.
        }
        acceptor.interrupt();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket connection = socket.accept();
                open.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setTcpNoDelay(true);
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            if (!readRequestHead(in)) {
                return;
            }
            switch (behaviour) {
                case PAGE -> {
                    out.write(head("text/html; charset=utf-8", PAGE_BODY.length, false));
                    out.write(PAGE_BODY);
                }
                case TARPIT -> trickle(out);
                case NEVER_ANSWER -> in.transferTo(OutputStream.nullOutputStream());
                case GIGABYTE_BODY -> gigabyte(out);
                case GZIP_BOMB -> {
                    out.write(head("text/html; charset=utf-8", bomb.length, true));
                    out.write(bomb);
                }
            }
            out.flush();
        } catch (IOException e) {
            // The client gave up (its deadline): that is the point of these servers.
        } finally {
            open.decrementAndGet();
            finished.incrementAndGet();
        }
    }

    private void trickle(OutputStream out) throws IOException {
        out.write(head("text/html; charset=utf-8", 1_000_000, false));
        out.write(HTML_PREFIX);
        out.flush();
        // A byte a second for up to 10 minutes; a closed client fails the write within two.
        for (int i = 0; i < 600 && !closed; i++) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            out.write('a');
            out.flush();
        }
    }

    private static void gigabyte(OutputStream out) throws IOException {
        out.write(head("text/html; charset=utf-8", GIGABYTE, false));
        out.write(HTML_PREFIX);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        long left = GIGABYTE - HTML_PREFIX.length;
        while (left > 0) {
            int n = (int) Math.min(chunk.length, left);
            out.write(chunk, 0, n);
            left -= n;
        }
    }

    private static byte[] head(String contentType, long length, boolean gzip) {
        return ("HTTP/1.1 200 OK\r\nContent-Type: "
                        + contentType
                        + "\r\nContent-Length: "
                        + length
                        + (gzip ? "\r\nContent-Encoding: gzip" : "")
                        + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads up to the blank line that ends the request head; false when the client left first. */
    private static boolean readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        for (int read = 0; read < 64 * 1024; read++) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
            if (matched == 4) {
                return true;
            }
        }
        return false;
    }

    /** {@value #GIGABYTE} bytes of HTML, gzipped: about 1 MiB, generated in a few seconds. */
    static byte[] gzipBomb() {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(2 << 20);
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, 64 * 1024)) {
            gzip.write(HTML_PREFIX);
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            long left = GIGABYTE - HTML_PREFIX.length;
            while (left > 0) {
                int n = (int) Math.min(chunk.length, left);
                gzip.write(chunk, 0, n);
                left -= n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }
}
