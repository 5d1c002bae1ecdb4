package dev.linkcrawl.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.local.template.Intrinsics;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The invocation record Lambda sends to a function's on-failure destination when an asynchronous
 * invocation failed for good: the original event ({@code requestPayload}) with why it was given up
 * and the last attempt's error, as the Java runtime reports it.
 *
 * <pre>{@code
 * {"version":"1.0","timestamp":"…",
 *  "requestContext":{"requestId":"…","functionArn":"arn:aws:lambda:…:function:F:$LATEST",
 *                    "condition":"RetriesExhausted","approximateInvokeCount":3},
 *  "requestPayload":{…the event…},
 *  "responseContext":{"statusCode":200,"executedVersion":"$LATEST","functionError":"Unhandled"},
 *  "responsePayload":{"errorMessage":"…","errorType":"…","stackTrace":[…]}}
 * }</pre>
 *
 * @param timestamp when the event was given up
 * @param functionName the function (its logical id locally)
 * @param condition why it was given up
 * @param approximateInvokeCount how many attempts ran
 * @param requestPayload the event as the function received it
 * @param lastAttempt the last attempt, which failed or timed out; its request id stands for the
 *     event's (Lambda keeps one request id across the retries, the local runner one per attempt)
 */
public record InvocationRecord(
        Instant timestamp,
        String functionName,
        Condition condition,
        int approximateInvokeCount,
        JsonNode requestPayload,
        Invocation lastAttempt) {

    /** Why Lambda gave the event up, as {@code requestContext.condition} spells it. */
    public enum Condition {
        /** Every attempt {@code MaximumRetryAttempts} allows failed. */
        RETRIES_EXHAUSTED("RetriesExhausted"),
        /** The next retry would have come after {@code MaximumEventAgeInSeconds}. */
        EVENT_AGE_EXCEEDED("EventAgeExceeded");

        private final String value;

        Condition(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public InvocationRecord {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(requestPayload, "requestPayload");
        Objects.requireNonNull(lastAttempt, "lastAttempt");
        if (lastAttempt instanceof Invocation.Completed) {
            throw new IllegalArgumentException("an on-failure record is of a failed attempt");
        }
        if (approximateInvokeCount < 1) {
            throw new IllegalArgumentException(
                    "at least one attempt ran, not " + approximateInvokeCount);
        }
    }

    /** The record as Lambda sends it (the body of the SQS message). */
    public ObjectNode toJson() {
        ObjectNode record = JSON.createObjectNode();
        record.put("version", "1.0");
        record.put("timestamp", TIMESTAMP.format(timestamp));
        ObjectNode request = record.putObject("requestContext");
        request.put("requestId", lastAttempt.requestId());
        request.put(
                "functionArn",
                "arn:aws:lambda:"
                        + Intrinsics.REGION
                        + ":"
                        + Intrinsics.ACCOUNT_ID
                        + ":function:"
                        + functionName
                        + ":$LATEST");
        request.put("condition", condition.value());
        request.put("approximateInvokeCount", approximateInvokeCount);
        record.set("requestPayload", requestPayload);
        // The Invoke call itself succeeded (200); the function's error is in the payload.
        record.putObject("responseContext")
                .put("statusCode", 200)
                .put("executedVersion", "$LATEST")
                .put("functionError", "Unhandled");
        record.set(
                "responsePayload",
                switch (lastAttempt) {
                    case Invocation.Failed failed -> error(failed.error());
                    case Invocation.TimedOut timedOut ->
                            JSON.createObjectNode()
                                    .put(
                                            "errorMessage",
                                            String.format(
                                                    Locale.ROOT,
                                                    "%s %s Task timed out after %.2f seconds",
                                                    TIMESTAMP.format(timestamp),
                                                    timedOut.requestId(),
                                                    timedOut.duration().toMillis() / 1000.0));
                    case Invocation.Completed completed ->
                            throw new IllegalStateException("refused by the constructor");
                });
        return record;
    }

    /** The Java runtime's error object: message, class, frames, and the cause's the same way. */
    private static ObjectNode error(Throwable error) {
        ObjectNode node =
                JSON.createObjectNode()
                        .put("errorMessage", error.getMessage())
                        .put("errorType", error.getClass().getName());
        ArrayNode stackTrace = node.putArray("stackTrace");
        for (StackTraceElement frame : error.getStackTrace()) {
            stackTrace.add(frame(frame));
        }
        if (error.getCause() != null && error.getCause() != error) {
            node.set("cause", error(error.getCause()));
        }
        return node;
    }

    /**
     * A frame as the runtime writes it; {@link StackTraceElement#toString()} would add the local
     * function class loader's name, which Lambda has not.
     */
    private static String frame(StackTraceElement frame) {
        String source =
                frame.isNativeMethod()
                        ? "Native Method"
                        : frame.getFileName() == null
                                ? "Unknown Source"
                                : frame.getLineNumber() >= 0
                                        ? frame.getFileName() + ":" + frame.getLineNumber()
                                        : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + source + ")";
    }
}
