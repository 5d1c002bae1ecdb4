package dev.linkcrawl.crawl.extract;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Objects;

/**
 * A bound on parsing and extracting one page: a budget of the extracting thread's CPU time (what
 * the page costs, whatever else runs beside it) and a deadline on the monotonic clock (what the
 * invocation can spare). Hostile markup can make a parse or an extraction cost seconds (a table of
 * 500,000 cells is 500,000 blocks to judge), so {@link PageExtractor} checks it while the parser
 * reads its input, every {@value #ELEMENTS_PER_CHECK} elements of the body walk and between (and
 * inside) the steps of content selection, and stops with {@link ExtractBudgetExceededException}
 * once it has passed. The longest stretch between two checks is one step over the whole page (a few
 * hundred milliseconds for 5 MiB on one core), so an extraction overruns its budget by at most
 * that.
 *
 * <p>Not thread-safe: one budget per extraction.
 */
public final class ExtractBudget {

    /** Elements of the body walk between two looks at the clock: 1,024. */
    static final int ELEMENTS_PER_CHECK = 1024;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Duration budget;
    private final long deadlineNanos;
    private final long cpuDeadlineNanos;
    private int ticks;

    private ExtractBudget(Duration budget, long deadlineNanos, long cpuDeadlineNanos) {
        this.budget = budget;
        this.deadlineNanos = deadlineNanos;
        this.cpuDeadlineNanos = cpuDeadlineNanos;
    }

    /** A budget of {@code budget} from now, in CPU time and on the clock alike. */
    public static ExtractBudget of(Duration budget) {
        return of(budget, budget);
    }

    /**
     * At most {@code cpu} of this thread's CPU time and {@code wall} on the clock, from now. Where
     * the JVM cannot measure a thread's CPU time, only the clock counts.
     */
    public static ExtractBudget of(Duration cpu, Duration wall) {
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(wall, "wall");
        long cpuNow = cpuTime();
        return new ExtractBudget(
                cpu.compareTo(wall) < 0 ? cpu : wall,
                System.nanoTime() + wall.toNanos(),
                cpuNow < 0 ? Long.MAX_VALUE : cpuNow + cpu.toNanos());
    }

    /** No budget: tools and tests that extract without a deadline. */
    public static ExtractBudget unlimited() {
        return new ExtractBudget(null, 0, 0);
    }

    /**
     * @throws ExtractBudgetExceededException if the deadline has passed or the CPU time is spent
     */
    public void check() {
        if (budget != null
                && (System.nanoTime() - deadlineNanos > 0 || cpuTime() > cpuDeadlineNanos)) {
            throw new ExtractBudgetExceededException(budget);
        }
    }

    /** This thread's CPU time in nanoseconds, or -1 where the JVM cannot tell. */
    private static long cpuTime() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /** Counts one element of a walk, and checks every {@value #ELEMENTS_PER_CHECK} of them. */
    void tick() {
        if (++ticks % ELEMENTS_PER_CHECK == 0) {
            check();
        }
    }

    /**
     * {@code html} as a reader that checks the budget each time the parser fills its buffer (32 Ki
     * characters at a time), so that a parse is stopped too.
     */
    Reader reader(String html) {
        StringReader in = new StringReader(html);
        if (budget == null) {
            return in;
        }
        return new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                check();
                return in.read(buffer, offset, length);
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }
}
