package dev.linkcrawl.local.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A SAM template read the way CloudFormation reads it: short intrinsic tags become long forms
 * ({@link #tree()}, {@link #toJson()}), and the parts a local runner needs are typed records —
 * {@link #functions()} with {@code Globals.Function} applied, {@link #queues()} with SQS defaults,
 * {@link #buckets()} with their local names. Scalar settings (timeouts, batch sizes, concurrency)
 * are evaluated with the parameters' defaults or the overrides given to {@link
 * #withParameters(Map)}; environment values are kept as written, for {@link
 * #intrinsics(Intrinsics.ResourceValues)} to resolve once the local resources exist.
 */
public final class SamTemplate {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> root;
    private final Map<String, String> parameterOverrides;

    private SamTemplate(Map<String, Object> root, Map<String, String> parameterOverrides) {
        this.root = root;
        this.parameterOverrides = parameterOverrides;
    }

    /** Reads {@code template.yaml}. */
    public static SamTemplate read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Parses template text.
     *
     * @throws TemplateException when it is not YAML or not a mapping with {@code Resources}
     */
    public static SamTemplate parse(String yaml) {
        Object document;
        try {
            document = CloudFormationYaml.parse(yaml);
        } catch (YAMLException e) {
            throw new TemplateException("the template is not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> map) || !(map.get("Resources") instanceof Map<?, ?>)) {
            throw new TemplateException("the template must be a mapping with Resources");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) map;
        return new SamTemplate(root, Map.of());
    }

    /**
     * This template with parameter values other than the defaults, like {@code sam deploy
     * --parameter-overrides}.
     *
     * @throws TemplateException naming a parameter the template does not declare
     */
    public SamTemplate withParameters(Map<String, String> overrides) {
        for (String name : overrides.keySet()) {
            if (!parameterNames().contains(name)) {
                throw new TemplateException(
                        "no parameter named " + name + "; the template has " + parameterNames());
            }
        }
        Map<String, String> merged = new LinkedHashMap<>(parameterOverrides);
        merged.putAll(overrides);
        return new SamTemplate(root, Collections.unmodifiableMap(merged));
    }

    /** The whole template with long-form intrinsics, as maps, lists and scalars. */
    public Map<String, Object> tree() {
        return Collections.unmodifiableMap(root);
    }

    /** The template as JSON, intrinsics in long form (what the SAM schema validates). */
    public String toJson() {
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed template is always JSON-serialisable", e);
        }
    }

    public Map<String, Object> resources() {
        return mapAt(root, "Resources");
    }

    public Map<String, Object> conditions() {
        return mapAt(root, "Conditions");
    }

    public Map<String, Object> mappings() {
        return mapAt(root, "Mappings");
    }

    public Set<String> parameterNames() {
        return mapAt(root, "Parameters").keySet();
    }

    /**
     * A parameter's value: its override, else its {@code Default}; a {@code CommaDelimitedList} is
     * a list, everything else text (CloudFormation passes numbers as text). Empty when neither
     * exists.
     */
    public Optional<Object> parameterValue(String name) {
        Map<String, Object> declaration = mapAt(mapAt(root, "Parameters"), name);
        Object raw =
                parameterOverrides.containsKey(name)
                        ? parameterOverrides.get(name)
                        : declaration.get("Default");
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.toString();
        Object type = declaration.getOrDefault("Type", "String");
        if ("CommaDelimitedList".equals(type) || String.valueOf(type).startsWith("List<")) {
            return Optional.of(text.isEmpty() ? List.of() : List.of(text.split("\\s*,\\s*", -1)));
        }
        return Optional.of(text);
    }

    /** An evaluator of this template's intrinsics against local resource values. */
    public Intrinsics intrinsics(Intrinsics.ResourceValues resources) {
        return new Intrinsics(this, resources);
    }

    /** Every {@code AWS::Serverless::Function}, in template order. */
    public List<FunctionResource> functions() {
        List<FunctionResource> functions = new ArrayList<>();
        resourcesOfType("AWS::Serverless::Function")
                .forEach((id, properties) -> functions.add(function(id, properties)));
        return functions;
    }

    /**
     * The function with this logical id.
     *
     * @throws TemplateException listing the functions there are
     */
    public FunctionResource function(String logicalId) {
        return functions().stream()
                .filter(function -> function.logicalId().equals(logicalId))
                .findFirst()
                .orElseThrow(
                        () ->
                                new TemplateException(
                                        "no function named "
                                                + logicalId
                                                + " in the template; there are "
                                                + functions().stream()
                                                        .map(FunctionResource::logicalId)
                                                        .toList()));
    }

    /** Every {@code AWS::SQS::Queue}, in template order. */
    public List<QueueResource> queues() {
        List<QueueResource> queues = new ArrayList<>();
        resourcesOfType("AWS::SQS::Queue")
                .forEach((id, properties) -> queues.add(queue(id, properties)));
        for (QueueResource queue : queues) {
            queue.redrive()
                    .ifPresent(
                            redrive -> {
                                if (queues.stream()
                                        .noneMatch(
                                                q ->
                                                        q.logicalId()
                                                                .equals(
                                                                        redrive
                                                                                .deadLetterQueue()))) {
                                    throw new TemplateException(
                                            "Resources."
                                                    + queue.logicalId()
                                                    + ".Properties.RedrivePolicy names "
                                                    + redrive.deadLetterQueue()
                                                    + ", which is not a queue of the template");
                                }
                            });
        }
        return queues;
    }

    /**
     * Every {@code AWS::S3::Bucket}, in template order, named as {@link BucketResource} says.
     *
     * @throws TemplateException when a {@code BucketName} has no local value or is not a valid name
     */
    public List<BucketResource> buckets() {
        Intrinsics intrinsics = intrinsics(Intrinsics.ResourceValues.none());
        List<BucketResource> buckets = new ArrayList<>();
        resourcesOfType("AWS::S3::Bucket")
                .forEach(
                        (id, properties) -> {
                            String where = "Resources." + id + ".Properties.BucketName";
                            try {
                                String name =
                                        properties.containsKey("BucketName")
                                                ? intrinsics.text(properties.get("BucketName"))
                                                : BucketResource.defaultName(id);
                                buckets.add(new BucketResource(id, name));
                            } catch (UnresolvableValueException | IllegalArgumentException e) {
                                throw new TemplateException(where + ": " + e.getMessage(), e);
                            }
                        });
        return buckets;
    }

    /**
     * The throttles of the {@code AWS::Serverless::HttpApi} resources: their {@code
     * DefaultRouteSettings} and {@code RouteSettings} (the local API serves the routes of every
     * HttpApi as one API, so a template with several applies their settings together). A setting
     * without both limits is left out: API Gateway then applies the account's limits, which the
     * local API does not.
     *
     * @throws TemplateException when a limit is not a number, or not above 0
     */
    public RouteThrottles routeThrottles() {
        Intrinsics intrinsics = intrinsics(Intrinsics.ResourceValues.none());
        Map<String, RouteThrottle> throttles = new LinkedHashMap<>();
        List<RouteThrottle> defaults = new ArrayList<>();
        resourcesOfType("AWS::Serverless::HttpApi")
                .forEach(
                        (id, properties) -> {
                            String where = "Resources." + id + ".Properties.";
                            throttle(
                                            intrinsics,
                                            mapAt(properties, "DefaultRouteSettings"),
                                            where + "DefaultRouteSettings")
                                    .ifPresent(defaults::add);
                            mapAt(properties, "RouteSettings")
                                    .forEach(
                                            (routeKey, settings) ->
                                                    throttle(
                                                                    intrinsics,
                                                                    asStringMap(settings),
                                                                    where
                                                                            + "RouteSettings."
                                                                            + routeKey)
                                                            .ifPresent(
                                                                    throttle ->
                                                                            throttles.put(
                                                                                    routeKey,
                                                                                    throttle)));
                        });
        return new RouteThrottles(defaults.stream().reduce((first, last) -> last), throttles);
    }

    private static Optional<RouteThrottle> throttle(
            Intrinsics intrinsics, Map<String, Object> settings, String where) {
        Object rate = settings.get("ThrottlingRateLimit");
        Object burst = settings.get("ThrottlingBurstLimit");
        if (rate == null || burst == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new RouteThrottle(
                            Double.parseDouble(intrinsics.text(rate)),
                            integer(intrinsics, burst, where + ".ThrottlingBurstLimit")
                                    .orElseThrow()));
        } catch (UnresolvableValueException | IllegalArgumentException e) {
            throw new TemplateException(where + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources()
                .forEach(
                        (id, resource) -> {
                            if (resource instanceof Map<?, ?> map && type.equals(map.get("Type"))) {
                                found.put(id, mapAt(asStringMap(map), "Properties"));
                            }
                        });
        return found;
    }

    private FunctionResource function(String id, Map<String, Object> own) {
        Map<String, Object> globals = mapAt(mapAt(root, "Globals"), "Function");
        Intrinsics intrinsics = intrinsics(Intrinsics.ResourceValues.none());
        String where = "Resources." + id + ".Properties.";
        Function<String, Object> property =
                name -> own.containsKey(name) ? own.get(name) : globals.get(name);

        Object codeUri = property.apply("CodeUri");
        Object handler = property.apply("Handler");
        if (codeUri == null || handler == null) {
            throw new TemplateException(where + "CodeUri and Handler are required");
        }
        Duration timeout =
                Duration.ofSeconds(
                        integer(intrinsics, property.apply("Timeout"), where + "Timeout")
                                .orElse((int) FunctionResource.DEFAULT_TIMEOUT.toSeconds()));
        int memorySize =
                integer(intrinsics, property.apply("MemorySize"), where + "MemorySize")
                        .orElse(FunctionResource.DEFAULT_MEMORY_SIZE);

        Map<String, Object> environment = new LinkedHashMap<>();
        environment.putAll(mapAt(mapAt(globals, "Environment"), "Variables"));
        environment.putAll(mapAt(mapAt(own, "Environment"), "Variables"));

        List<HttpApiRoute> routes = new ArrayList<>();
        List<SqsEventSourceMapping> sqsSources = new ArrayList<>();
        List<S3EventSource> s3Sources = new ArrayList<>();
        List<ScheduleEventSource> schedules = new ArrayList<>();
        mapAt(own, "Events")
                .forEach(
                        (name, event) -> {
                            Map<String, Object> definition = asStringMap(event);
                            Map<String, Object> properties = mapAt(definition, "Properties");
                            String at = where + "Events." + name + ".Properties.";
                            switch (String.valueOf(definition.get("Type"))) {
                                case "HttpApi" -> routes.add(route(intrinsics, properties, at));
                                case "SQS" ->
                                        sqsSources.add(sqsSource(intrinsics, name, properties, at));
                                case "S3" ->
                                        s3Sources.add(s3Source(intrinsics, name, properties, at));
                                case "Schedule" ->
                                        schedules.add(schedule(intrinsics, name, properties, at));
                                default -> {
                                    // Other event types are not emulated by the local runner.
                                }
                            }
                        });
        EventInvokeConfig eventInvokeConfig =
                eventInvokeConfig(
                        intrinsics,
                        property.apply("EventInvokeConfig"),
                        where + "EventInvokeConfig");
        try {
            return new FunctionResource(
                    id,
                    intrinsics.text(codeUri),
                    HandlerName.parse(intrinsics.text(handler)),
                    timeout,
                    memorySize,
                    environment,
                    routes,
                    sqsSources,
                    s3Sources,
                    schedules,
                    eventInvokeConfig);
        } catch (IllegalArgumentException | UnresolvableValueException e) {
            throw new TemplateException(where + ": " + e.getMessage(), e);
        }
    }

    private static HttpApiRoute route(
            Intrinsics intrinsics, Map<String, Object> properties, String at) {
        // Without Method and Path SAM routes the event through the API's $default route.
        String method =
                properties.containsKey("Method")
                        ? intrinsics.text(properties.get("Method"))
                        : "ANY";
        String path =
                properties.containsKey("Path")
                        ? intrinsics.text(properties.get("Path"))
                        : "/{proxy+}";
        try {
            return new HttpApiRoute(method, path);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(at + "Path: " + e.getMessage(), e);
        }
    }

    private SqsEventSourceMapping sqsSource(
            Intrinsics intrinsics, String name, Map<String, Object> properties, String at) {
        String queue = queueLogicalId(properties.get("Queue"), at + "Queue");
        int batchSize =
                integer(intrinsics, properties.get("BatchSize"), at + "BatchSize")
                        .orElse(SqsEventSourceMapping.DEFAULT_BATCH_SIZE);
        Object responseTypes = intrinsics.evaluate(properties.get("FunctionResponseTypes"));
        boolean reportsFailures =
                responseTypes instanceof List<?> list && list.contains("ReportBatchItemFailures");
        Optional<Integer> maximumConcurrency =
                integer(
                        intrinsics,
                        mapAt(properties, "ScalingConfig").get("MaximumConcurrency"),
                        at + "ScalingConfig.MaximumConcurrency");
        try {
            return new SqsEventSourceMapping(
                    name,
                    queue,
                    batchSize,
                    reportsFailures,
                    maximumConcurrency.map(OptionalInt::of).orElse(OptionalInt.empty()));
        } catch (IllegalArgumentException e) {
            throw new TemplateException(at + ": " + e.getMessage(), e);
        }
    }

    private S3EventSource s3Source(
            Intrinsics intrinsics, String name, Map<String, Object> properties, String at) {
        Object reference = properties.get("Bucket");
        if (!(reference instanceof Map<?, ?> map
                && map.get("Ref") instanceof String bucket
                && resourcesOfType("AWS::S3::Bucket").containsKey(bucket))) {
            // SAM itself only accepts a bucket of the same template here.
            throw new TemplateException(
                    at
                            + "Bucket must be !Ref to an AWS::S3::Bucket of this template, not "
                            + reference);
        }
        Object events = intrinsics.evaluate(properties.get("Events"));
        List<String> types = new ArrayList<>();
        if (events instanceof String one) {
            types.add(one);
        } else if (events instanceof List<?> list) {
            list.forEach(type -> types.add(String.valueOf(type)));
        }
        String prefix = "";
        String suffix = "";
        Object rules = mapAt(mapAt(properties, "Filter"), "S3Key").get("Rules");
        if (rules != null) {
            if (!(intrinsics.evaluate(rules) instanceof List<?> list)) {
                throw new TemplateException(at + "Filter.S3Key.Rules must be a list");
            }
            for (Object rule : list) {
                Map<String, Object> fields = asStringMap(rule);
                String ruleName = String.valueOf(fields.get("Name"));
                String value = String.valueOf(fields.get("Value"));
                switch (ruleName.toLowerCase(java.util.Locale.ROOT)) {
                    case "prefix" -> prefix = value;
                    case "suffix" -> suffix = value;
                    default ->
                            throw new TemplateException(
                                    at
                                            + "Filter.S3Key.Rules: a rule is named prefix or"
                                            + " suffix, not "
                                            + ruleName);
                }
            }
        }
        try {
            return new S3EventSource(
                    name, (String) ((Map<?, ?>) reference).get("Ref"), types, prefix, suffix);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(at + "Events: " + e.getMessage(), e);
        }
    }

    /**
     * {@code EventInvokeConfig}, whose only destination that exists locally is a queue of the
     * template: any other one is refused rather than silently left out.
     */
    private EventInvokeConfig eventInvokeConfig(Intrinsics intrinsics, Object value, String at) {
        if (value == null) {
            return EventInvokeConfig.DEFAULT;
        }
        Map<String, Object> config = asStringMap(value);
        int maximumRetryAttempts =
                integer(
                                intrinsics,
                                config.get("MaximumRetryAttempts"),
                                at + ".MaximumRetryAttempts")
                        .orElse(EventInvokeConfig.DEFAULT_MAXIMUM_RETRY_ATTEMPTS);
        Duration maximumEventAge =
                integer(
                                intrinsics,
                                config.get("MaximumEventAgeInSeconds"),
                                at + ".MaximumEventAgeInSeconds")
                        .map(Duration::ofSeconds)
                        .orElse(EventInvokeConfig.DEFAULT_MAXIMUM_EVENT_AGE);
        Map<String, Object> destinations = mapAt(config, "DestinationConfig");
        if (destinations.get("OnSuccess") != null) {
            throw new TemplateException(
                    at
                            + ".DestinationConfig.OnSuccess: the local runner sends no records of"
                            + " successful invocations");
        }
        Optional<String> onFailureQueue = Optional.empty();
        if (destinations.get("OnFailure") != null) {
            Map<String, Object> onFailure = asStringMap(destinations.get("OnFailure"));
            Object type = intrinsics.evaluate(onFailure.get("Type"));
            if (type != null && !"SQS".equals(type)) {
                throw new TemplateException(
                        at
                                + ".DestinationConfig.OnFailure.Type: the local runner sends failed"
                                + " invocations only to a queue of the template (SQS), not "
                                + type);
            }
            onFailureQueue =
                    Optional.of(
                            queueLogicalId(
                                    onFailure.get("Destination"),
                                    at + ".DestinationConfig.OnFailure.Destination"));
        }
        try {
            return new EventInvokeConfig(maximumRetryAttempts, maximumEventAge, onFailureQueue);
        } catch (IllegalArgumentException e) {
            throw new TemplateException(at + ": " + e.getMessage(), e);
        }
    }

    private static ScheduleEventSource schedule(
            Intrinsics intrinsics, String name, Map<String, Object> properties, String at) {
        if (!properties.containsKey("Schedule")) {
            throw new TemplateException(at + "Schedule is required");
        }
        Object enabled = intrinsics.evaluate(properties.get("Enabled"));
        return new ScheduleEventSource(
                name,
                intrinsics.text(properties.get("Schedule")),
                enabled == null || Boolean.parseBoolean(enabled.toString()));
    }

    private QueueResource queue(String id, Map<String, Object> properties) {
        Intrinsics intrinsics = intrinsics(Intrinsics.ResourceValues.none());
        String where = "Resources." + id + ".Properties.";
        String name =
                properties.containsKey("QueueName")
                        ? intrinsics.text(properties.get("QueueName"))
                        : id;
        Duration visibility =
                integer(
                                intrinsics,
                                properties.get("VisibilityTimeout"),
                                where + "VisibilityTimeout")
                        .map(Duration::ofSeconds)
                        .orElse(QueueResource.DEFAULT_VISIBILITY_TIMEOUT);
        Duration retention =
                integer(
                                intrinsics,
                                properties.get("MessageRetentionPeriod"),
                                where + "MessageRetentionPeriod")
                        .map(Duration::ofSeconds)
                        .orElse(QueueResource.DEFAULT_RETENTION);
        Duration delay =
                integer(intrinsics, properties.get("DelaySeconds"), where + "DelaySeconds")
                        .map(Duration::ofSeconds)
                        .orElse(Duration.ZERO);
        Optional<Redrive> redrive = Optional.empty();
        if (properties.get("RedrivePolicy") != null) {
            Map<String, Object> policy = asStringMap(properties.get("RedrivePolicy"));
            String target =
                    queueLogicalId(
                            policy.get("deadLetterTargetArn"),
                            where + "RedrivePolicy.deadLetterTargetArn");
            int maxReceiveCount =
                    integer(
                                    intrinsics,
                                    policy.get("maxReceiveCount"),
                                    where + "RedrivePolicy.maxReceiveCount")
                            .orElseThrow(
                                    () ->
                                            new TemplateException(
                                                    where
                                                            + "RedrivePolicy.maxReceiveCount is required"));
            try {
                redrive = Optional.of(new Redrive(target, maxReceiveCount));
            } catch (IllegalArgumentException e) {
                throw new TemplateException(where + "RedrivePolicy: " + e.getMessage(), e);
            }
        }
        return new QueueResource(id, name, visibility, retention, delay, redrive);
    }

    /**
     * A queue named by {@code !GetAtt Queue.Arn} (or {@code !Ref}, or a literal ARN whose name is a
     * queue of this template): only queues of the template exist locally.
     */
    private String queueLogicalId(Object reference, String where) {
        if (reference instanceof Map<?, ?> map
                && map.get("Fn::GetAtt") instanceof List<?> parts
                && parts.size() == 2
                && "Arn".equals(parts.get(1))) {
            return requireQueue(String.valueOf(parts.get(0)), where);
        }
        if (reference instanceof Map<?, ?> map && map.get("Ref") instanceof String id) {
            return requireQueue(id, where);
        }
        if (reference instanceof String arn && arn.startsWith("arn:")) {
            String name = arn.substring(arn.lastIndexOf(':') + 1);
            for (Map.Entry<String, Map<String, Object>> queue :
                    resourcesOfType("AWS::SQS::Queue").entrySet()) {
                Object queueName = queue.getValue().getOrDefault("QueueName", queue.getKey());
                if (name.equals(queueName)) {
                    return queue.getKey();
                }
            }
        }
        throw new TemplateException(
                where
                        + " must name a queue of this template (!GetAtt <Queue>.Arn), not "
                        + reference);
    }

    private String requireQueue(String logicalId, String where) {
        if (!resourcesOfType("AWS::SQS::Queue").containsKey(logicalId)) {
            throw new TemplateException(where + ": " + logicalId + " is not an AWS::SQS::Queue");
        }
        return logicalId;
    }

    private static Optional<Integer> integer(Intrinsics intrinsics, Object value, String where) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(intrinsics.integer(value));
        } catch (UnresolvableValueException e) {
            throw new TemplateException(where + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> mapAt(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        return child == null ? Map.of() : asStringMap(child);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asStringMap(Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                if (!(key instanceof String)) {
                    throw new TemplateException("expected text keys, found " + key);
                }
            }
            return (Map<String, Object>) map;
        }
        throw new TemplateException("expected a mapping, found " + Objects.toString(value));
    }
}
