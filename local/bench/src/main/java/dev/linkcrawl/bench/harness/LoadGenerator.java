package dev.linkcrawl.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Submits links to {@code POST /links} from a fixed number of concurrent clients (one virtual
 * thread each, one request at a time) for a fixed time, then stops by itself: no client starts a
 * request after the duration, each request gives up after {@value #REQUEST_TIMEOUT_SECONDS}
 * seconds, and whatever still runs {@value #REQUEST_TIMEOUT_SECONDS} seconds after the duration is
 * interrupted. Only loopback addresses are ever targeted.
 *
 * <p>Client {@code c} is user {@code <run>-<c>} and saves {@code <site>/p/<run>/<c>/<n>} for n = 0,
 * 1, 2…, so every request is a distinct link and every 202 a distinct id.
 */
public final class LoadGenerator {

    /** Per-request limit, and the grace after the duration: 10 seconds. */
    static final int REQUEST_TIMEOUT_SECONDS = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final PageSite site;
    private final String run;

    /**
     * @param api the API's base URL; its host must be a loopback address
     * @param site where the submitted pages are served
     * @param run a name for this run, prefixing owners and paths so that runs never share a link
     * @throws IllegalArgumentException when the API is not on loopback
     */
    public LoadGenerator(URI api, PageSite site, String run) {
        this.api = requireLoopback(Objects.requireNonNull(api, "api"));
        this.site = Objects.requireNonNull(site, "site");
        this.run = Objects.requireNonNull(run, "run");
        if (!run.matches("[a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("run must be 1 to 40 of [a-z0-9-]");
        }
    }

    /** The owner of client {@code client}. */
    public String owner(int client) {
        return run + "-" + client;
    }

    /** Runs {@code clients} clients for {@code duration}. */
    public LoadResult run(int clients, Duration duration) throws InterruptedException {
        if (clients < 1 || clients > 10_000) {
            throw new IllegalArgumentException("clients must be 1 to 10000");
        }
        HttpClient http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(2))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .proxy(HttpClient.Builder.NO_PROXY)
                        .build();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<LoadResult.Accepted> accepted = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<LoadResult.Submitted> unanswered = new ConcurrentLinkedQueue<>();
        LongAdder transportErrors = new LongAdder();
        AtomicLong lastAnswer = new AtomicLong();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];

        long start = System.nanoTime();
        long stopAt = start + duration.toNanos();
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (int c = 0; c < clients; c++) {
                int client = c;
                executor.execute(
                        () -> {
                            long[] own = new long[1024];
                            int n = 0;
                            while (System.nanoTime() < stopAt
                                    && !Thread.currentThread().isInterrupted()) {
                                String owner = owner(client);
                                String url =
                                        site.url("/p/" + run + "/" + client + "/" + n).toString();
                                long sent = System.nanoTime();
                                try {
                                    HttpResponse<String> response =
                                            http.send(
                                                    request(owner, url),
                                                    HttpResponse.BodyHandlers.ofString());
                                    long took = System.nanoTime() - sent;
                                    lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
                                    if (n == own.length) {
                                        own = Arrays.copyOf(own, own.length * 2);
                                    }
                                    own[n] = took;
                                    statuses.computeIfAbsent(
                                                    response.statusCode(), s -> new LongAdder())
                                            .increment();
                                    if (response.statusCode() == 202) {
                                        accepted.add(
                                                new LoadResult.Accepted(
                                                        owner, url, id(response.body())));
                                    }
                                } catch (IOException e) {
                                    transportErrors.increment();
                                    unanswered.add(new LoadResult.Submitted(owner, url));
                                } catch (InterruptedException e) {
                                    unanswered.add(new LoadResult.Submitted(owner, url));
                                    break;
                                }
                                n++;
                            }
                            latencies[client] = own;
                            counts[client] = Math.min(n, own.length);
                        });
            }
        } finally {
            executor.shutdown();
            long graceNanos =
                    stopAt - System.nanoTime() + TimeUnit.SECONDS.toNanos(REQUEST_TIMEOUT_SECONDS);
            if (!executor.awaitTermination(Math.max(0, graceNanos), TimeUnit.NANOSECONDS)) {
                executor.shutdownNow();
                executor.awaitTermination(REQUEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            http.shutdownNow();
        }
        List<Long> all = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            if (latencies[c] != null) {
                for (int i = 0; i < counts[c]; i++) {
                    all.add(latencies[c][i]);
                }
            }
        }
        double[] millis = all.stream().mapToDouble(nanos -> nanos / 1_000_000.0).sorted().toArray();
        SortedMap<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((status, count) -> byStatus.put(status, count.sum()));
        long end = lastAnswer.get() == 0 ? System.nanoTime() : lastAnswer.get();
        return new LoadResult(
                clients,
                Duration.ofNanos(end - start),
                byStatus,
                transportErrors.sum(),
                millis,
                new ArrayList<>(accepted),
                new ArrayList<>(unanswered));
    }

    private HttpRequest request(String owner, String url) {
        return HttpRequest.newBuilder(api.resolve("/links"))
                .timeout(Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS))
                .header("Authorization", "Bearer " + owner)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}"))
                .build();
    }

    private static String id(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json.path("id").asText();
        } catch (IOException e) {
            return "";
        }
    }

    /** The URL, when every address its host names is a loopback address. */
    static URI requireLoopback(URI url) {
        String host = url.getHost();
        if (host == null) {
            throw new IllegalArgumentException("not an absolute http URL: " + url);
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException(
                            "the load generator only targets loopback addresses, and "
                                    + host
                                    + " is "
                                    + address.getHostAddress());
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host, e);
        }
        return url;
    }
}
