package dev.linkcrawl.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.linkcrawl.local.template.Intrinsics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The {@link Context} of one local invocation: the function name is the template's logical id, the
 * remaining time counts down to the function's {@code Timeout}, and the logger writes lines to the
 * runner's error stream prefixed with the function and request id.
 */
public final class LocalContext implements Context {

    private final String functionName;
    private final int memoryLimitMb;
    private final String requestId;
    private final Instant deadline;
    private final Clock clock;
    private final LambdaLogger logger;

    public LocalContext(
            String functionName,
            int memoryLimitMb,
            String requestId,
            Instant deadline,
            Clock clock,
            PrintStream log) {
        this.functionName = Objects.requireNonNull(functionName, "functionName");
        this.memoryLimitMb = memoryLimitMb;
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.logger = new PrefixedLogger("[" + functionName + " " + requestId + "] ", log);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:"
                + Intrinsics.REGION
                + ":"
                + Intrinsics.ACCOUNT_ID
                + ":function:"
                + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    /** Milliseconds until the function's timeout, never negative. */
    @Override
    public int getRemainingTimeInMillis() {
        long remaining = deadline.toEpochMilli() - clock.millis();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    private record PrefixedLogger(String prefix, PrintStream out) implements LambdaLogger {
        @Override
        public void log(String message) {
            out.println(prefix + (message == null ? "null" : message.stripTrailing()));
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }

        @Override
        public void log(String message, LogLevel level) {
            log(level + " " + message);
        }
    }
}
