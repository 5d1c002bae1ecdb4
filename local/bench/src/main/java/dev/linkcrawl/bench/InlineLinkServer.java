package dev.linkcrawl.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The setup of the original incident, as a baseline: {@code POST /links} fetches the page inside
 * the request, on a fixed pool of worker threads (25 by default), with the crawler's own fetcher
 * and deadline. One slow link holds a worker for the whole deadline; enough of them hold all.
 */
final class InlineLinkServer implements AutoCloseable {

    static final int DEFAULT_THREADS = 25;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService workers;

    InlineLinkServer(CrawlJarFetcher fetcher, Duration deadline, int threads) throws IOException {
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        this.workers =
                Executors.newFixedThreadPool(
                        threads, Thread.ofPlatform().daemon().name("inline-worker-", 1).factory());
        server.setExecutor(workers);
        server.createContext(
                "/links",
                exchange -> {
                    try (exchange) {
                        handle(exchange, fetcher, deadline);
                    }
                });
        server.start();
    }

    URI links() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/links");
    }

    private static void handle(HttpExchange exchange, CrawlJarFetcher fetcher, Duration deadline)
            throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.sendResponseHeaders(405, -1);
            return;
        }
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readTree(in.readNBytes(16 * 1024));
        } catch (IOException e) {
            exchange.sendResponseHeaders(400, -1);
            return;
        }
        CrawlJarFetcher.Fetched fetched = fetcher.fetch(body.path("url").asText(), deadline);
        byte[] answer =
                ("{\"status\":\"" + fetched.kind() + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(202, answer.length);
        exchange.getResponseBody().write(answer);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
