package dev.linkcrawl.local.template;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@code AWS::Serverless::Function} with {@code Globals.Function} applied.
 *
 * @param logicalId the resource's logical id, also the local function name
 * @param codeUri {@code CodeUri}: the jar, relative to the template's folder
 * @param handler {@code Handler}
 * @param timeout {@code Timeout}, default 3 seconds (Lambda's)
 * @param memorySize {@code MemorySize} in MB, default 128
 * @param environment {@code Environment.Variables}, the global ones first and then the function's,
 *     as written (values may still hold intrinsic functions)
 * @param routes its {@code HttpApi} events
 * @param sqsEventSources its {@code SQS} events
 * @param s3EventSources its {@code S3} events
 * @param schedules its {@code Schedule} events
 * @param eventInvokeConfig its {@code EventInvokeConfig}, for its asynchronous invocations
 */
public record FunctionResource(
        String logicalId,
        String codeUri,
        HandlerName handler,
        Duration timeout,
        int memorySize,
        Map<String, Object> environment,
        List<HttpApiRoute> routes,
        List<SqsEventSourceMapping> sqsEventSources,
        List<S3EventSource> s3EventSources,
        List<ScheduleEventSource> schedules,
        EventInvokeConfig eventInvokeConfig) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    public static final int DEFAULT_MEMORY_SIZE = 128;

    public FunctionResource {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(codeUri, "codeUri");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(eventInvokeConfig, "eventInvokeConfig");
        environment =
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
        routes = List.copyOf(routes);
        sqsEventSources = List.copyOf(sqsEventSources);
        s3EventSources = List.copyOf(s3EventSources);
        schedules = List.copyOf(schedules);
        if (timeout.isNegative()
                || timeout.isZero()
                || timeout.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException(
                    "Timeout must be from 1 to 900 seconds, not " + timeout);
        }
    }
}
