package dev.linkcrawl.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.linkcrawl.local.lambda.InvocationLog;
import dev.linkcrawl.local.lambda.LocalFunction;
import dev.linkcrawl.local.template.QueueResource;
import dev.linkcrawl.local.template.Redrive;
import dev.linkcrawl.local.template.SqsEventSourceMapping;
import dev.linkcrawl.testing.EmbeddedSqs;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SQS event sources emulated against a real SQS-compatible server (ElasticMQ, in memory), with
 * counting fake handlers. Queues here have 1-second visibility timeouts so that redelivery is
 * quick.
 */
@Timeout(60)
class SqsEventSourceIT {

    private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

    private EmbeddedSqs sqs;
    private final List<SqsEventSourcePoller> pollers = new ArrayList<>();

    @BeforeEach
    void startQueue() {
        sqs = EmbeddedSqs.start();
    }

    @AfterEach
    void stop() {
        pollers.forEach(SqsEventSourcePoller::close);
        sqs.close();
    }

    @Test
    void eachMessageIsOneInvocationWithALambdaShapedEventAndIsThenDeleted() throws Exception {
        Map<String, LocalQueue> queues = provision(queue("Work", 30, Optional.empty()));
        List<SQSEvent> events = new CopyOnWriteArrayList<>();
        poll(
                function(
                        Duration.ofSeconds(5),
                        (event, context) -> {
                            events.add(event);
                            return new SQSBatchResponse(List.of());
                        }),
                mapping("Work", 1, 5),
                queues.get("Work"));

        for (int i = 0; i < 5; i++) {
            send(queues.get("Work"), "message-" + i);
        }
        awaitTrue(() -> events.size() == 5, Duration.ofSeconds(20));
        awaitTrue(() -> visibleAndInFlight(queues.get("Work")) == 0, Duration.ofSeconds(10));

        assertThat(events).allSatisfy(event -> assertThat(event.getRecords()).hasSize(1));
        assertThat(events.stream().map(event -> event.getRecords().getFirst().getBody()))
                .containsExactlyInAnyOrder(
                        "message-0", "message-1", "message-2", "message-3", "message-4");
        SQSEvent.SQSMessage record = events.getFirst().getRecords().getFirst();
        assertThat(record.getEventSource()).isEqualTo("aws:sqs");
        assertThat(record.getEventSourceArn()).isEqualTo(queues.get("Work").arn());
        assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(record.getMessageId()).isNotBlank();
        assertThat(record.getReceiptHandle()).isNotBlank();
        assertThat(record.getAttributes())
                .containsEntry("ApproximateReceiveCount", "1")
                .containsKeys("SentTimestamp", "ApproximateFirstReceiveTimestamp");
    }

    @Test
    void atMostMaximumConcurrencyInvocationsRunAtOnce() throws Exception {
        Map<String, LocalQueue> queues = provision(queue("Busy", 30, Optional.empty()));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        poll(
                function(
                        Duration.ofSeconds(5),
                        (event, context) -> {
                            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                            try {
                                Thread.sleep(300);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            running.decrementAndGet();
                            done.incrementAndGet();
                            return null;
                        }),
                mapping("Busy", 1, 2),
                queues.get("Busy"));

        for (int i = 0; i < 8; i++) {
            send(queues.get("Busy"), "job-" + i);
        }
        awaitTrue(() -> done.get() == 8, Duration.ofSeconds(20));

        assertThat(mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void raisingTheMaximumConcurrencyOfARunningMappingLetsMoreRunAtOnce() throws Exception {
        Map<String, LocalQueue> queues = provision(queue("Busy", 30, Optional.empty()));
        Concurrency seen = new Concurrency();
        poll(
                function(Duration.ofSeconds(5), seen.handler(200)),
                mapping("Busy", 1, 2),
                queues.get("Busy"));
        for (int i = 0; i < 16; i++) {
            send(queues.get("Busy"), "job-" + i);
        }
        awaitTrue(() -> seen.done.get() >= 4, Duration.ofSeconds(20));
        assertThat(seen.mostAtOnce.get()).isEqualTo(2);

        pollers.getLast().maximumConcurrency(4);
        awaitTrue(() -> seen.done.get() == 16, Duration.ofSeconds(20));

        assertThat(seen.mostAtOnce.get()).isEqualTo(4);
        assertThat(pollers.getLast().maximumConcurrency()).isEqualTo(4);
    }

    @Test
    void loweringTheMaximumConcurrencyLetsTheRunningFinishAndStartsFewer() throws Exception {
        Map<String, LocalQueue> queues = provision(queue("Busy", 30, Optional.empty()));
        Concurrency seen = new Concurrency();
        poll(
                function(Duration.ofSeconds(5), seen.handler(300)),
                mapping("Busy", 1, 3),
                queues.get("Busy"));
        for (int i = 0; i < 9; i++) {
            send(queues.get("Busy"), "job-" + i);
        }
        awaitTrue(() -> seen.running.get() == 3, Duration.ofSeconds(20));

        pollers.getLast().maximumConcurrency(1);
        awaitTrue(() -> seen.done.get() >= 3, Duration.ofSeconds(20));
        seen.mostAtOnce.set(seen.running.get());
        awaitTrue(() -> seen.done.get() == 9, Duration.ofSeconds(20));

        assertThat(seen.mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void oneReceiveBringsWorkForEveryFreeSlot() throws Exception {
        Map<String, LocalQueue> queues = provision(queue("Backlog", 30, Optional.empty()));
        for (int i = 0; i < 10; i++) {
            send(queues.get("Backlog"), "job-" + i);
        }
        AtomicInteger receives = new AtomicInteger();
        SqsClient client = LocalSqs.client(sqs.endpoint());
        SqsClient counting =
                (SqsClient)
                        Proxy.newProxyInstance(
                                SqsClient.class.getClassLoader(),
                                new Class<?>[] {SqsClient.class},
                                (proxy, method, args) -> {
                                    if (method.getName().equals("receiveMessage")) {
                                        receives.incrementAndGet();
                                    }
                                    try {
                                        return method.invoke(client, args);
                                    } catch (InvocationTargetException e) {
                                        throw e.getCause();
                                    }
                                });
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        pollers.add(
                new SqsEventSourcePoller(
                                function(
                                        Duration.ofSeconds(10),
                                        (event, context) -> {
                                            running.incrementAndGet();
                                            try {
                                                release.await(5, TimeUnit.SECONDS);
                                            } catch (InterruptedException e) {
                                                Thread.currentThread().interrupt();
                                            }
                                            return null;
                                        }),
                                mapping("Backlog", 1, 10),
                                queues.get("Backlog"),
                                counting,
                                new InvocationLog(QUIET))
                        .start());

        awaitTrue(() -> running.get() == 10, Duration.ofSeconds(20));
        release.countDown();

        assertThat(receives.get())
                .as("ten invocations started by fewer receives than one each")
                .isLessThan(10);
    }

    /** A handler that sleeps, counting how many run at once. */
    private static final class Concurrency {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();

        RequestHandler<SQSEvent, SQSBatchResponse> handler(long sleepMs) {
            return (event, context) -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(sleepMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                done.incrementAndGet();
                return null;
            };
        }
    }

    @Test
    void batchItemFailureComesBackAfterTheVisibilityTimeoutThenMovesToTheDeadLetterQueue()
            throws Exception {
        Map<String, LocalQueue> queues =
                provision(
                        queue("Failing", 1, Optional.of(new Redrive("FailingDlq", 3))),
                        queue("FailingDlq", 30, Optional.empty()));
        List<String> receiveCounts = new CopyOnWriteArrayList<>();
        List<Long> invokedAt = new CopyOnWriteArrayList<>();
        poll(
                function(
                        Duration.ofSeconds(5),
                        (event, context) -> {
                            SQSEvent.SQSMessage record = event.getRecords().getFirst();
                            receiveCounts.add(
                                    record.getAttributes().get("ApproximateReceiveCount"));
                            invokedAt.add(System.nanoTime());
                            return new SQSBatchResponse(
                                    List.of(
                                            new SQSBatchResponse.BatchItemFailure(
                                                    record.getMessageId())));
                        }),
                mapping("Failing", 1, 2),
                queues.get("Failing"));

        send(queues.get("Failing"), "never works");
        awaitTrue(() -> visible(queues.get("FailingDlq")) == 1, Duration.ofSeconds(30));

        assertThat(receiveCounts).containsExactly("1", "2", "3");
        for (int i = 1; i < invokedAt.size(); i++) {
            assertThat((invokedAt.get(i) - invokedAt.get(i - 1)) / 1_000_000)
                    .as("redelivered only after the 1 s visibility timeout")
                    .isGreaterThanOrEqualTo(900);
        }
        assertThat(visibleAndInFlight(queues.get("Failing"))).isZero();
    }

    @Test
    void onlyTheReportedItemsOfABatchComeBack() throws Exception {
        Map<String, LocalQueue> queues = provision(queue("Mixed", 1, Optional.empty()));
        Map<String, AtomicInteger> invocationsByBody = new ConcurrentHashMap<>();
        poll(
                function(
                        Duration.ofSeconds(5),
                        (event, context) -> {
                            List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
                            for (SQSEvent.SQSMessage record : event.getRecords()) {
                                invocationsByBody
                                        .computeIfAbsent(
                                                record.getBody(), body -> new AtomicInteger())
                                        .incrementAndGet();
                                if (record.getBody().equals("bad")) {
                                    failures.add(
                                            new SQSBatchResponse.BatchItemFailure(
                                                    record.getMessageId()));
                                }
                            }
                            return new SQSBatchResponse(failures);
                        }),
                mapping("Mixed", 10, 2),
                queues.get("Mixed"));

        send(queues.get("Mixed"), "good");
        send(queues.get("Mixed"), "bad");
        awaitTrue(
                () -> invocationsByBody.getOrDefault("bad", new AtomicInteger()).get() >= 3,
                Duration.ofSeconds(20));

        assertThat(invocationsByBody.get("good").get()).isEqualTo(1);
    }

    @Test
    void thrownExceptionFailsTheWholeBatchWhichComesBack() throws Exception {
        Map<String, LocalQueue> queues = provision(queue("Flaky", 1, Optional.empty()));
        AtomicInteger attempts = new AtomicInteger();
        poll(
                function(
                        Duration.ofSeconds(5),
                        (event, context) -> {
                            if (attempts.incrementAndGet() == 1) {
                                throw new IllegalStateException("transient");
                            }
                            return new SQSBatchResponse(List.of());
                        }),
                mapping("Flaky", 1, 2),
                queues.get("Flaky"));

        send(queues.get("Flaky"), "retry me");
        awaitTrue(() -> attempts.get() == 2, Duration.ofSeconds(15));
        awaitTrue(() -> visibleAndInFlight(queues.get("Flaky")) == 0, Duration.ofSeconds(10));

        assertThat(attempts.get()).isEqualTo(2);
    }

    @Test
    void handlerPastItsTimeoutIsCutAndTheMessageComesBack() throws Exception {
        Map<String, LocalQueue> queues = provision(queue("Slow", 1, Optional.empty()));
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        poll(
                function(
                        Duration.ofMillis(500),
                        (event, context) -> {
                            if (attempts.incrementAndGet() == 1) {
                                try {
                                    Thread.sleep(20_000);
                                } catch (InterruptedException e) {
                                    interrupted.incrementAndGet();
                                }
                            }
                            return null;
                        }),
                mapping("Slow", 1, 2),
                queues.get("Slow"));

        long sent = System.nanoTime();
        send(queues.get("Slow"), "slow once");
        awaitTrue(() -> attempts.get() == 2, Duration.ofSeconds(15));
        long secondAttemptAfterMs = (System.nanoTime() - sent) / 1_000_000;
        awaitTrue(() -> visibleAndInFlight(queues.get("Slow")) == 0, Duration.ofSeconds(10));

        assertThat(interrupted.get()).isEqualTo(1);
        assertThat(secondAttemptAfterMs).as("cut at 0.5 s, not after 20 s").isLessThan(10_000);
    }

    @Test
    void aBacklogOnOneQueueNeverDelaysTheOtherQueueOfTheSameFunction() throws Exception {
        Map<String, LocalQueue> queues =
                provision(
                        queue("Backlog", 30, Optional.empty()),
                        queue("Urgent", 30, Optional.empty()));
        Map<String, Long> startedAt = new ConcurrentHashMap<>();
        LocalFunction function =
                function(
                        Duration.ofSeconds(5),
                        (event, context) -> {
                            startedAt.put(
                                    event.getRecords().getFirst().getBody(), System.nanoTime());
                            if (event.getRecords().getFirst().getBody().startsWith("backlog")) {
                                try {
                                    Thread.sleep(1_000);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                            return null;
                        });
        poll(function, mapping("Backlog", 1, 2), queues.get("Backlog"));
        poll(function, mapping("Urgent", 1, 2), queues.get("Urgent"));

        for (int i = 0; i < 20; i++) {
            send(queues.get("Backlog"), "backlog-" + i);
        }
        awaitTrue(() -> startedAt.size() >= 2, Duration.ofSeconds(10));
        long urgentSent = System.nanoTime();
        send(queues.get("Urgent"), "urgent");
        awaitTrue(() -> startedAt.containsKey("urgent"), Duration.ofSeconds(10));

        long waitedMs = (startedAt.get("urgent") - urgentSent) / 1_000_000;
        assertThat(waitedMs)
                .as(
                        "the backlog needs ~10 s at concurrency 2; the urgent message must not wait for it")
                .isLessThan(3_000);
        assertThat(startedAt.keySet().stream().filter(body -> body.startsWith("backlog")).count())
                .isLessThan(20);
    }

    @Test
    void withoutReportBatchItemFailuresACompletedInvocationDeletesTheWholeBatch() throws Exception {
        Map<String, LocalQueue> queues = provision(queue("Plain", 1, Optional.empty()));
        AtomicInteger invocations = new AtomicInteger();
        poll(
                function(
                        Duration.ofSeconds(5),
                        (event, context) -> {
                            invocations.incrementAndGet();
                            return new SQSBatchResponse(
                                    List.of(
                                            new SQSBatchResponse.BatchItemFailure(
                                                    event.getRecords().getFirst().getMessageId())));
                        }),
                new SqsEventSourceMapping("Plain", "Plain", 1, false, OptionalInt.of(2)),
                queues.get("Plain"));

        send(queues.get("Plain"), "ignored response");
        awaitTrue(() -> invocations.get() == 1, Duration.ofSeconds(10));
        Thread.sleep(2_500);

        assertThat(invocations.get()).isEqualTo(1);
        assertThat(visibleAndInFlight(queues.get("Plain"))).isZero();
    }

    @Test
    void aQuietTenantsMessageOvertakesANoisyTenantsBacklog() throws Exception {
        Duration quietWait = quietTenantsWaitBehindAFlood(SqsEventSourcePoller.Delivery.FAIR);

        assertThat(quietWait).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void inArrivalOrderTheQuietTenantsMessageWaitsForTheWholeBacklog() throws Exception {
        Duration quietWait =
                quietTenantsWaitBehindAFlood(SqsEventSourcePoller.Delivery.ARRIVAL_ORDER);

        assertThat(quietWait).isGreaterThan(Duration.ofSeconds(4));
    }

    /**
     * 40 slow messages of one tenant (400 ms each, 2 at a time), then one of another tenant: how
     * long the second tenant's message waited for its invocation.
     */
    private Duration quietTenantsWaitBehindAFlood(SqsEventSourcePoller.Delivery delivery)
            throws Exception {
        Map<String, LocalQueue> queues = provision(queue("Shared", 30, Optional.empty()));
        Map<String, Long> startedAt = new ConcurrentHashMap<>();
        poll(
                function(
                        Duration.ofSeconds(5),
                        (event, context) -> {
                            String body = event.getRecords().getFirst().getBody();
                            startedAt.put(body, System.nanoTime());
                            if (body.startsWith("flood")) {
                                sleep(400);
                            }
                            return new SQSBatchResponse(List.of());
                        }),
                mapping("Shared", 1, 2),
                queues.get("Shared"),
                delivery);
        for (int i = 0; i < 40; i++) {
            send(queues.get("Shared"), "flood-" + i, "tenant-flood");
        }
        Thread.sleep(1_500);
        long sent = System.nanoTime();
        send(queues.get("Shared"), "quiet", "tenant-quiet");

        awaitTrue(() -> startedAt.containsKey("quiet"), Duration.ofSeconds(30));
        return Duration.ofNanos(startedAt.get("quiet") - sent);
    }

    @Test
    void messagesWaitingLongerThanTheVisibilityTimeoutAreDeliveredOnceEach() throws Exception {
        Map<String, LocalQueue> queues = provision(queue("Hidden", 1, Optional.empty()));
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> receiveCounts = new CopyOnWriteArrayList<>();
        poll(
                function(
                        Duration.ofSeconds(5),
                        (event, context) -> {
                            SQSEvent.SQSMessage record = event.getRecords().getFirst();
                            bodies.add(record.getBody());
                            receiveCounts.add(
                                    record.getAttributes().get("ApproximateReceiveCount"));
                            sleep(500);
                            return new SQSBatchResponse(List.of());
                        }),
                mapping("Hidden", 1, 2),
                queues.get("Hidden"),
                SqsEventSourcePoller.Delivery.FAIR);

        for (int i = 0; i < 12; i++) {
            send(queues.get("Hidden"), "m-" + i, "tenant-" + (i % 3));
        }
        awaitTrue(() -> bodies.size() >= 12, Duration.ofSeconds(30));
        awaitTrue(() -> visibleAndInFlight(queues.get("Hidden")) == 0, Duration.ofSeconds(10));

        assertThat(bodies).doesNotHaveDuplicates().hasSize(12);
        assertThat(receiveCounts).containsOnly("1");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, LocalQueue> provision(QueueResource... queues) {
        return QueueProvisioner.provision(sqs.client(), List.of(queues));
    }

    private static QueueResource queue(
            String name, int visibilitySeconds, Optional<Redrive> redrive) {
        return new QueueResource(
                name,
                name,
                Duration.ofSeconds(visibilitySeconds),
                Duration.ofDays(4),
                Duration.ZERO,
                redrive);
    }

    private static SqsEventSourceMapping mapping(String queue, int batchSize, int concurrency) {
        return new SqsEventSourceMapping(
                queue + "Event", queue, batchSize, true, OptionalInt.of(concurrency));
    }

    private static LocalFunction function(
            Duration timeout, RequestHandler<SQSEvent, SQSBatchResponse> handler) {
        return new LocalFunction("TestFunction", timeout, 128, handler, Clock.systemUTC(), QUIET);
    }

    private void poll(LocalFunction function, SqsEventSourceMapping mapping, LocalQueue queue) {
        poll(function, mapping, queue, SqsEventSourcePoller.Delivery.FAIR);
    }

    private void poll(
            LocalFunction function,
            SqsEventSourceMapping mapping,
            LocalQueue queue,
            SqsEventSourcePoller.Delivery delivery) {
        pollers.add(
                new SqsEventSourcePoller(
                                function,
                                mapping,
                                queue,
                                LocalSqs.client(sqs.endpoint()),
                                new InvocationLog(QUIET),
                                delivery,
                                Clock.systemUTC())
                        .start());
    }

    private void send(LocalQueue queue, String body) {
        sqs.client().sendMessage(send -> send.queueUrl(queue.url()).messageBody(body));
    }

    private void send(LocalQueue queue, String body, String tenant) {
        sqs.client()
                .sendMessage(
                        send ->
                                send.queueUrl(queue.url())
                                        .messageBody(body)
                                        .messageGroupId(tenant));
    }

    private int visible(LocalQueue queue) {
        return Integer.parseInt(
                sqs.client()
                        .getQueueAttributes(
                                get ->
                                        get.queueUrl(queue.url())
                                                .attributeNames(
                                                        QueueAttributeName
                                                                .APPROXIMATE_NUMBER_OF_MESSAGES))
                        .attributes()
                        .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private int visibleAndInFlight(LocalQueue queue) {
        Map<QueueAttributeName, String> attributes =
                sqs.client()
                        .getQueueAttributes(
                                get ->
                                        get.queueUrl(queue.url())
                                                .attributeNames(
                                                        QueueAttributeName
                                                                .APPROXIMATE_NUMBER_OF_MESSAGES,
                                                        QueueAttributeName
                                                                .APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                        .attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(
                        attributes.get(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static void awaitTrue(BooleanSupplier condition, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + limit);
            }
            Thread.sleep(50);
        }
    }
}
