package dev.linkcrawl.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The dev stack's EventBridge: a loopback endpoint that takes {@code PutEvents} (the JSON 1.1
 * protocol, {@code X-Amz-Target: AWSEvents.PutEvents}) from the functions, whose clients are
 * pointed at it ({@code AWS_ENDPOINT_URL_EVENTBRIDGE}), and records each entry as one JSON line in
 * {@code .linkcrawl/events.jsonl} (emptied when {@code ./linkcrawl dev} starts):
 *
 * <pre>{@code
 * {"time":"…","id":"…","bus":"default","source":"linkcrawl","detail-type":"LinkCrawled",
 *  "detail":{"id":"…","owner":"alice","status":"crawled","url":"…","title":"…"}}
 * }</pre>
 *
 * No rule or target runs: the file (and the line {@code ./linkcrawl dev} prints for each event) is
 * where a person sees what would reach a real bus. Requests are not checked for signatures.
 */
public final class LocalEventBus implements AutoCloseable {

    static final String FILE_NAME = "events.jsonl";
    static final String PUT_EVENTS = "AWSEvents.PutEvents";

    /** The largest request read: 1 MiB (EventBridge takes 256 KiB per call). */
    static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Path file;
    private final Clock clock;
    private final Consumer<String> printer;

    private LocalEventBus(HttpServer server, Path file, Clock clock, Consumer<String> printer) {
        this.server = server;
        this.file = file;
        this.clock = clock;
        this.printer = printer;
    }

    /**
     * Starts the bus on a free loopback port, recording into {@code stateFolder}'s {@value
     * #FILE_NAME}, emptied first.
     *
     * @param printer receives one line per event recorded, for the console
     */
    public static LocalEventBus start(Path stateFolder, Clock clock, Consumer<String> printer)
            throws IOException {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(printer, "printer");
        Path file = file(stateFolder);
        Files.createDirectories(stateFolder);
        Files.writeString(file, "");
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LocalEventBus bus = new LocalEventBus(server, file, clock, printer);
        server.createContext("/", bus::handle);
        server.setExecutor(
                Executors.newThreadPerTaskExecutor(
                        Thread.ofVirtual().name("linkcrawl-events-", 0).factory()));
        server.start();
        return bus;
    }

    /** Where the events are recorded. */
    public static Path file(Path stateFolder) {
        return stateFolder.resolve(FILE_NAME);
    }

    /** The endpoint the functions' EventBridge clients are given. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"POST".equals(exchange.getRequestMethod()) || !PUT_EVENTS.equals(target)) {
                answer(exchange, 400, error("UnknownOperationException", "only PutEvents"));
                return;
            }
            byte[] body = exchange.getRequestBody().readNBytes(MAX_REQUEST_BYTES + 1);
            if (body.length > MAX_REQUEST_BYTES) {
                answer(exchange, 413, error("ValidationException", "request too large"));
                return;
            }
            JsonNode request;
            try {
                request = JSON.readTree(body);
            } catch (IOException e) {
                answer(exchange, 400, error("SerializationException", "not JSON"));
                return;
            }
            answer(exchange, 200, putEvents(request.path("Entries")));
        }
    }

    /** Records every entry and answers as EventBridge does: an event id per entry. */
    private synchronized String putEvents(JsonNode entries) throws IOException {
        ObjectNode response = JSON.createObjectNode().put("FailedEntryCount", 0);
        ArrayNode answered = response.putArray("Entries");
        List<ObjectNode> lines = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (JsonNode entry : entries) {
            String id = UUID.randomUUID().toString();
            ObjectNode line = recorded(entry, id);
            lines.add(line);
            text.append(line).append('\n');
            answered.addObject().put("EventId", id);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        lines.forEach(line -> printer.accept(printed(line)));
        return response.toString();
    }

    private ObjectNode recorded(JsonNode entry, String id) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", clock.instant().toString());
        line.put("id", id);
        line.put("bus", entry.path("EventBusName").asText("default"));
        line.put("source", entry.path("Source").asText(""));
        line.put("detail-type", entry.path("DetailType").asText(""));
        String detail = entry.path("Detail").asText("{}");
        try {
            line.set("detail", JSON.readTree(detail));
        } catch (IOException e) {
            line.put("detail", detail);
        }
        return line;
    }

    /** The console's line for one event: {@code event LinkCrawled crawled <url> "title"}. */
    static String printed(JsonNode line) {
        JsonNode detail = line.path("detail");
        StringBuilder out =
                new StringBuilder("event ")
                        .append(line.path("detail-type").asText())
                        .append(' ')
                        .append(detail.path("status").asText("?"))
                        .append(' ')
                        .append(detail.path("url").asText(""));
        if (detail.hasNonNull("failureCode")) {
            out.append(" (").append(detail.path("failureCode").asText()).append(')');
        }
        if (detail.hasNonNull("title")) {
            out.append(" \"").append(detail.path("title").asText()).append('"');
        }
        return out.toString();
    }

    /** The events recorded so far, oldest first. */
    public static List<JsonNode> read(Path stateFolder) throws IOException {
        return Files.readAllLines(file(stateFolder)).stream()
                .filter(line -> !line.isBlank())
                .map(LocalEventBus::parse)
                .toList();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String error(String type, String message) {
        return JSON.createObjectNode().put("__type", type).put("message", message).toString();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
