package dev.linkcrawl.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The figures of one load phase.
 *
 * @param tarpitHeldMin the fewest tarpit connections open at any sampled second of the phase
 * @param tarpitHeldMax the most
 */
record PhaseSummary(
        String phase,
        int requests,
        int errors,
        int timeouts,
        double p50Ms,
        double p99Ms,
        double maxMs,
        int tarpitHeldMin,
        int tarpitHeldMax) {

    static PhaseSummary of(
            String phase, List<OpenLoopLoad.Sample> samples, int heldMin, int heldMax) {
        double[] sorted = samples.stream().mapToDouble(OpenLoopLoad.Sample::latencyMs).toArray();
        Arrays.sort(sorted);
        int errors =
                (int) samples.stream().filter(s -> s.result() == OpenLoopLoad.Result.ERROR).count();
        int timeouts =
                (int)
                        samples.stream()
                                .filter(s -> s.result() == OpenLoopLoad.Result.TIMEOUT)
                                .count();
        return new PhaseSummary(
                phase,
                sorted.length,
                errors,
                timeouts,
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1],
                heldMin,
                heldMax);
    }

    /** Nearest-rank percentile of sorted values; 0 when there are none. */
    static double percentile(double[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
