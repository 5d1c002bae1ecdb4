package dev.linkcrawl.api;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * A handler's log lines, written to the invocation's logger. Every function uses it, the queue and
 * S3 ones as well as the API ones: it names only the Lambda {@link Context}, never an event class,
 * so the backfill function, whose jar has no API Gateway event classes, loads it too.
 */
public final class FunctionLog {

    private FunctionLog() {}

    /**
     * Writes {@code line} to the invocation's logger. Without one (SnapStart priming and tests pass
     * no context) the line is dropped: priming's sample requests are not worth a line each.
     */
    public static void log(Context context, String line) {
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(line);
        }
    }

    /**
     * Like {@link #log}, but without a logger the line goes to standard error: a crawl run outside
     * Lambda (tests, tools) still shows what became of each message.
     */
    public static void logOrStandardError(Context context, String line) {
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(line);
        } else {
            System.err.println(line);
        }
    }
}
