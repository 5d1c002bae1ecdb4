package dev.linkcrawl.local;

import dev.linkcrawl.local.api.ApiGatewayEmulator.Target;
import dev.linkcrawl.local.lambda.AsyncInvoker;
import dev.linkcrawl.local.lambda.FunctionEnvironment;
import dev.linkcrawl.local.lambda.FunctionLoader;
import dev.linkcrawl.local.lambda.FunctionUnavailableException;
import dev.linkcrawl.local.lambda.InvocationLog;
import dev.linkcrawl.local.lambda.LocalFunction;
import dev.linkcrawl.local.sqs.LocalQueue;
import dev.linkcrawl.local.sqs.LocalSqs;
import dev.linkcrawl.local.sqs.QueueDestination;
import dev.linkcrawl.local.sqs.SqsEventSourcePoller;
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
    record Timed<T>(T value, Duration took) {}

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

    DevStack(
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
        DevStartup.Resources resources = DevStartup.Resources.of(template);
        requireVisibilityCoversTimeouts(resources);
        Path state = options.stateFolder().toAbsolutePath();
        refuseSecondInstance(state);
        Files.createDirectories(state);
        return new DevStartup(options, template, resources, state, log, clock, retries).run(begin);
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

    static String eventSourceKey(String function, String queue) {
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
        Intrinsics intrinsics = endpoints.intrinsics(template);
        Map<String, String> runnerValues = endpoints.runnerEnvironment();
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
    static Map<String, SqsEventSourcePoller> startPollers(
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
    static AsyncInvoker.FailureHandling failureHandling(
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
            URI sqsEndpoint, URI openSearchEndpoint, URI s3Endpoint, URI eventsEndpoint) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString());
        values.put("AWS_ENDPOINT_URL_S3", s3Endpoint.toString());
        values.put("AWS_ENDPOINT_URL_EVENTBRIDGE", eventsEndpoint.toString());
        values.put("OPENSEARCH_ENDPOINT", openSearchEndpoint.toString());
        values.put("OPENSEARCH_AUTH", "none");
        return values;
    }

    /** Loads each of {@code functions} from its jar (see {@link #load}), by logical id. */
    static Map<String, Target> loadAll(
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

    static String consequences(
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
    private static void requireVisibilityCoversTimeouts(DevStartup.Resources resources) {
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

    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ServiceStartException("a service did not start", e.getCause());
        }
    }

    static void closeAll(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                // Keep stopping the rest.
            }
        }
    }
}
