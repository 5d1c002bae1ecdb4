package dev.linkcrawl.local.lambda;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;

/** One line per invocation on the runner's error stream: function, trigger, outcome, duration. */
public final class InvocationLog {

    private final PrintStream out;

    public InvocationLog(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** The stream the lines go to (handlers' loggers write there too). */
    public PrintStream out() {
        return out;
    }

    /**
     * Writes {@code CrawlLinkFunction SQS CrawlQueue msg=… completed 41 ms}.
     *
     * @param trigger what invoked it: a route key, a queue and message id
     */
    public void invoked(String function, String trigger, String outcome, Duration duration) {
        out.printf("%-22s %-44s %s  %d ms%n", function, trigger, outcome, duration.toMillis());
    }

    /** A line about the runner itself (start-up, a function left out). */
    public void note(String message) {
        out.println(message);
    }
}
