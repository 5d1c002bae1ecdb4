package dev.linkcrawl.local;

import static dev.linkcrawl.local.DevStack.closeAll;
import static dev.linkcrawl.local.DevStack.failureHandling;
import static dev.linkcrawl.local.DevStack.join;
import static dev.linkcrawl.local.DevStack.loadAll;
import static dev.linkcrawl.local.DevStack.startPollers;

import dev.linkcrawl.local.DevStack.Options;
import dev.linkcrawl.local.DevStack.StartupTimes;
import dev.linkcrawl.local.DevStack.Timed;
import dev.linkcrawl.local.api.ApiGatewayEmulator;
import dev.linkcrawl.local.api.ApiGatewayEmulator.Binding;
import dev.linkcrawl.local.api.ApiGatewayEmulator.Target;
import dev.linkcrawl.local.events.LocalEventBus;
import dev.linkcrawl.local.lambda.AsyncInvoker;
import dev.linkcrawl.local.lambda.InvocationLog;
import dev.linkcrawl.local.s3.BucketNotifications;
import dev.linkcrawl.local.s3.BucketValues;
import dev.linkcrawl.local.s3.LocalS3;
import dev.linkcrawl.local.s3.NotificationLog;
import dev.linkcrawl.local.search.InProcessOpenSearch;
import dev.linkcrawl.local.search.SearchNode;
import dev.linkcrawl.local.sqs.LocalQueue;
import dev.linkcrawl.local.sqs.LocalSqs;
import dev.linkcrawl.local.sqs.QueueProvisioner;
import dev.linkcrawl.local.sqs.QueueValues;
import dev.linkcrawl.local.sqs.SqsEventSourcePoller;
import dev.linkcrawl.local.template.BucketResource;
import dev.linkcrawl.local.template.FunctionResource;
import dev.linkcrawl.local.template.Intrinsics;
import dev.linkcrawl.local.template.QueueResource;
import dev.linkcrawl.local.template.RouteThrottles;
import dev.linkcrawl.local.template.S3EventSource;
import dev.linkcrawl.local.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One start of the stack, step by step. Whatever a step starts is kept, so that it is stopped again
 * when a later step fails.
 */
final class DevStartup {
    private final Options options;
    private final SamTemplate template;
    private final Resources resources;
    private final Path state;
    private final InvocationLog log;
    private final Clock clock;
    private final AsyncInvoker.RetryPolicy retries;
    private final List<AutoCloseable> started = new ArrayList<>();

    DevStartup(
            Options options,
            SamTemplate template,
            Resources resources,
            Path state,
            InvocationLog log,
            Clock clock,
            AsyncInvoker.RetryPolicy retries) {
        this.options = options;
        this.template = template;
        this.resources = resources;
        this.state = state;
        this.log = log;
        this.clock = clock;
        this.retries = retries;
    }

    DevStack run(Instant begin) throws IOException {
        try {
            Services services = startServices();
            Instant functionsBegin = clock.instant();
            Map<String, Target> targets = loadFunctions(services);
            Duration functionsTook = Duration.between(functionsBegin, clock.instant());
            ApiGatewayEmulator api = startApi(targets);
            Map<String, SqsEventSourcePoller> pollers = startQueuePollers(targets, services);
            startBucketNotifications(targets, services);
            Endpoints endpoints = writeEndpoints(api, services);
            StartupTimes times =
                    new StartupTimes(
                            services.searchTook(),
                            services.sqsTook(),
                            services.s3Took(),
                            functionsTook,
                            Duration.between(begin, clock.instant()));
            return new DevStack(template, started, endpoints, targets, pollers, times, state);
        } catch (IOException | RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    /**
     * Starts OpenSearch, S3Mock and ElasticMQ side by side, the first two in the background while
     * the template's queues are made in the third, and the event bus; then makes the buckets in
     * S3Mock.
     */
    private Services startServices() throws IOException {
        SearchNode search = new InProcessOpenSearch(options.openSearchPort());
        CompletableFuture<Duration> searchStarted =
                CompletableFuture.supplyAsync(() -> startSearch(search));
        started.add(search);
        CompletableFuture<Timed<LocalS3>> s3Started = CompletableFuture.supplyAsync(this::startS3);
        // Stopped with the rest whenever it finishes starting, even after a failure elsewhere.
        started.add(() -> s3Started.thenAccept(timed -> timed.value().close()));

        Instant sqsBegin = clock.instant();
        LocalSqs sqs = startSqs();
        started.add(sqs);
        Map<String, LocalQueue> queues =
                QueueProvisioner.provision(sqs.client(), resources.queues());
        Duration sqsTook = Duration.between(sqsBegin, clock.instant());

        LocalEventBus events = LocalEventBus.start(state, clock, log::note);
        started.add(events);

        Timed<LocalS3> s3 = join(s3Started);
        s3.value().createBuckets(resources.buckets());
        Duration searchTook = join(searchStarted);
        return new Services(
                search, sqs, queues, s3.value(), events, searchTook, sqsTook, s3.took());
    }

    private Duration startSearch(SearchNode search) {
        Instant begin = clock.instant();
        try {
            search.start(state.resolve("opensearch"));
        } catch (RuntimeException e) {
            throw new ServiceStartException(
                    "OpenSearch did not start on 127.0.0.1:" + options.openSearchPort(), e);
        }
        return Duration.between(begin, clock.instant());
    }

    private Timed<LocalS3> startS3() {
        Instant begin = clock.instant();
        try {
            LocalS3 s3 = LocalS3.start(state.resolve("s3"), options.s3Port());
            return new Timed<>(s3, Duration.between(begin, clock.instant()));
        } catch (RuntimeException e) {
            throw new ServiceStartException(
                    "S3 (S3Mock) did not start on 127.0.0.1:" + options.s3Port(), e);
        }
    }

    private LocalSqs startSqs() {
        try {
            return LocalSqs.start(
                    options.durableQueues() ? Optional.of(state.resolve("sqs")) : Optional.empty(),
                    options.sqsPort());
        } catch (RuntimeException e) {
            throw new ServiceStartException(
                    "SQS (ElasticMQ) did not start on 127.0.0.1:" + options.sqsPort(), e);
        }
    }

    /** Each function of the template from its jar, against the local services. */
    private Map<String, Target> loadFunctions(Services services) {
        Intrinsics intrinsics =
                template.intrinsics(
                        BucketValues.of(resources.buckets())
                                .or(new QueueValues(services.queues())));
        return loadAll(
                resources.functions(),
                options,
                intrinsics,
                services.runnerEnvironment(),
                clock,
                log);
    }

    /** The HTTP API, each {@code HttpApi} route bound to its function. */
    private ApiGatewayEmulator startApi(Map<String, Target> targets) {
        List<Binding> bindings = new ArrayList<>();
        for (FunctionResource function : resources.functions()) {
            function.routes()
                    .forEach(
                            route ->
                                    bindings.add(
                                            new Binding(
                                                    route,
                                                    targets.get(function.logicalId()),
                                                    resources.routeThrottles().of(route))));
        }
        ApiGatewayEmulator api;
        try {
            api = ApiGatewayEmulator.start(options.apiPort(), bindings, log, clock);
        } catch (IOException e) {
            throw new ServiceStartException(
                    "the API did not start on 127.0.0.1:" + options.apiPort(), e);
        }
        started.add(api);
        return api;
    }

    /** The SQS event sources, unless {@link QueueWorkers} poll them in another process. */
    private Map<String, SqsEventSourcePoller> startQueuePollers(
            Map<String, Target> targets, Services services) {
        Map<String, SqsEventSourcePoller> pollers =
                options.pollQueues()
                        ? startPollers(
                                resources.functions(),
                                targets,
                                services.queues(),
                                services.sqs().endpoint(),
                                options.delivery(),
                                log)
                        : Map.of();
        started.addAll(pollers.values());
        return pollers;
    }

    /**
     * The S3 event sources, each function's invocations retried and given up as its {@code
     * EventInvokeConfig} says. The notification log starts empty even without any, as {@code
     * ./linkcrawl import} reads it.
     */
    private void startBucketNotifications(Map<String, Target> targets, Services services)
            throws IOException {
        Map<String, BucketResource> buckets = resources.bucketsByLogicalId();
        List<BucketNotifications.Subscription> subscriptions = new ArrayList<>();
        for (FunctionResource function : resources.functions()) {
            for (S3EventSource source : function.s3EventSources()) {
                subscriptions.add(
                        new BucketNotifications.Subscription(
                                buckets.get(source.bucket()),
                                source,
                                targets.get(function.logicalId()),
                                failureHandling(
                                        function.eventInvokeConfig(),
                                        retries,
                                        services.queues(),
                                        services.sqs().client())));
            }
        }
        NotificationLog notifications = NotificationLog.create(state, clock);
        if (!subscriptions.isEmpty()) {
            started.add(
                    new BucketNotifications(
                                    LocalS3.client(services.s3().endpoint()),
                                    subscriptions,
                                    new AsyncInvoker(clock),
                                    notifications,
                                    log,
                                    BucketNotifications.DEFAULT_INTERVAL,
                                    clock)
                            .start());
        }
    }

    /** Where everything serves, for {@code invoke}, {@code import} and queue workers. */
    private Endpoints writeEndpoints(ApiGatewayEmulator api, Services services) throws IOException {
        Endpoints endpoints =
                new Endpoints(
                        ProcessHandle.current().pid(),
                        clock.instant(),
                        api.url(),
                        services.sqs().endpoint(),
                        services.search().endpoint(),
                        services.s3().endpoint(),
                        services.events().endpoint(),
                        services.queues(),
                        resources.bucketsByLogicalId());
        endpoints.write(state);
        return endpoints;
    }

    /**
     * The template's functions, queues and buckets, read once before anything starts: reading them
     * is what checks them.
     */
    record Resources(
            List<FunctionResource> functions,
            List<QueueResource> queues,
            List<BucketResource> buckets,
            RouteThrottles routeThrottles) {

        static Resources of(SamTemplate template) {
            return new Resources(
                    template.functions(),
                    template.queues(),
                    template.buckets(),
                    template.routeThrottles());
        }

        Map<String, BucketResource> bucketsByLogicalId() {
            Map<String, BucketResource> byLogicalId = new LinkedHashMap<>();
            buckets.forEach(bucket -> byLogicalId.put(bucket.logicalId(), bucket));
            return byLogicalId;
        }
    }

    /** The services the functions run against, started, and how long each took. */
    private record Services(
            SearchNode search,
            LocalSqs sqs,
            Map<String, LocalQueue> queues,
            LocalS3 s3,
            LocalEventBus events,
            Duration searchTook,
            Duration sqsTook,
            Duration s3Took) {

        Map<String, String> runnerEnvironment() {
            return DevStack.runnerEnvironment(
                    sqs.endpoint(), search.endpoint(), s3.endpoint(), events.endpoint());
        }
    }
}
