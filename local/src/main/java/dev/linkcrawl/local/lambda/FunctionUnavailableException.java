package dev.linkcrawl.local.lambda;

/**
 * A function of the template cannot run locally: its jar or handler class does not exist yet
 * ({@link Reason#NOT_BUILT}), or its handler failed to start ({@link Reason#INIT_FAILED}, like a
 * Lambda init error). The runner keeps going without it and says so.
 */
public final class FunctionUnavailableException extends Exception {

    public enum Reason {
        NOT_BUILT,
        INIT_FAILED
    }

    private final String function;
    private final Reason reason;

    public FunctionUnavailableException(String function, Reason reason, String message) {
        this(function, reason, message, null);
    }

    public FunctionUnavailableException(
            String function, Reason reason, String message, Throwable cause) {
        super(function + ": " + message, cause);
        this.function = function;
        this.reason = reason;
    }

    public String function() {
        return function;
    }

    public Reason reason() {
        return reason;
    }
}
