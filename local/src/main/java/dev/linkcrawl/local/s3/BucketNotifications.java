package dev.linkcrawl.local.s3;

import dev.linkcrawl.local.api.ApiGatewayEmulator.Target;
import dev.linkcrawl.local.lambda.AsyncInvoker;
import dev.linkcrawl.local.lambda.Invocation;
import dev.linkcrawl.local.lambda.InvocationLog;
import dev.linkcrawl.local.template.BucketResource;
import dev.linkcrawl.local.template.Intrinsics;
import dev.linkcrawl.local.template.S3EventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.paginators.ListObjectsV2Iterable;

/**
 * The {@code S3} event sources of the template: S3Mock sends no notifications, so the buckets that
 * functions listen to are listed every {@link #DEFAULT_INTERVAL 250 ms} while objects arrive, less
 * often while none do (down to once a second, {@link ListingPace}), and each object created since
 * the last listing — whoever wrote it: {@code ./linkcrawl import}, another S3 client, or a function
 * (the backfill function's own {@code .result.json}) — is delivered as an {@code ObjectCreated:Put}
 * notification ({@link S3EventRecords}) to each function whose event matches its key,
 * asynchronously as S3 invokes Lambda ({@link AsyncInvoker}). What becomes of each one is written
 * to the {@link NotificationLog}.
 *
 * <p>Objects that exist when the watch starts raise no event. An object written and overwritten
 * within one interval raises one event, for its last version (S3 would send two).
 */
public final class BucketNotifications implements AutoCloseable {

    /** Time between two listings of a watched bucket: 250 ms. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(250);

    /**
     * A function notified of a bucket's objects.
     *
     * @param failureHandling what becomes of a notification the function keeps failing
     */
    public record Subscription(
            BucketResource bucket,
            S3EventSource source,
            Target target,
            AsyncInvoker.FailureHandling failureHandling) {
        public Subscription {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(failureHandling, "failureHandling");
        }
    }

    private final S3Client s3;
    private final List<Subscription> subscriptions;
    private final AsyncInvoker invoker;
    private final NotificationLog notifications;
    private final InvocationLog log;
    private final Duration interval;
    private final Clock clock;
    private final Sequencer sequencer;
    private final ObjectWatch watch = new ObjectWatch();
    private final Map<String, BucketResource> buckets = new LinkedHashMap<>();
    private final Thread watcher;
    private volatile boolean running;
    private boolean reportedUnreachable;

    /**
     * @param s3 a client of the server holding the buckets; closed with this
     */
    public BucketNotifications(
            S3Client s3,
            List<Subscription> subscriptions,
            AsyncInvoker invoker,
            NotificationLog notifications,
            InvocationLog log,
            Duration interval,
            Clock clock) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.subscriptions = List.copyOf(subscriptions);
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.log = Objects.requireNonNull(log, "log");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sequencer = new Sequencer(clock);
        this.subscriptions.forEach(
                subscription ->
                        buckets.put(subscription.bucket().bucketName(), subscription.bucket()));
        this.watcher = Thread.ofPlatform().daemon().name("s3-notifications").unstarted(this::watch);
    }

    /** Takes the current objects as the baseline, then watches in the background. */
    public BucketNotifications start() {
        for (String bucket : buckets.keySet()) {
            watch.baseline(bucket, list(bucket));
        }
        running = true;
        watcher.start();
        return this;
    }

    /** Stops watching and drops notifications not yet delivered. */
    @Override
    public void close() {
        running = false;
        watcher.interrupt();
        try {
            watcher.join(interval.multipliedBy(4).toMillis() + 2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        invoker.close();
        s3.close();
    }

    private void watch() {
        ListingPace pace = new ListingPace(interval);
        while (running) {
            try {
                Thread.sleep(pace.next().toMillis());
            } catch (InterruptedException e) {
                return;
            }
            try {
                boolean foundNew = false;
                for (String bucket : buckets.keySet()) {
                    List<CreatedObject> created = watch.changes(bucket, list(bucket));
                    created.forEach(this::notify);
                    foundNew |= !created.isEmpty();
                }
                pace.listed(foundNew);
                reportedUnreachable = false;
            } catch (SdkException e) {
                if (running && !reportedUnreachable) {
                    reportedUnreachable = true;
                    log.note("S3 notifications: cannot list the buckets (" + e.getMessage() + ")");
                }
            }
        }
    }

    private List<CreatedObject> list(String bucket) {
        ListObjectsV2Iterable pages = s3.listObjectsV2Paginator(list -> list.bucket(bucket));
        List<CreatedObject> objects = new ArrayList<>();
        pages.contents()
                .forEach(
                        object ->
                                objects.add(
                                        new CreatedObject(
                                                bucket,
                                                object.key(),
                                                object.size() == null ? 0 : object.size(),
                                                object.eTag() == null ? "" : object.eTag(),
                                                object.lastModified() == null
                                                        ? clock.instant()
                                                        : object.lastModified())));
        return objects;
    }

    private void notify(CreatedObject object) {
        for (Subscription subscription : subscriptions) {
            if (!subscription.bucket().bucketName().equals(object.bucket())
                    || !subscription
                            .source()
                            .matches(S3EventRecords.OBJECT_CREATED_PUT, object.key())) {
                continue;
            }
            NotificationLog.Delivery delivery =
                    new NotificationLog.Delivery(
                            subscription.target().function(),
                            subscription.source().eventName(),
                            object.bucket(),
                            object.key(),
                            object.eTag());
            switch (subscription.target()) {
                case Target.Unavailable unavailable -> {
                    notifications.undeliverable(delivery, unavailable.detail());
                    log.invoked(
                            unavailable.function(),
                            trigger(subscription, object),
                            "not delivered: the function is not available",
                            Duration.ZERO);
                }
                case Target.Ready ready -> {
                    String event =
                            S3EventRecords.objectCreated(
                                            object,
                                            Intrinsics.STACK_NAME
                                                    + "-"
                                                    + subscription.source().eventName(),
                                            sequencer.next())
                                    .toString();
                    // The JSON as the runtime hands it over: bytes, or an S3Event for a typed one.
                    Object input;
                    try {
                        input = ready.localFunction().readEvent(event);
                    } catch (RuntimeException e) {
                        notifications.failed(
                                delivery,
                                1,
                                "the event is not a "
                                        + ready.localFunction().inputType().getSimpleName()
                                        + ": "
                                        + e.getMessage(),
                                Duration.ZERO,
                                Optional.empty());
                        continue;
                    }
                    invoker.submit(
                            ready.localFunction(),
                            input,
                            subscription.failureHandling(),
                            new Listener(delivery, trigger(subscription, object)));
                }
            }
        }
    }

    private static String trigger(Subscription subscription, CreatedObject object) {
        return "S3 " + subscription.bucket().logicalId() + " " + object.key();
    }

    /** Writes each step of one delivery to the notification log and the runner's log. */
    private final class Listener implements AsyncInvoker.Listener {
        private final NotificationLog.Delivery delivery;
        private final String trigger;

        Listener(NotificationLog.Delivery delivery, String trigger) {
            this.delivery = delivery;
            this.trigger = trigger;
        }

        @Override
        public void started(int attempt) {
            notifications.started(delivery, attempt);
        }

        @Override
        public void completed(int attempt, Invocation.Completed invocation) {
            notifications.completed(delivery, attempt, invocation.output(), invocation.duration());
            log.invoked(delivery.function(), trigger, invocation.outcome(), invocation.duration());
        }

        @Override
        public void failed(int attempt, Invocation invocation, Optional<Instant> retryAt) {
            notifications.failed(
                    delivery, attempt, invocation.outcome(), invocation.duration(), retryAt);
            log.invoked(
                    delivery.function(),
                    trigger,
                    invocation.outcome()
                            + retryAt.map(at -> "; retried at " + at).orElse("; no more retries"),
                    invocation.duration());
        }

        @Override
        public void sentToDestination(String destination, Optional<RuntimeException> failure) {
            String what = delivery.function() + ": " + trigger;
            if (failure.isEmpty()) {
                log.note(what + " is given up; its invocation record is on " + destination);
            } else {
                log.note(
                        what
                                + " is given up, and its invocation record could not be sent to "
                                + destination
                                + ": "
                                + failure.get().getMessage());
            }
        }
    }
}
