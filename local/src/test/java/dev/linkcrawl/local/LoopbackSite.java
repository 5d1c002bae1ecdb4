package dev.linkcrawl.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A web site on 127.0.0.1 for the crawler: every path answers a small HTML page titled after it (or
 * the page a test gives for it), those under {@code /slow/} only after {@code slowDelay}. It
 * remembers what was asked and how many slow pages were being served at once at most.
 */
final class LoopbackSite implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final Duration slowDelay;
    private final Function<String, String> pageAt;
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> hits = new ConcurrentHashMap<>();
    private final AtomicInteger slowInFlight = new AtomicInteger();
    private final AtomicInteger slowInFlightMax = new AtomicInteger();

    LoopbackSite(Duration slowDelay) throws IOException {
        this(slowDelay, LoopbackSite::titledAfter);
    }

    /** A site whose every path answers the HTML {@code pageAt} gives for it. */
    LoopbackSite(Duration slowDelay, Function<String, String> pageAt) throws IOException {
        this.slowDelay = slowDelay;
        this.pageAt = pageAt;
        this.executor = Executors.newFixedThreadPool(16);
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** {@code 127.0.0.1:port}, as ALLOWED_PRIVATE_HOSTS names it. */
    String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    String url(String path) {
        return "http://" + hostPort() + path;
    }

    /** Paths asked for, in order. */
    List<String> requested() {
        return List.copyOf(requested);
    }

    /** The most slow pages being served at the same moment. */
    int slowConcurrencyMax() {
        return slowInFlightMax.get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requested.add(path);
        hits.merge(path, 1, Integer::sum);
        boolean slow = path.startsWith("/slow/");
        try (exchange) {
            if (slow) {
                slowInFlightMax.accumulateAndGet(slowInFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(slowDelay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    slowInFlight.decrementAndGet();
                }
            }
            byte[] body = pageAt.apply(path).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String titledAfter(String path) {
        return "<!doctype html><html lang=en><head><title>Page "
                + path
                + "</title></head><body><p>The page at "
                + path
                + " for the local crawl tests.</p></body></html>";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
