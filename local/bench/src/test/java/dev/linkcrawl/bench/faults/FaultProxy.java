package dev.linkcrawl.bench.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * An HTTP proxy on 127.0.0.1 in front of one loopback service (OpenSearch, SQS), where a test
 * decides the fate of each request: forward it, answer it itself (a 429 or a 503 the service would
 * send when overloaded), or forward a rewritten request and rewrite the answer. {@link #refuse()}
 * closes the port (clients see connection refused, as when the service is down) and {@link
 * #accept()} opens it again. When the service itself does not answer, the proxy answers 502, as a
 * load balancer in front of it would.
 */
final class FaultProxy implements AutoCloseable {

    /** One request as the proxy received it (raw path and query, as sent). */
    record Request(
            String method, String path, String query, Map<String, String> headers, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The first value of a header, or null; names are compared ignoring case. */
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What to do with one request. */
    sealed interface Action permits Forward, Reply, Rewrite, Delay {}

    /** Send it on unchanged and pass the answer back. */
    record Forward() implements Action {}

    /** Answer it without the service seeing it. */
    record Reply(int status, String contentType, String body) implements Action {}

    /** Send {@code request(body)} on, and pass back {@code response(body)} of a 2xx answer. */
    record Rewrite(UnaryOperator<byte[]> request, UnaryOperator<byte[]> response)
            implements Action {}

    /**
     * Hold the request for {@code duration}, then send it on (whether or not its client still
     * waits), as a service that stalls and then does the work anyway.
     */
    record Delay(Duration duration) implements Action {}

    /** Decides each request; called concurrently. */
    @FunctionalInterface
    interface Rule {
        Action decide(Request request);
    }

    static final Rule FORWARD_ALL = request -> new Forward();

    private static final Set<String> HOP_BY_HOP =
            Set.of(
                    "connection",
                    "content-length",
                    "expect",
                    "host",
                    "upgrade",
                    "keep-alive",
                    "transfer-encoding",
                    "te",
                    "trailer",
                    "proxy-connection");

    private final int port;
    private final HttpClient client =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .proxy(HttpClient.Builder.NO_PROXY)
                    .build();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicReference<URI> upstream = new AtomicReference<>();
    private final AtomicReference<Rule> rule = new AtomicReference<>(FORWARD_ALL);
    private final AtomicReference<BiConsumer<Request, Integer>> observer =
            new AtomicReference<>((request, status) -> {});
    private final AtomicLong replied = new AtomicLong();
    private HttpServer server;

    private FaultProxy(int port) {
        this.port = port;
    }

    /** A proxy on a free loopback port, forwarding everything once {@link #upstream} is set. */
    static FaultProxy start() throws IOException {
        HttpServer server = bind(0);
        FaultProxy proxy = new FaultProxy(server.getAddress().getPort());
        proxy.serve(server);
        return proxy;
    }

    /** {@code http://127.0.0.1:<port>}, stable across {@link #refuse()} and {@link #accept()}. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Where forwarded requests go; until set, every request is answered 502. */
    void upstream(URI service) {
        upstream.set(Objects.requireNonNull(service, "service"));
    }

    /** Replaces the rule; {@link #FORWARD_ALL} restores a transparent proxy. */
    void rule(Rule decide) {
        rule.set(Objects.requireNonNull(decide, "decide"));
    }

    /** Called with each forwarded request and the status the service answered. */
    void observe(BiConsumer<Request, Integer> seen) {
        observer.set(Objects.requireNonNull(seen, "seen"));
    }

    /** Requests the proxy answered itself ({@link Reply}), so far. */
    long replied() {
        return replied.get();
    }

    /** Closes the port and every open connection: clients see connection refused. */
    synchronized void refuse() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Opens the port again after {@link #refuse()}. */
    synchronized void accept() throws IOException, InterruptedException {
        if (server != null) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                serve(bind(port));
                return;
            } catch (BindException e) {
                if (attempt == 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    @Override
    public synchronized void close() {
        refuse();
        executor.shutdownNow();
        client.shutdownNow();
    }

    private static HttpServer bind(int port) throws IOException {
        return HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
    }

    private synchronized void serve(HttpServer bound) {
        bound.setExecutor(executor);
        bound.createContext("/", this::handle);
        bound.start();
        server = bound;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders()
                    .forEach(
                            (name, values) ->
                                    headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
            Request request =
                    new Request(
                            exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                            exchange.getRequestURI().getRawPath(),
                            exchange.getRequestURI().getRawQuery(),
                            headers,
                            exchange.getRequestBody().readAllBytes());
            switch (rule.get().decide(request)) {
                case Reply reply -> {
                    replied.incrementAndGet();
                    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
                    write(exchange, reply.status(), reply.body().getBytes(StandardCharsets.UTF_8));
                }
                case Forward forward -> forward(exchange, request, UnaryOperator.identity());
                case Delay delay -> {
                    try {
                        Thread.sleep(delay.duration());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    forward(exchange, request, UnaryOperator.identity());
                }
                case Rewrite rewrite ->
                        forward(
                                exchange,
                                new Request(
                                        request.method(),
                                        request.path(),
                                        request.query(),
                                        request.headers(),
                                        rewrite.request().apply(request.body())),
                                rewrite.response());
            }
        } catch (IOException e) {
            // The client went away; nothing to answer.
        }
    }

    private void forward(HttpExchange exchange, Request request, UnaryOperator<byte[]> response)
            throws IOException {
        URI service = upstream.get();
        if (service == null) {
            write(exchange, 502, "no upstream".getBytes(StandardCharsets.UTF_8));
            return;
        }
        HttpRequest.Builder outgoing =
                HttpRequest.newBuilder(
                                URI.create(
                                        service
                                                + request.path()
                                                + (request.query() == null
                                                        ? ""
                                                        : "?" + request.query())))
                        .timeout(Duration.ofSeconds(30))
                        .method(
                                request.method(),
                                request.body().length == 0
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers()
                .forEach(
                        (name, value) -> {
                            if (!HOP_BY_HOP.contains(name) && !name.startsWith("proxy-")) {
                                outgoing.header(name, value);
                            }
                        });
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(outgoing.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            write(exchange, 502, ("upstream: " + e).getBytes(StandardCharsets.UTF_8));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        observer.get().accept(request, answer.statusCode());
        answer.headers()
                .map()
                .forEach(
                        (name, values) -> {
                            String lower = name.toLowerCase(Locale.ROOT);
                            if (!HOP_BY_HOP.contains(lower) && !lower.startsWith(":")) {
                                exchange.getResponseHeaders().put(name, List.copyOf(values));
                            }
                        });
        byte[] body = answer.body();
        if (answer.statusCode() >= 200 && answer.statusCode() < 300) {
            body = response.apply(body);
        }
        if (request.method().equals("HEAD")) {
            exchange.sendResponseHeaders(answer.statusCode(), -1);
            return;
        }
        write(exchange, answer.statusCode(), body);
    }

    private static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean empty = body.length == 0 || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
