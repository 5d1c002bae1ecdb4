package dev.linkcrawl.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * POSTs at a steady rate from a fixed pool of client threads, on an open-loop schedule: request
 * {@code i} is due at {@code start + i / rate}, and its latency counts from then, so a stalled
 * server is billed for the requests it kept waiting (no coordinated omission). A request still
 * waiting for a client thread when it is already a client timeout late is not sent and counts as a
 * timeout.
 */
final class OpenLoopLoad {

    /**
     * One request: when it was due (ms from the phase start), how long it took, how it ended.
     *
     * @param error what went wrong ({@code status 503}, an exception's class name), or empty
     */
    record Sample(double dueMs, double latencyMs, Result result, String error) {
        Sample(double dueMs, double latencyMs, Result result) {
            this(dueMs, latencyMs, result, "");
        }
    }

    enum Result {
        OK,
        ERROR,
        TIMEOUT
    }

    private final HttpClient client;
    private final int threads;
    private final Duration clientTimeout;

    OpenLoopLoad(HttpClient client, int threads, Duration clientTimeout) {
        this.client = client;
        this.threads = threads;
        this.clientTimeout = clientTimeout;
    }

    /**
     * Sends {@code rate} requests a second for {@code duration}, each with {@code body.apply(i)} to
     * {@code uri}, waits for the last ones and returns every sample.
     */
    List<Sample> run(URI uri, double rate, Duration duration, LongFunction<String> body)
            throws InterruptedException {
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        threads, Thread.ofPlatform().daemon().name("bench-client-", 1).factory());
        long count = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        long start = System.nanoTime();
        AtomicLong sequence = new AtomicLong();
        try {
            for (long i = 0; i < count; i++) {
                long due = start + Math.round(i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                long n = sequence.getAndIncrement();
                pool.execute(() -> samples.add(send(uri, body.apply(n), start, due)));
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(clientTimeout.toSeconds() * 3 + 10, TimeUnit.SECONDS);
            pool.shutdownNow();
        }
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    private Sample send(URI uri, String body, long start, long due) {
        double dueMs = (due - start) / 1e6;
        if (System.nanoTime() - due > clientTimeout.toNanos()) {
            return new Sample(dueMs, (System.nanoTime() - due) / 1e6, Result.TIMEOUT);
        }
        HttpRequest request =
                HttpRequest.newBuilder(uri)
                        .timeout(clientTimeout)
                        .header("Authorization", "Bearer bench")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        Result result;
        String error = "";
        try {
            HttpResponse<Void> response =
                    client.send(request, HttpResponse.BodyHandlers.discarding());
            result = response.statusCode() == 202 ? Result.OK : Result.ERROR;
            error = result == Result.OK ? "" : "status " + response.statusCode();
        } catch (HttpTimeoutException e) {
            result = Result.TIMEOUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = Result.ERROR;
            error = "interrupted";
        } catch (java.io.IOException e) {
            result = Result.ERROR;
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return new Sample(dueMs, (System.nanoTime() - due) / 1e6, result, error);
    }
}
