package dev.linkcrawl.local.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.local.lambda.Invocation;
import dev.linkcrawl.local.lambda.InvocationLog;
import dev.linkcrawl.local.lambda.LocalFunction;
import dev.linkcrawl.local.template.SqsEventSourceMapping;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One SQS event source mapping, emulated the way Lambda runs it: long-polls its queue, invokes the
 * function with each batch (at most {@code BatchSize} messages) as an {@link SQSEvent}, and deletes
 * what succeeded. A thrown exception or a timeout fails the whole batch; with {@code
 * ReportBatchItemFailures} an {@link SQSBatchResponse} fails only the messages it names (and an
 * identifier that is empty or not in the batch fails the whole batch, as on Lambda). Failed
 * messages are left alone: they come back after the queue's visibility timeout, and after {@code
 * maxReceiveCount} receives the queue moves them to its dead-letter queue.
 *
 * <p>At most {@code MaximumConcurrency} invocations run at once, and a message is only received
 * when one can start, so none waits invisible in the runner. Each mapping has its own poller thread
 * and workers: a backlog on one queue never delays another, even for the same function. Like
 * Lambda's {@code UpdateEventSourceMapping}, {@link #maximumConcurrency(int)} changes the limit of
 * a running mapping.
 *
 * <p>With {@link Delivery#FAIR} (the default) it also plays the part of an SQS fair queue, which
 * ElasticMQ does not: it receives ahead into {@link WaitingMessages} (keeping them invisible on the
 * server) and hands them out by {@link FairDelivery}'s rule, so one tenant's backlog of slow links
 * does not hold another tenant's message back. Waiting messages are in flight on the local server:
 * after a crash they come back after the queue's visibility timeout, and when the poller stops they
 * are made visible at once; either way that receive counts towards {@code maxReceiveCount}, which
 * on SQS it would not. {@link Delivery#ARRIVAL_ORDER} receives only for free slots, in the server's
 * order (a queue without fair delivery, for comparison).
 */
public final class SqsEventSourcePoller implements AutoCloseable {

    /**
     * Concurrency when the template sets no {@code MaximumConcurrency} (Lambda's scales far
     * higher).
     */
    public static final int DEFAULT_MAXIMUM_CONCURRENCY = 10;

    /** Long-poll wait per receive: short enough for a prompt stop. */
    static final int WAIT_SECONDS = 1;

    /**
     * Messages received ahead of the function at most: 100,000. Fair delivery has to see past one
     * tenant's backlog to another tenant's message; beyond this many, it sees no further.
     */
    static final int MAX_WAITING = 100_000;

    /** Threads receiving at once for fair delivery: 4 (Lambda's event source starts with 5). */
    static final int FAIR_RECEIVERS = 4;

    /** How messages leave the queue for the function. */
    public enum Delivery {
        /** As an SQS fair queue: quiet tenants first ({@link FairDelivery}). */
        FAIR,
        /** In the server's order, whoever sent them. */
        ARRIVAL_ORDER
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final LocalFunction function;
    private final SqsEventSourceMapping mapping;
    private final LocalQueue queue;
    private final SqsClient sqs;
    private final InvocationLog log;
    private int maximumConcurrency;
    private final Slots slots;
    private final ExecutorService workers;
    private final List<Thread> pollers;
    private volatile boolean running;
    private volatile boolean reportedUnreachable;
    private final Delivery delivery;
    private final Clock clock;

    /** Guarded by {@code this}: fair delivery's view of the tenants, and what waits. */
    private final FairDelivery fair = new FairDelivery();

    private final WaitingMessages waiting = new WaitingMessages();
    private Duration visibilityTimeout = Duration.ofSeconds(30);
    private final ScheduledExecutorService keeper;
    private volatile ReceiveWait receiveWait = ReceiveWait.longPoll(WAIT_SECONDS);
    private final QueueAttributes attributes;
    private final PendingDeletes deletes;
    private final EmptyReceiveTurns emptyTurns = new EmptyReceiveTurns(FAIR_RECEIVERS);

    /**
     * @param sqs a client of the server holding {@code queue}; closed with this poller
     */
    public SqsEventSourcePoller(
            LocalFunction function,
            SqsEventSourceMapping mapping,
            LocalQueue queue,
            SqsClient sqs,
            InvocationLog log) {
        this(function, mapping, queue, sqs, log, Delivery.FAIR, Clock.systemUTC());
    }

    /**
     * @param sqs a client of the server holding {@code queue}; closed with this poller
     * @param delivery whether the queue delivers as an SQS fair queue
     */
    public SqsEventSourcePoller(
            LocalFunction function,
            SqsEventSourceMapping mapping,
            LocalQueue queue,
            SqsClient sqs,
            InvocationLog log,
            Delivery delivery,
            Clock clock) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.function = Objects.requireNonNull(function, "function");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.log = Objects.requireNonNull(log, "log");
        this.attributes = new QueueAttributes(sqs, queue);
        this.deletes =
                new PendingDeletes(
                        sqs,
                        queue.url(),
                        problem ->
                                log.note(
                                        function.name()
                                                + ", "
                                                + queue.logicalId()
                                                + ": "
                                                + problem));
        this.maximumConcurrency = mapping.maximumConcurrency().orElse(DEFAULT_MAXIMUM_CONCURRENCY);
        this.slots = new Slots(maximumConcurrency);
        String name = function.name() + "-" + queue.logicalId();
        this.workers =
                Executors.newCachedThreadPool(
                        Thread.ofPlatform().daemon().name(name + "-worker-", 1).factory());
        // Fair delivery must see past one tenant's backlog, so it receives with several threads,
        // as Lambda's event source polls with several pollers; in arrival order, one suffices.
        int receivers = delivery == Delivery.FAIR ? FAIR_RECEIVERS : 1;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < receivers; i++) {
            threads.add(
                    Thread.ofPlatform()
                            .daemon()
                            .name(name + "-poller-" + i)
                            .unstarted(delivery == Delivery.FAIR ? this::pollFair : this::poll));
        }
        this.pollers = List.copyOf(threads);
        this.keeper =
                Executors.newSingleThreadScheduledExecutor(
                        Thread.ofPlatform().daemon().name(name + "-keeper").factory());
    }

    public Delivery delivery() {
        return delivery;
    }

    public synchronized int maximumConcurrency() {
        return maximumConcurrency;
    }

    /**
     * Changes how many invocations may run at once. A higher limit lets more start at once; a lower
     * one lets the running invocations finish and starts no new one until fewer than {@code value}
     * run. Lambda's {@code MaximumConcurrency} starts at 2; 1 is accepted here so a benchmark can
     * measure one crawl at a time (on Lambda, a reserved concurrency of 1 does that).
     *
     * @throws IllegalArgumentException when {@code value} is not from 1 to 1000
     */
    public synchronized void maximumConcurrency(int value) {
        if (value < 1 || value > 1000) {
            throw new IllegalArgumentException(
                    "the maximum concurrency must be from 1 to 1000, not " + value);
        }
        int change = value - maximumConcurrency;
        if (change > 0) {
            slots.release(change);
        } else if (change < 0) {
            slots.withhold(-change);
        }
        maximumConcurrency = value;
        if (delivery == Delivery.FAIR) {
            dispatch();
        }
    }

    public SqsEventSourcePoller start() {
        running = true;
        keeper.scheduleWithFixedDelay(
                deletes::flush,
                PendingDeletes.FLUSH_EVERY_MILLIS,
                PendingDeletes.FLUSH_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
        if (delivery == Delivery.FAIR) {
            visibilityTimeout = attributes.visibilityTimeout();
            long every = Math.max(100, visibilityTimeout.toMillis() / 4);
            keeper.scheduleWithFixedDelay(this::keepHidden, every, every, TimeUnit.MILLISECONDS);
            keeper.scheduleWithFixedDelay(this::measureDepth, 0, 1, TimeUnit.SECONDS);
        }
        pollers.forEach(Thread::start);
        return this;
    }

    /** Stops polling; running invocations get a few seconds, then their messages reappear later. */
    @Override
    public void close() {
        running = false;
        pollers.forEach(Thread::interrupt);
        keeper.shutdownNow();
        try {
            for (Thread poller : pollers) {
                poller.join(STOP_GRACE.toMillis());
            }
            release();
            workers.shutdown();
            workers.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            deletes.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            workers.shutdownNow();
            sqs.close();
        }
    }

    /**
     * Receives for every free slot at once (at most 10 messages, SQS's limit), then starts an
     * invocation per batch: with one receive per invocation, this single thread's round trips to
     * the queue capped the invocations a second, whatever the concurrency.
     */
    private void poll() {
        int perInvocation = Math.min(mapping.batchSize(), 10);
        while (running) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                return;
            }
            int held = 1;
            while ((held + 1) * perInvocation <= 10 && slots.tryAcquire()) {
                held++;
            }
            try {
                List<Message> messages = receive(held * perInvocation, WAIT_SECONDS);
                for (int from = 0; from < messages.size() && running; from += perInvocation) {
                    List<Message> batch =
                            List.copyOf(
                                    messages.subList(
                                            from, Math.min(from + perInvocation, messages.size())));
                    workers.execute(
                            () -> {
                                try {
                                    handle(batch);
                                } finally {
                                    slots.release();
                                }
                            });
                    held--; // the invocation releases its slot when it ends
                }
            } catch (SdkException e) {
                if (!running) {
                    return;
                }
                unreachable(e);
            } finally {
                slots.release(held);
            }
        }
    }

    /**
     * Fair delivery: receives ahead (up to {@link #MAX_WAITING}) and hands messages out whenever a
     * slot is free, by {@link FairDelivery}; an invocation that ends hands out the next at once.
     */
    private void pollFair() {
        while (running) {
            try {
                boolean room;
                synchronized (this) {
                    room = waiting.size() < MAX_WAITING;
                }
                if (!room) {
                    Thread.sleep(100);
                    continue;
                }
                ReceiveWait wait = receiveWait;
                List<Message> messages = receive(10, wait.seconds());
                if (messages.isEmpty() && wait.pauseWhenEmpty().isPositive()) {
                    Instant now = clock.instant();
                    Thread.sleep(
                            Duration.between(now, emptyTurns.nextTurn(now, wait.pauseWhenEmpty())));
                    continue;
                }
                Instant now = clock.instant();
                synchronized (this) {
                    for (Message message : messages) {
                        WaitingMessages.Waiting added =
                                waiting.add(message, now, visibilityTimeout);
                        fair.sent(added.tenant(), added.sentAt());
                    }
                }
                dispatch();
            } catch (InterruptedException e) {
                return;
            } catch (SdkException e) {
                if (!running) {
                    return;
                }
                unreachable(e);
            }
        }
    }

    /** Starts an invocation for every free slot while messages wait, quiet tenants first. */
    private synchronized void dispatch() {
        int perInvocation = Math.min(mapping.batchSize(), 10);
        while (running && !waiting.isEmpty() && slots.tryAcquire()) {
            Instant now = clock.instant();
            List<WaitingMessages.Waiting> batch = new ArrayList<>();
            while (batch.size() < perInvocation && !waiting.isEmpty()) {
                String tenant = fair.next(waiting.oldestByTenant(), now).orElseThrow();
                WaitingMessages.Waiting next = waiting.take(tenant).orElseThrow();
                fair.started(tenant, now);
                batch.add(next);
            }
            try {
                workers.execute(() -> handleFair(batch, now));
            } catch (RejectedExecutionException e) {
                slots.release(); // stopping: the messages come back after their timeout
                return;
            }
        }
    }

    private void handleFair(List<WaitingMessages.Waiting> batch, Instant startedAt) {
        try {
            showFullTimeout(batch);
            handle(batch.stream().map(WaitingMessages.Waiting::message).toList());
        } finally {
            synchronized (this) {
                Instant now = clock.instant();
                batch.forEach(message -> fair.finished(message.tenant(), startedAt, now));
            }
            slots.release();
            dispatch();
        }
    }

    /**
     * A message whose hiding time left would not outlast its invocation (the function's timeout and
     * a minute) gets the queue's whole visibility timeout again before the function sees it. SQS
     * gives a fresh receive the whole timeout; asking for it on every message that waited cost one
     * more queue request per link under a flood, and {@link #keepHidden} already keeps half of it.
     */
    private void showFullTimeout(List<WaitingMessages.Waiting> batch) {
        Instant needed = clock.instant().plus(function.timeout()).plus(Duration.ofMinutes(1));
        List<WaitingMessages.Waiting> stale =
                batch.stream()
                        .filter(message -> message.invisibleUntil().isBefore(needed))
                        .toList();
        changeVisibility(stale, visibilityTimeout);
    }

    /** Keeps waiting messages hidden on the server: each gets a new timeout at half of it. */
    private void keepHidden() {
        List<WaitingMessages.Waiting> expiring;
        Instant now = clock.instant();
        synchronized (this) {
            expiring = waiting.expiringBefore(now.plus(visibilityTimeout.dividedBy(2)));
            expiring.forEach(message -> message.invisibleUntil(now.plus(visibilityTimeout)));
        }
        changeVisibility(expiring, visibilityTimeout);
    }

    /** Makes every waiting message visible again (the poller stops). */
    private void release() {
        List<WaitingMessages.Waiting> left;
        synchronized (this) {
            left = waiting.drain();
        }
        changeVisibility(left, Duration.ZERO);
    }

    private void changeVisibility(List<WaitingMessages.Waiting> messages, Duration timeout) {
        for (int from = 0; from < messages.size(); from += 10) {
            List<WaitingMessages.Waiting> chunk =
                    messages.subList(from, Math.min(from + 10, messages.size()));
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(
                        ChangeMessageVisibilityBatchRequestEntry.builder()
                                .id(Integer.toString(i))
                                .receiptHandle(chunk.get(i).message().receiptHandle())
                                .visibilityTimeout((int) timeout.toSeconds())
                                .build());
            }
            try {
                sqs.changeMessageVisibilityBatch(
                        change -> change.queueUrl(queue.url()).entries(entries));
            } catch (SdkException e) {
                // The server shows them again, and the next receive takes them back.
                if (running && !reportedUnreachable) {
                    reportedUnreachable = true;
                    log.note(
                            function.name()
                                    + ": cannot keep waiting messages of "
                                    + queue.logicalId()
                                    + " hidden ("
                                    + e.getMessage()
                                    + ")");
                }
                return;
            }
        }
    }

    /** How many messages the queue holds decides how the receivers wait ({@link ReceiveWait}). */
    private void measureDepth() {
        attributes
                .messages()
                .ifPresent(
                        messages -> receiveWait = ReceiveWait.forQueueOf(messages, WAIT_SECONDS));
    }

    private List<Message> receive(int maxMessages, int waitSeconds) {
        List<Message> messages =
                sqs.receiveMessage(
                                receive ->
                                        receive.queueUrl(queue.url())
                                                .maxNumberOfMessages(maxMessages)
                                                .waitTimeSeconds(waitSeconds)
                                                .messageSystemAttributeNames(
                                                        MessageSystemAttributeName.ALL)
                                                .messageAttributeNames("All"))
                        .messages();
        reportedUnreachable = false;
        return messages;
    }

    private void unreachable(SdkException e) {
        if (!reportedUnreachable) {
            reportedUnreachable = true;
            log.note(
                    function.name()
                            + ": cannot poll "
                            + queue.logicalId()
                            + " ("
                            + e.getMessage()
                            + "); retrying every second");
        }
        try {
            Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void handle(List<Message> batch) {
        Invocation invocation = function.invoke(SqsEventRecords.of(batch, queue.arn()));
        Set<String> failed = new LinkedHashSet<>();
        String outcome = invocation.outcome();
        if (invocation instanceof Invocation.Completed completed) {
            Optional<Set<String>> reported = batchItemFailures(completed.output(), batch);
            if (reported.isEmpty()) {
                batch.forEach(message -> failed.add(message.messageId()));
                outcome = "failed: invalid batch item failure response";
            } else {
                failed.addAll(reported.get());
                if (!failed.isEmpty()) {
                    outcome = "completed, " + failed.size() + " batch item failure(s)";
                }
            }
            deletes.add(
                    batch.stream()
                            .filter(message -> !failed.contains(message.messageId()))
                            .toList());
        }
        log.invoked(function.name(), trigger(batch), outcome, invocation.duration());
    }

    /**
     * The ids the function reported as failed; empty (the whole batch failed) for a response Lambda
     * would reject. Without {@code ReportBatchItemFailures} nothing is read: a completed invocation
     * is a success for every message.
     */
    private Optional<Set<String>> batchItemFailures(Object output, List<Message> batch) {
        if (!mapping.reportsBatchItemFailures() || output == null) {
            return Optional.of(Set.of());
        }
        JsonNode failures;
        if (output instanceof SQSBatchResponse response) {
            failures =
                    response.getBatchItemFailures() == null
                            ? null
                            : JSON.valueToTree(response.getBatchItemFailures());
        } else {
            try {
                failures = JSON.valueToTree(output).get("batchItemFailures");
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (failures == null || failures.isNull()) {
            return Optional.of(Set.of());
        }
        if (!failures.isArray()) {
            return Optional.empty();
        }
        Set<String> inBatch = new LinkedHashSet<>();
        batch.forEach(message -> inBatch.add(message.messageId()));
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode failure : failures) {
            JsonNode id = failure.get("itemIdentifier");
            if (id == null || !id.isTextual() || !inBatch.contains(id.asText())) {
                return Optional.empty();
            }
            ids.add(id.asText());
        }
        return Optional.of(ids);
    }

    private String trigger(List<Message> batch) {
        Message first = batch.getFirst();
        String receives =
                first.attributesAsStrings()
                        .getOrDefault(
                                MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT.toString(),
                                "?");
        return "SQS "
                + queue.logicalId()
                + (batch.size() == 1
                        ? " "
                                + first.messageId()
                                        .substring(0, Math.min(8, first.messageId().length()))
                                + " receive="
                                + receives
                        : " " + batch.size() + " messages");
    }

    /** A semaphore whose permits can be taken back while they are held. */
    private static final class Slots extends Semaphore {
        Slots(int permits) {
            super(permits);
        }

        /** Fewer permits; the count goes below zero until enough holders release theirs. */
        void withhold(int permits) {
            reducePermits(permits);
        }
    }
}
