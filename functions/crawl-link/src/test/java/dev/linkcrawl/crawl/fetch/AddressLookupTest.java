package dev.linkcrawl.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.crawl.fetch.AddressLookup.Result;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AddressLookupTest {

    private final ExecutorService workers = Executors.newCachedThreadPool();

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    private Result lookup(HostResolver resolver, Duration budget) {
        return new AddressLookup(resolver, workers)
                .lookup("name.example", Instant.now().plus(budget));
    }

    @Test
    void returnsEveryAddress() throws UnknownHostException {
        InetAddress a = InetAddress.getByName("93.184.215.14");
        InetAddress b = InetAddress.getByName("2606:2800:21f:cb07:6820:80da:af6b:8b2c");

        assertThat(lookup(host -> List.of(a, b), Duration.ofSeconds(1)))
                .isEqualTo(new Result.Found(List.of(a, b)));
    }

    @Test
    void stopsWaitingAtTheDeadlineForAResolverThatHangs() {
        CountDownLatch never = new CountDownLatch(1);
        long start = System.nanoTime();

        Result result =
                lookup(
                        host -> {
                            try {
                                never.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return List.of();
                        },
                        Duration.ofMillis(300));

        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(result).isInstanceOf(Result.Failed.class);
        assertThat(((Result.Failed) result).code()).isEqualTo(FailureCode.DNS_TIMEOUT);
        assertThat(tookMs).isBetween(250L, 1_000L);
    }

    @Test
    void doesNotStartWhenTheDeadlineHasPassed() {
        Result result =
                lookup(
                        host -> {
                            throw new AssertionError("must not be called");
                        },
                        Duration.ofMillis(-1));

        assertThat(((Result.Failed) result).code()).isEqualTo(FailureCode.DNS_TIMEOUT);
    }

    @Test
    void nameThatDoesNotExistIsNxdomain() {
        Result result =
                lookup(
                        host -> {
                            throw new UnknownHostException(host + ": Name or service not known");
                        },
                        Duration.ofSeconds(1));

        assertThat(((Result.Failed) result).code()).isEqualTo(FailureCode.DNS_NXDOMAIN);
    }

    @Test
    void temporaryResolverFailureIsRetryableDnsFailure() {
        Result result =
                lookup(
                        host -> {
                            throw new UnknownHostException(
                                    host + ": Temporary failure in name resolution");
                        },
                        Duration.ofSeconds(1));

        assertThat(((Result.Failed) result).code()).isEqualTo(FailureCode.DNS_FAILURE);
        assertThat(FailureCode.DNS_FAILURE.retryable()).isTrue();
    }

    @Test
    void emptyAnswerIsNxdomain() {
        assertThat(((Result.Failed) lookup(host -> List.of(), Duration.ofSeconds(1))).code())
                .isEqualTo(FailureCode.DNS_NXDOMAIN);
    }

    @Test
    void unexpectedResolverErrorIsDnsFailure() {
        Result result =
                lookup(
                        host -> {
                            throw new IllegalStateException("boom");
                        },
                        Duration.ofSeconds(1));

        assertThat(((Result.Failed) result).code()).isEqualTo(FailureCode.DNS_FAILURE);
    }
}
