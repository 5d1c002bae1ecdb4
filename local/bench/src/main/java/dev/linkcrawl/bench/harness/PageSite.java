package dev.linkcrawl.bench.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A web site on 127.0.0.1 whose every path is a small article ({@code <title>Page /a/b</title>}),
 * for crawls that must succeed without the internet. The crawler reaches it only when the stack
 * exempts its {@link #hostPort()} ({@code ALLOWED_PRIVATE_HOSTS}).
 *
 * <p>Requests whose path matches {@link #hold} are held open, as a server that stops answering
 * would, until {@link #release()} or for at most {@value #MAX_HOLD_SECONDS} seconds, then answered
 * normally; {@link #heldPaths()} says which are waiting. One virtual thread per request.
 */
public final class PageSite implements AutoCloseable {

    /** The longest a held request waits for {@link #release()}: 120 seconds. */
    static final long MAX_HOLD_SECONDS = 120;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Function<String, byte[]> pages;
    private final String contentType;
    private final AtomicLong served = new AtomicLong();
    private final Set<String> heldPaths = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Predicate<String>> hold = new AtomicReference<>(path -> false);
    private final AtomicReference<CountDownLatch> release =
            new AtomicReference<>(new CountDownLatch(1));

    private PageSite(
            HttpServer server,
            ExecutorService executor,
            Function<String, byte[]> pages,
            String contentType) {
        this.server = server;
        this.executor = executor;
        this.pages = pages;
        this.contentType = contentType;
    }

    /**
     * Starts serving on 127.0.0.1, each path a small article naming it.
     *
     * @param port the port, or 0 for a free one
     */
    public static PageSite start(int port) throws IOException {
        return start(port, PageSite::page);
    }

    /**
     * Starts serving on 127.0.0.1.
     *
     * @param port the port, or 0 for a free one
     * @param pages the HTML of each path
     */
    public static PageSite start(int port, Function<String, String> pages) throws IOException {
        Objects.requireNonNull(pages, "pages");
        return start(
                port,
                path -> pages.apply(path).getBytes(StandardCharsets.UTF_8),
                "text/html; charset=utf-8");
    }

    /**
     * Starts serving on 127.0.0.1 the bytes of each path as {@code text/html} with no charset, so
     * the crawler finds the encoding in the page as it must on the web; a path without bytes
     * ({@code null}) is a 404.
     *
     * @param port the port, or 0 for a free one
     */
    public static PageSite startRaw(int port, Function<String, byte[]> pages) throws IOException {
        return start(port, Objects.requireNonNull(pages, "pages"), "text/html");
    }

    private static PageSite start(int port, Function<String, byte[]> pages, String contentType)
            throws IOException {
        HttpServer server =
                HttpServer.create(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        PageSite site = new PageSite(server, executor, pages, contentType);
        server.createContext("/", site::handle);
        server.start();
        return site;
    }

    /** {@code 127.0.0.1:<port>}, the pair to exempt with {@code ALLOWED_PRIVATE_HOSTS}. */
    public String hostPort() {
        return "127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The page at {@code path} (which starts with a slash). */
    public URI url(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("the path must start with /");
        }
        return URI.create("http://" + hostPort() + path);
    }

    /** Holds every later request whose path matches, until {@link #release()}. */
    public void hold(Predicate<String> paths) {
        release.set(new CountDownLatch(1));
        hold.set(Objects.requireNonNull(paths, "paths"));
    }

    /** Answers every held request and holds no more. */
    public void release() {
        hold.set(path -> false);
        release.get().countDown();
    }

    /** Distinct paths of the requests waiting for {@link #release()} now. */
    public int held() {
        return heldPaths.size();
    }

    /** The paths of the requests waiting for {@link #release()} now. */
    public Set<String> heldPaths() {
        return Set.copyOf(heldPaths);
    }

    /** Pages answered so far. */
    public long served() {
        return served.get();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (hold.get().test(path)) {
                awaitRelease(path);
            }
            byte[] body = pages.apply(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            served.incrementAndGet();
        } catch (IOException e) {
            // The crawler gave up on this request (its deadline, or its process died).
        }
    }

    private void awaitRelease(String path) {
        heldPaths.add(path);
        try {
            release.get().await(MAX_HOLD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            heldPaths.remove(path);
        }
    }

    /** An article page: a title, a description and a few sentences naming the path. */
    static String page(String path) {
        String escaped = path.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Page "
                + escaped
                + "</title><meta name=\"description\" content=\"A local page served for a crawl"
                + " under load.\"></head><body><nav><a href=\"/\">Home</a></nav><article><h1>Page "
                + escaped
                + "</h1><p>This page exists so that the crawler has something real to fetch,"
                + " extract and index while the pipeline is tested on this machine.</p><p>Every"
                + " path answers with its own title, so each saved link is its own document.</p>"
                + "</article></body></html>";
    }
}
