package dev.linkcrawl.local.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.linkcrawl.local.api.HttpApiResponses.OutgoingResponse;
import dev.linkcrawl.local.lambda.FunctionUnavailableException;
import dev.linkcrawl.local.lambda.Invocation;
import dev.linkcrawl.local.lambda.InvocationLog;
import dev.linkcrawl.local.lambda.LocalFunction;
import dev.linkcrawl.local.template.HttpApiRoute;
import dev.linkcrawl.local.template.RouteThrottle;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP API on 127.0.0.1: each request that matches a route of the template becomes a payload 2.0
 * event for the route's function, and the function's response goes back as HTTP. Like API Gateway
 * it answers {@code 404 {"message":"Not Found"}} where no route matches, {@code 413} for a payload
 * over 10 MB, and {@code 500 {"message":"Internal Server Error"}} when the function throws or times
 * out. Routes of a function that is not built yet answer {@code 501}. A route the template
 * throttles ({@code RouteSettings}, {@code DefaultRouteSettings}) answers {@code 429
 * {"message":"Too Many Requests"}} past its limits, as API Gateway does ({@link TokenBucket}).
 *
 * <p>The JWT authorizer is emulated without verification: see {@link BearerIdentity}. Requests run
 * on a bounded pool of {@value #THREADS} threads; beyond {@value #QUEUED} waiting requests the
 * accepting thread runs them itself, which slows accepting rather than dropping requests.
 */
public final class ApiGatewayEmulator implements AutoCloseable {

    /** API Gateway's payload limit: 10 MB. */
    public static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

    /** Beyond this much unread body the connection is simply closed. */
    static final long DRAIN_LIMIT = 4L * MAX_PAYLOAD_BYTES;

    static final int THREADS = 16;
    static final int QUEUED = 256;

    /** Where a route leads. */
    public sealed interface Target {
        String function();

        /** A function that runs. */
        record Ready(LocalFunction localFunction) implements Target {
            @Override
            public String function() {
                return localFunction.name();
            }
        }

        /**
         * A function of the template that cannot run here: its routes answer 501 while it is not
         * built, 500 when its init failed (as API Gateway answers for a Lambda init error).
         */
        record Unavailable(
                String function, FunctionUnavailableException.Reason reason, String detail)
                implements Target {}
    }

    /**
     * One route of the template, where it leads, and its throttle ({@link RouteThrottle}) if the
     * template sets one.
     */
    public record Binding(HttpApiRoute route, Target target, Optional<RouteThrottle> throttle) {
        public Binding {
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(throttle, "throttle");
        }

        /** A route without a throttle. */
        public Binding(HttpApiRoute route, Target target) {
            this(route, target, Optional.empty());
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final List<Binding> bindings;
    private final Map<Binding, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final InvocationLog log;
    private final Clock clock;

    private ApiGatewayEmulator(
            HttpServer server,
            ThreadPoolExecutor executor,
            List<Binding> bindings,
            InvocationLog log,
            Clock clock) {
        this.server = server;
        this.executor = executor;
        this.bindings = bindings;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Starts serving on 127.0.0.1.
     *
     * @param port the port, or 0 for a free one
     * @throws IOException when the port cannot be bound (for example, it is in use)
     */
    public static ApiGatewayEmulator start(
            int port, List<Binding> bindings, InvocationLog log, Clock clock) throws IOException {
        List<Binding> ordered = new ArrayList<>(bindings);
        ordered.sort(
                Comparator.comparingInt((Binding binding) -> binding.route().specificity())
                        .reversed());
        HttpServer server =
                HttpServer.create(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        ThreadPoolExecutor executor =
                new ThreadPoolExecutor(
                        THREADS,
                        THREADS,
                        30,
                        TimeUnit.SECONDS,
                        new ArrayBlockingQueue<>(QUEUED),
                        Thread.ofPlatform().daemon().name("api-", 1).factory(),
                        new ThreadPoolExecutor.CallerRunsPolicy());
        executor.allowCoreThreadTimeOut(true);
        server.setExecutor(executor);
        ApiGatewayEmulator emulator =
                new ApiGatewayEmulator(server, executor, List.copyOf(ordered), log, clock);
        server.createContext("/", emulator::handle);
        server.start();
        return emulator;
    }

    /** The base URL, for example {@code http://127.0.0.1:3000}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant received = clock.instant();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        String trigger = method + " " + rawPath;
        try (exchange) {
            Optional<Map.Entry<Binding, Map<String, String>>> matched = route(method, rawPath);
            if (matched.isEmpty()) {
                drain(exchange);
                write(exchange, HttpApiResponses.message(404, "Not Found"));
                log.invoked("-", trigger, "404 no route", since(received));
                return;
            }
            Binding binding = matched.get().getKey();
            if (!admitted(binding, received)) {
                drain(exchange);
                write(exchange, HttpApiResponses.message(429, "Too Many Requests"));
                log.invoked(binding.target().function(), trigger, "429 throttled", since(received));
                return;
            }
            Optional<byte[]> body = readBody(exchange);
            if (body.isEmpty()) {
                drain(exchange);
                write(exchange, HttpApiResponses.message(413, "Request Entity Too Large"));
                log.invoked(
                        binding.target().function(),
                        trigger,
                        "413 payload over 10 MB",
                        since(received));
                return;
            }
            switch (binding.target()) {
                case Target.Unavailable unavailable -> {
                    boolean notBuilt =
                            unavailable.reason() == FunctionUnavailableException.Reason.NOT_BUILT;
                    write(
                            exchange,
                            notBuilt
                                    ? HttpApiResponses.message(
                                            501, "Not Implemented: " + unavailable.detail())
                                    : HttpApiResponses.message(500, "Internal Server Error"));
                    log.invoked(
                            unavailable.function(),
                            trigger,
                            notBuilt ? "501 not built" : "500 init failed",
                            since(received));
                }
                case Target.Ready ready -> {
                    IncomingRequest request = request(exchange, method, rawPath, body.get());
                    APIGatewayV2HTTPEvent event =
                            HttpApiEvents.event(
                                    request, binding.route(), matched.get().getValue(), received);
                    invoke(exchange, ready.localFunction(), event, trigger, received);
                }
            }
        }
    }

    private void invoke(
            HttpExchange exchange,
            LocalFunction function,
            APIGatewayV2HTTPEvent event,
            String trigger,
            Instant received)
            throws IOException {
        Invocation invocation = function.invoke(event);
        OutgoingResponse response;
        String outcome;
        if (invocation instanceof Invocation.Completed completed) {
            try {
                response = HttpApiResponses.fromOutput(completed.output());
                outcome = Integer.toString(response.status());
            } catch (IllegalArgumentException e) {
                response = HttpApiResponses.message(500, "Internal Server Error");
                outcome = "500 (malformed response: " + e.getMessage() + ")";
            }
        } else {
            response = HttpApiResponses.message(500, "Internal Server Error");
            outcome = "500 (" + invocation.outcome() + ")";
        }
        write(exchange, response);
        log.invoked(function.name(), trigger, outcome, since(received));
    }

    /** Whether the route's throttle, if it has one, lets a request arriving at {@code now} in. */
    private boolean admitted(Binding binding, Instant now) {
        return binding.throttle()
                .map(
                        throttle ->
                                buckets.computeIfAbsent(
                                                binding, b -> new TokenBucket(throttle, now))
                                        .tryTake(now))
                .orElse(true);
    }

    private Optional<Map.Entry<Binding, Map<String, String>>> route(String method, String rawPath) {
        for (Binding binding : bindings) {
            Optional<Map<String, String>> parameters = binding.route().match(method, rawPath);
            if (parameters.isPresent()) {
                return Optional.of(Map.entry(binding, parameters.get()));
            }
        }
        return Optional.empty();
    }

    /** The body, or empty when it is over the payload limit. */
    private static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > MAX_PAYLOAD_BYTES) {
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                // A malformed length: the read below still enforces the limit.
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_PAYLOAD_BYTES + 1);
            return body.length > MAX_PAYLOAD_BYTES ? Optional.empty() : Optional.of(body);
        }
    }

    /**
     * Reads and discards what is left of the body (up to {@value #DRAIN_LIMIT} bytes), so that a
     * client still sending gets the answer rather than a reset connection.
     */
    private static void drain(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[64 * 1024];
            long drained = 0;
            for (int read = in.read(buffer);
                    read >= 0 && drained < DRAIN_LIMIT;
                    read = in.read(buffer)) {
                drained += read;
            }
        }
    }

    private static IncomingRequest request(
            HttpExchange exchange, String method, String rawPath, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach(
                        (name, values) ->
                                headers.computeIfAbsent(
                                                name.toLowerCase(Locale.ROOT),
                                                key -> new ArrayList<>())
                                        .addAll(values));
        String rawQuery = exchange.getRequestURI().getRawQuery();
        return new IncomingRequest(
                method,
                rawPath,
                rawQuery == null ? "" : rawQuery,
                headers,
                body,
                exchange.getRemoteAddress().getAddress().getHostAddress());
    }

    private static void write(HttpExchange exchange, OutgoingResponse response) throws IOException {
        response.headers()
                .forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        boolean noBody =
                response.body().length == 0
                        || response.status() == 204
                        || response.status() == 304
                        || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    private Duration since(Instant start) {
        return Duration.between(start, clock.instant());
    }
}
