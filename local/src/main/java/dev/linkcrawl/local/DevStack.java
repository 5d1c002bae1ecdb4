package dev.linkcrawl.local;

import dev.linkcrawl.local.api.ApiGatewayEmulator;
import dev.linkcrawl.local.api.ApiGatewayEmulator.Binding;
import dev.linkcrawl.local.api.ApiGatewayEmulator.Target;
import dev.linkcrawl.local.lambda.AsyncInvoker;
import dev.linkcrawl.local.lambda.FunctionEnvironment;
import dev.linkcrawl.local.lambda.FunctionLoader;
import dev.linkcrawl.local.lambda.FunctionUnavailableException;
import dev.linkcrawl.local.lambda.InvocationLog;
import dev.linkcrawl.local.lambda.LocalFunction;
import dev.linkcrawl.local.s3.BucketNotifications;
import dev.linkcrawl.local.s3.BucketValues;
import dev.linkcrawl.local.s3.LocalS3;
import dev.linkcrawl.local.s3.NotificationLog;
import dev.linkcrawl.local.search.InProcessOpenSearch;
import dev.linkcrawl.local.search.SearchNode;
import dev.linkcrawl.local.sqs.LocalQueue;
import dev.linkcrawl.local.sqs.LocalSqs;
import dev.linkcrawl.local.sqs.QueueDestination;
import dev.linkcrawl.local.sqs.QueueProvisioner;
import dev.linkcrawl.local.sqs.QueueValues;
import dev.linkcrawl.local.sqs.SqsEventSourcePoller;
import dev.linkcrawl.local.template.BucketResource;
import dev.linkcrawl.local.template.EventInvokeConfig;
import dev.linkcrawl.local.template.FunctionResource;
import dev.linkcrawl.local.template.Intrinsics;
import dev.linkcrawl.local.template.QueueResource;
import dev.linkcrawl.local.template.S3EventSource;
import dev.linkcrawl.local.template.SamTemplate;
import dev.linkcrawl.local.template.SqsEventSourceMapping;
import dev.linkcrawl.local.template.TemplateException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole pipeline of the template on loopback: ElasticMQ with every queue of the template, an
 * OpenSearch node, S3Mock with every bucket of the template, each function loaded from its jar, an
 * HTTP API for the {@code HttpApi} routes, a poller per {@code SQS} event source and the bucket
 * notifications of the {@code S3} event sources. Queues, the index and the buckets' objects are
 * kept under the state folder and survive restarts.
 */
public final class DevStack implements AutoCloseable {

    /**
     * How to run.
     *
     * @param template the template file; {@code CodeUri}s are relative to its folder
     * @param stateFolder where queues, the index and {@code endpoints.json} live ({@code
     *     .linkcrawl})
     * @param apiPort the API's port (0 for a free one), and likewise {@code sqsPort}, {@code
     *     openSearchPort} and {@code s3Port}
     * @param parameters template parameter overrides
     * @param environment {@code --env} values for every function
     * @param pollQueues whether this process consumes the SQS event sources; false when {@link
     *     QueueWorkers} do it in another process
     * @param delivery how the queues hand out messages: as SQS fair queues (the default), or in
     *     arrival order (for comparison)
     * @param durableQueues whether queued messages are written to disk before SQS answers, so they
     *     outlive a restart or a kill (the default); a benchmark may keep them in memory, as the
     *     disk write is this machine's cost, not one SQS puts on the functions
     */
    public record Options(
            Path template,
            Path stateFolder,
            int apiPort,
            int sqsPort,
            int openSearchPort,
            int s3Port,
            Map<String, String> parameters,
            Map<String, String> environment,
            boolean pollQueues,
            SqsEventSourcePoller.Delivery delivery,
            boolean durableQueues) {
        public Options {
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(stateFolder, "stateFolder");
            Objects.requireNonNull(delivery, "delivery");
            parameters = Map.copyOf(parameters);
            environment = Map.copyOf(environment);
        }

        /** Fair queues. */
        public Options(
                Path template,
                Path stateFolder,
                int apiPort,
                int sqsPort,
                int openSearchPort,
                int s3Port,
                Map<String, String> parameters,
                Map<String, String> environment,
                boolean pollQueues) {
            this(
                    template,
                    stateFolder,
                    apiPort,
                    sqsPort,
                    openSearchPort,
                    s3Port,
                    parameters,
                    environment,
                    pollQueues,
                    SqsEventSourcePoller.Delivery.FAIR,
                    true);
        }

        /** The same, with the queues handing out messages as {@code value} says. */
        public Options withDelivery(SqsEventSourcePoller.Delivery value) {
            return new Options(
                    template,
                    stateFolder,
                    apiPort,
                    sqsPort,
                    openSearchPort,
                    s3Port,
                    parameters,
                    environment,
                    pollQueues,
                    value,
                    durableQueues);
        }

        /** The same, with queued messages kept in memory only. */
        public Options withMemoryQueues() {
            return new Options(
                    template,
                    stateFolder,
                    apiPort,
                    sqsPort,
                    openSearchPort,
                    s3Port,
                    parameters,
                    environment,
                    pollQueues,
                    delivery,
                    false);
        }

        /** Everything in this process, the SQS event sources included. */
        public Options(
                Path template,
                Path stateFolder,
                int apiPort,
                int sqsPort,
                int openSearchPort,
                int s3Port,
                Map<String, String> parameters,
                Map<String, String> environment) {
            this(
                    template,
                    stateFolder,
                    apiPort,
                    sqsPort,
                    openSearchPort,
                    s3Port,
                    parameters,
                    environment,
                    true);
        }
    }

    /** A service and how long it took to start. */
    private record Timed<T>(T value, Duration took) {}

    /** How long each part took to start. */
    public record StartupTimes(
            Duration openSearch, Duration sqs, Duration s3, Duration functions, Duration total) {}

    private final List<AutoCloseable> started;
    private final Endpoints endpoints;
    private final Map<String, Target> functions;
    private final Map<String, SqsEventSourcePoller> eventSources;
    private final StartupTimes startupTimes;
    private final Path stateFolder;
    private final SamTemplate template;

    private DevStack(
            SamTemplate template,
            List<AutoCloseable> started,
            Endpoints endpoints,
            Map<String, Target> functions,
            Map<String, SqsEventSourcePoller> eventSources,
            StartupTimes startupTimes,
            Path stateFolder) {
        this.started = started;
        this.endpoints = endpoints;
        this.functions = functions;
        this.eventSources = Map.copyOf(eventSources);
        this.startupTimes = startupTimes;
        this.stateFolder = stateFolder;
        this.template = template;
    }

    /** The template it runs, with the parameter overrides applied. */
    public SamTemplate template() {
        return template;
    }

    /**
     * Starts everything, OpenSearch, S3Mock and ElasticMQ side by side, with Lambda's retry delays
     * for the asynchronous invocations of the S3 event sources ({@link
     * AsyncInvoker.RetryPolicy#DEFAULT}).
     *
     * @throws TemplateException when the template cannot run locally
     * @throws IllegalStateException when another dev process uses the same state folder
     * @throws ServiceStartException when a service cannot start (for example, its port is in use)
     * @throws IOException when the state folder cannot be written
     */
    public static DevStack start(Options options, InvocationLog log, Clock clock)
            throws IOException {
        return start(options, log, clock, AsyncInvoker.RetryPolicy.DEFAULT);
    }

    /**
     * Starts everything, with {@code retries}' delays for the S3 event sources' invocations: each
     * function retries as often as its {@code EventInvokeConfig} says, at most once per delay, and
     * then sends the event to its on-failure queue, if it has one.
     */
    static DevStack start(
            Options options, InvocationLog log, Clock clock, AsyncInvoker.RetryPolicy retries)
            throws IOException {
        Instant begin = clock.instant();
        SamTemplate template =
                SamTemplate.read(options.template()).withParameters(options.parameters());
        Resources resources = Resources.of(template);
        requireVisibilityCoversTimeouts(resources);
        Path state = options.stateFolder().toAbsolutePath();
        refuseSecondInstance(state);
        Files.createDirectories(state);
        return new Startup(options, template, resources, state, log, clock, retries).run(begin);
    }

    /**
     * The template's functions, queues and buckets, read once before anything starts: reading them
     * is what checks them.
     */
    private record Resources(
            List<FunctionResource> functions,
            List<QueueResource> queues,
            List<BucketResource> buckets) {

        static Resources of(SamTemplate template) {
            return new Resources(template.functions(), template.queues(), template.buckets());
        }

        Map<String, BucketResource> bucketsByLogicalId() {
            Map<String, BucketResource> byLogicalId = new LinkedHashMap<>();
            buckets.forEach(bucket -> byLogicalId.put(bucket.logicalId(), bucket));
            return byLogicalId;
        }
    }

    /**
     * One start of the stack, step by step. Whatever a step starts is kept, so that it is stopped
     * again when a later step fails.
     */
    private static final class Startup {
        private final Options options;
        private final SamTemplate template;
        private final Resources resources;
        private final Path state;
        private final InvocationLog log;
        private final Clock clock;
        private final AsyncInvoker.RetryPolicy retries;
        private final List<AutoCloseable> started = new ArrayList<>();

        Startup(
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
         * Starts OpenSearch, S3Mock and ElasticMQ side by side, the first two in the background
         * while the template's queues are made in the third, then makes its buckets in S3Mock.
         */
        private Services startServices() {
            SearchNode search = new InProcessOpenSearch(options.openSearchPort());
            CompletableFuture<Duration> searchStarted =
                    CompletableFuture.supplyAsync(() -> startSearch(search));
            started.add(search);
            CompletableFuture<Timed<LocalS3>> s3Started =
                    CompletableFuture.supplyAsync(this::startS3);
            // Stopped with the rest whenever it finishes starting, even after a failure elsewhere.
            started.add(() -> s3Started.thenAccept(timed -> timed.value().close()));

            Instant sqsBegin = clock.instant();
            LocalSqs sqs = startSqs();
            started.add(sqs);
            Map<String, LocalQueue> queues =
                    QueueProvisioner.provision(sqs.client(), resources.queues());
            Duration sqsTook = Duration.between(sqsBegin, clock.instant());

            Timed<LocalS3> s3 = join(s3Started);
            s3.value().createBuckets(resources.buckets());
            Duration searchTook = join(searchStarted);
            return new Services(search, sqs, queues, s3.value(), searchTook, sqsTook, s3.took());
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
                        options.durableQueues()
                                ? Optional.of(state.resolve("sqs"))
                                : Optional.empty(),
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
                                                        route, targets.get(function.logicalId()))));
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
        private Endpoints writeEndpoints(ApiGatewayEmulator api, Services services)
                throws IOException {
            Endpoints endpoints =
                    new Endpoints(
                            ProcessHandle.current().pid(),
                            clock.instant(),
                            api.url(),
                            services.sqs().endpoint(),
                            services.search().endpoint(),
                            services.s3().endpoint(),
                            services.queues(),
                            resources.bucketsByLogicalId());
            endpoints.write(state);
            return endpoints;
        }
    }

    /** The services the functions run against, started, and how long each took. */
    private record Services(
            SearchNode search,
            LocalSqs sqs,
            Map<String, LocalQueue> queues,
            LocalS3 s3,
            Duration searchTook,
            Duration sqsTook,
            Duration s3Took) {

        Map<String, String> runnerEnvironment() {
            return DevStack.runnerEnvironment(sqs.endpoint(), search.endpoint(), s3.endpoint());
        }
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** Each function of the template, ready or not (and why). */
    public Map<String, Target> functions() {
        return functions;
    }

    public StartupTimes startupTimes() {
        return startupTimes;
    }

    /**
     * The running SQS event source of {@code function} on {@code queue} (logical ids), for example
     * to change its maximum concurrency; empty when the template has none or the function did not
     * load.
     */
    public Optional<SqsEventSourcePoller> eventSource(String function, String queue) {
        return Optional.ofNullable(eventSources.get(eventSourceKey(function, queue)));
    }

    private static String eventSourceKey(String function, String queue) {
        return function + " " + queue;
    }

    /** Stops the pollers and the API first, then the queues and the index; the data stays. */
    @Override
    public void close() {
        try {
            Endpoints written = Endpoints.read(stateFolder);
            if (written.pid() == endpoints.pid()) {
                Files.deleteIfExists(Endpoints.file(stateFolder));
            }
        } catch (IOException | RuntimeException e) {
            // Stale endpoints are detected by invoke (nothing answers), so this is only tidying.
        }
        closeAll(started);
    }

    /**
     * Starts only the SQS event sources of the template, with their functions loaded in this
     * process, against the services of a stack running elsewhere ({@code endpoints}); that stack
     * was started with {@link Options#pollQueues()} false.
     */
    static AutoCloseable startPollers(Options options, Endpoints endpoints, InvocationLog log)
            throws IOException {
        SamTemplate template =
                SamTemplate.read(options.template()).withParameters(options.parameters());
        Intrinsics intrinsics =
                template.intrinsics(
                        BucketValues.of(List.copyOf(endpoints.buckets().values()))
                                .or(new QueueValues(endpoints.queues())));
        Map<String, String> runnerValues =
                runnerEnvironment(
                        endpoints.sqsEndpoint(),
                        endpoints.openSearchEndpoint(),
                        endpoints.s3Endpoint());
        List<FunctionResource> consumers =
                template.functions().stream()
                        .filter(function -> !function.sqsEventSources().isEmpty())
                        .toList();
        Map<String, Target> targets =
                loadAll(consumers, options, intrinsics, runnerValues, Clock.systemUTC(), log);
        List<AutoCloseable> pollers =
                List.copyOf(
                        startPollers(
                                        consumers,
                                        targets,
                                        endpoints.queues(),
                                        endpoints.sqsEndpoint(),
                                        options.delivery(),
                                        log)
                                .values());
        return () -> closeAll(pollers);
    }

    /** Starts a poller per SQS event source of a loaded function, by {@link #eventSourceKey}. */
    private static Map<String, SqsEventSourcePoller> startPollers(
            List<FunctionResource> functions,
            Map<String, Target> targets,
            Map<String, LocalQueue> queues,
            URI sqsEndpoint,
            SqsEventSourcePoller.Delivery delivery,
            InvocationLog log) {
        Map<String, SqsEventSourcePoller> pollers = new LinkedHashMap<>();
        for (FunctionResource function : functions) {
            for (SqsEventSourceMapping mapping : function.sqsEventSources()) {
                if (targets.get(function.logicalId()) instanceof Target.Ready ready) {
                    pollers.put(
                            eventSourceKey(function.logicalId(), mapping.queue()),
                            new SqsEventSourcePoller(
                                            ready.localFunction(),
                                            mapping,
                                            queues.get(mapping.queue()),
                                            LocalSqs.client(sqsEndpoint),
                                            log,
                                            delivery,
                                            Clock.systemUTC())
                                    .start());
                }
            }
        }
        return pollers;
    }

    /**
     * A function's {@code EventInvokeConfig} as the local runner applies it: its number of retries
     * with the runner's delays, and its on-failure queue a local one.
     */
    private static AsyncInvoker.FailureHandling failureHandling(
            EventInvokeConfig config,
            AsyncInvoker.RetryPolicy retries,
            Map<String, LocalQueue> queues,
            SqsClient sqs) {
        return new AsyncInvoker.FailureHandling(
                retries.limitedTo(config.maximumRetryAttempts()),
                config.maximumEventAge(),
                config.onFailureQueue()
                        .<AsyncInvoker.Destination>map(
                                queue -> new QueueDestination(queues.get(queue), sqs)));
    }

    /** What the runner sets for every function: the local services, never AWS. */
    static Map<String, String> runnerEnvironment(
            URI sqsEndpoint, URI openSearchEndpoint, URI s3Endpoint) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString());
        values.put("AWS_ENDPOINT_URL_S3", s3Endpoint.toString());
        values.put("OPENSEARCH_ENDPOINT", openSearchEndpoint.toString());
        values.put("OPENSEARCH_AUTH", "none");
        return values;
    }

    /** Loads each of {@code functions} from its jar (see {@link #load}), by logical id. */
    private static Map<String, Target> loadAll(
            List<FunctionResource> functions,
            Options options,
            Intrinsics intrinsics,
            Map<String, String> runnerValues,
            Clock clock,
            InvocationLog log) {
        FunctionLoader loader =
                new FunctionLoader(
                        options.template().toAbsolutePath().getParent(), clock, log.out());
        Map<String, Target> targets = new LinkedHashMap<>();
        for (FunctionResource function : functions) {
            targets.put(
                    function.logicalId(),
                    load(function, loader, intrinsics, runnerValues, options.environment(), log));
        }
        return targets;
    }

    /**
     * Loads one function, or explains why it cannot run; the explanation is logged and its routes
     * and queues are left accordingly.
     */
    static Target load(
            FunctionResource function,
            FunctionLoader loader,
            Intrinsics intrinsics,
            Map<String, String> runnerValues,
            Map<String, String> userValues,
            InvocationLog log) {
        try {
            Map<String, String> environment =
                    FunctionEnvironment.resolve(function, intrinsics, runnerValues, userValues);
            LocalFunction loaded = loader.load(function, environment);
            return new Target.Ready(loaded);
        } catch (FunctionUnavailableException e) {
            log.note(e.getMessage() + consequences(function, e.reason()));
            return new Target.Unavailable(function.logicalId(), e.reason(), e.getMessage());
        } catch (TemplateException e) {
            log.note(
                    e.getMessage()
                            + consequences(
                                    function, FunctionUnavailableException.Reason.INIT_FAILED));
            return new Target.Unavailable(
                    function.logicalId(),
                    FunctionUnavailableException.Reason.INIT_FAILED,
                    e.getMessage());
        }
    }

    private static String consequences(
            FunctionResource function, FunctionUnavailableException.Reason reason) {
        List<String> parts = new ArrayList<>();
        if (!function.routes().isEmpty()) {
            parts.add(
                    "its routes answer "
                            + (reason == FunctionUnavailableException.Reason.NOT_BUILT
                                    ? "501"
                                    : "500"));
        }
        if (!function.sqsEventSources().isEmpty()) {
            parts.add(
                    "its queues ("
                            + String.join(
                                    ", ",
                                    function.sqsEventSources().stream()
                                            .map(SqsEventSourceMapping::queue)
                                            .toList())
                            + ") stay unconsumed");
        }
        if (!function.s3EventSources().isEmpty()) {
            parts.add(
                    "its S3 events ("
                            + String.join(
                                    ", ",
                                    function.s3EventSources().stream()
                                            .map(S3EventSource::eventName)
                                            .toList())
                            + ") are not delivered");
        }
        return parts.isEmpty() ? "" : "; " + String.join(", ", parts);
    }

    /** Checks every SQS event source of the template ({@link #requireVisibilityCoversTimeout}). */
    private static void requireVisibilityCoversTimeouts(Resources resources) {
        Map<String, QueueResource> queues = new LinkedHashMap<>();
        resources.queues().forEach(queue -> queues.put(queue.logicalId(), queue));
        for (FunctionResource function : resources.functions()) {
            for (SqsEventSourceMapping mapping : function.sqsEventSources()) {
                requireVisibilityCoversTimeout(function, queues.get(mapping.queue()));
            }
        }
    }

    /** Lambda refuses an SQS event source whose queue would redeliver a message mid-invocation. */
    private static void requireVisibilityCoversTimeout(
            FunctionResource function, QueueResource queue) {
        if (queue.visibilityTimeout().compareTo(function.timeout()) < 0) {
            throw new TemplateException(
                    function.logicalId()
                            + ": queue "
                            + queue.logicalId()
                            + " has a VisibilityTimeout of "
                            + queue.visibilityTimeout().toSeconds()
                            + " s, shorter than the function's Timeout of "
                            + function.timeout().toSeconds()
                            + " s; Lambda refuses such an event source");
        }
    }

    private static void refuseSecondInstance(Path state) {
        if (!Files.exists(Endpoints.file(state))) {
            return;
        }
        try {
            long pid = Endpoints.read(state).pid();
            if (pid != ProcessHandle.current().pid()
                    && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new IllegalStateException(
                        "./linkcrawl dev is already running (pid "
                                + pid
                                + ") with its state in "
                                + state
                                + "; stop it first");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalStateException) {
                throw (IllegalStateException) e;
            }
            // An unreadable leftover from a crash: it is rewritten below.
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ServiceStartException("a service did not start", e.getCause());
        }
    }

    private static void closeAll(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                // Keep stopping the rest.
            }
        }
    }
}
