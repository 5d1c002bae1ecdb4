package dev.linkcrawl.local.lambda;

import java.time.Duration;

/** How one invocation ended, as Lambda reports it to the service that invoked the function. */
public sealed interface Invocation {

    String requestId();

    Duration duration();

    /** The handler returned {@code output} (possibly null) within the timeout. */
    record Completed(String requestId, Object output, Duration duration) implements Invocation {}

    /** The handler threw {@code error}: a function error, the whole event failed. */
    record Failed(String requestId, Throwable error, Duration duration) implements Invocation {}

    /** The handler ran past the function's {@code Timeout} and was cut (interrupted). */
    record TimedOut(String requestId, Duration duration) implements Invocation {}

    /** A short outcome for the runner's log line. */
    default String outcome() {
        return switch (this) {
            case Completed completed -> "completed";
            case Failed failed ->
                    "failed: "
                            + failed.error().getClass().getSimpleName()
                            + (failed.error().getMessage() == null
                                    ? ""
                                    : " " + failed.error().getMessage());
            case TimedOut timedOut -> "timed out after " + timedOut.duration().toMillis() + " ms";
        };
    }
}
