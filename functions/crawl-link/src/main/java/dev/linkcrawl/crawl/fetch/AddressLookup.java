package dev.linkcrawl.crawl.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a {@link HostResolver} with a deadline. A JDK lookup cannot be interrupted, so it runs on a
 * worker thread and the caller stops waiting at the deadline; the lookup is abandoned (its thread
 * finishes in the background when the system resolver gives up).
 */
final class AddressLookup {

    /** The outcome of one lookup. */
    sealed interface Result {
        /** The name resolved to at least one address. */
        record Found(List<InetAddress> addresses) implements Result {
            public Found {
                addresses = List.copyOf(addresses);
                if (addresses.isEmpty()) {
                    throw new IllegalArgumentException("found means at least one address");
                }
            }
        }

        /** The lookup failed: {@code DNS_NXDOMAIN}, {@code DNS_FAILURE} or {@code DNS_TIMEOUT}. */
        record Failed(FailureCode code, String detail) implements Result {
            public Failed {
                Objects.requireNonNull(code, "code");
                Objects.requireNonNull(detail, "detail");
            }
        }
    }

    private final HostResolver resolver;
    private final ExecutorService workers;

    AddressLookup(HostResolver resolver, ExecutorService workers) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    /** Resolves {@code host}, waiting no later than {@code deadline}. */
    Result lookup(String host, Instant deadline) {
        long waitNanos = Duration.between(Instant.now(), deadline).toNanos();
        if (waitNanos <= 0) {
            return new Result.Failed(
                    FailureCode.DNS_TIMEOUT, "no time was left to resolve the host");
        }
        Future<List<InetAddress>> answer = workers.submit(() -> resolver.resolve(host));
        try {
            List<InetAddress> addresses = answer.get(waitNanos, TimeUnit.NANOSECONDS);
            if (addresses == null || addresses.isEmpty()) {
                return new Result.Failed(FailureCode.DNS_NXDOMAIN, "the host has no address");
            }
            return new Result.Found(addresses);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return new Result.Failed(
                    FailureCode.DNS_TIMEOUT, "the host did not resolve before the deadline");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return new Result.Failed(FailureCode.DNS_TIMEOUT, "the lookup was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownHostException unknown) {
                return classify(unknown);
            }
            return new Result.Failed(
                    FailureCode.DNS_FAILURE,
                    "the lookup failed: " + cause.getClass().getSimpleName());
        }
    }

    /**
     * NXDOMAIN or a temporary failure? The JDK reports both as {@link UnknownHostException}; only
     * the resolver's message ({@code gai_strerror} text on Linux) tells them apart.
     */
    static Result.Failed classify(UnknownHostException error) {
        String message = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("temporary failure")
                || message.contains("try again")
                || message.contains("servfail")
                || message.contains("timed out")) {
            return new Result.Failed(
                    FailureCode.DNS_FAILURE, "the DNS server could not answer for the host now");
        }
        return new Result.Failed(FailureCode.DNS_NXDOMAIN, "the host does not exist in DNS");
    }
}
