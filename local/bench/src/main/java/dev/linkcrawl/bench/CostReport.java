package dev.linkcrawl.bench;

import static dev.linkcrawl.bench.CostBench.CRAWL;
import static dev.linkcrawl.bench.CostBench.QUERY;
import static dev.linkcrawl.bench.CostBench.SQS_REQUESTS_PER_LINK;
import static dev.linkcrawl.bench.CostBench.SUBMIT;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.bench.CostBench.Call;
import dev.linkcrawl.bench.CostBench.Result;
import dev.linkcrawl.bench.CostBench.Run;
import dev.linkcrawl.bench.CostBench.Workload;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * What {@code bench cost} prints once every function has run: the memory table, the time each call
 * is billed, the cost per million links at the template's sizes and at the recommended ones, and
 * the JSON line.
 */
final class CostReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final double fetchSeconds;
    private final int warmup;
    private final boolean quick;

    /**
     * @param warmup calls of each function left out of its mean time
     * @param quick whether each function ran once, at the template's size only
     */
    CostReport(PrintStream out, double fetchSeconds, int warmup, boolean quick) {
        this.out = out;
        this.fetchSeconds = fetchSeconds;
        this.warmup = warmup;
        this.quick = quick;
    }

    /** Mean billed seconds per call of {@code run} at its size, over its timed calls. */
    double billedSeconds(Workload workload, Run run) {
        boolean crawl = workload.name().equals(CRAWL);
        return timedCalls(workload, run).stream()
                .mapToDouble(
                        c ->
                                LambdaCost.billedSeconds(
                                        (c.ms() - (crawl ? c.fetchMs().orElse(0) : 0)) / 1000,
                                        c.cpuMs() / 1000,
                                        run.memoryMb(),
                                        crawl ? fetchSeconds : 0))
                .average()
                .orElse(Double.NaN);
    }

    /** The calls a mean time is taken over: after the warm-up, the workload's timed ones. */
    private List<Call> timedCalls(Workload workload, Run run) {
        List<Call> timed = new ArrayList<>();
        int skip = Math.min(workload.warmupCalls(), Math.max(0, run.calls().size() - 1));
        for (int i = skip; i < run.calls().size(); i++) {
            if (workload.timed().test(workload.labels().get(i))) {
                timed.add(run.calls().get(i));
            }
        }
        return timed;
    }

    private static double mean(List<Call> calls, ToDoubleFunction<Call> value) {
        return calls.stream().mapToDouble(value).average().orElse(Double.NaN);
    }

    void report(List<Result> results) {
        LambdaCost.Prices prices = LambdaCost.Prices.ARM64_US_EAST_1;
        out.printf(
                Locale.ROOT,
                "%nPeak memory, MB: each function in a JVM of its own with the options Lambda's"
                        + " Java runtime gives the size (here Java %s: serial GC, heap 85 %%,"
                        + " metaspace 10 %%, code cache 5 %% of it)%n",
                Runtime.version());
        out.printf(
                Locale.ROOT,
                "%-15s %5s %6s %8s %8s %9s %9s %8s | %9s %7s | %11s %7s %6s%n",
                "function",
                "size",
                "calls",
                "heapUsed",
                "afterGC",
                "afterFull",
                "metaspace",
                "peakRSS",
                "smallest",
                "RSS",
                "recommended",
                "RSS",
                "passed");
        for (Result r : results) {
            Run t = r.atTemplate();
            out.printf(
                    Locale.ROOT,
                    "%-15s %5d %6d %8.0f %8.0f %9s %9.0f %8.0f | %9s %7.0f | %11d %7s %6s%n",
                    r.name(),
                    r.templateMb(),
                    t.calls().size(),
                    t.peakMb("heapUsedMb"),
                    t.peakMb("heapAfterGcMb"),
                    t.peakMb("heapAfterFullGcMb") < 0
                            ? "-"
                            : String.format(Locale.ROOT, "%.0f", t.peakMb("heapAfterFullGcMb")),
                    t.peakMb("metaspaceMb"),
                    t.rssMb(),
                    quick ? "-" : Integer.toString(r.smallest().memoryMb()),
                    r.smallest().rssMb(),
                    r.recommendedMb(),
                    r.atRecommended() == null
                            ? "-"
                            : String.format(Locale.ROOT, "%.0f", r.atRecommended().rssMb()),
                    r.atRecommended() == null ? "-" : r.atRecommended().passed() ? "yes" : "NO");
        }
        out.printf(
                Locale.ROOT,
                "heap columns at the template's size; smallest = the smallest size from %d MB up"
                        + " in %d MB steps where every call passed and RSS stayed within it;"
                        + " recommended = its peak RSS × %.1f rounded up to %d MB (at least"
                        + " the smallest, and %d MB)%n",
                LambdaCost.MINIMUM_MB,
                LambdaCost.STEP_MB,
                LambdaCost.HEADROOM,
                LambdaCost.STEP_MB,
                LambdaCost.MINIMUM_MB);
        for (Result r : results) {
            out.println(r.name() + ": " + peakSources(r.workload(), r.atTemplate()));
            if (!r.atTemplate().passed()) {
                out.printf(
                        Locale.ROOT,
                        "  FAILED at the template's size, %d calls of %d not done or failed, the"
                                + " first %s: size kept, nothing searched%n",
                        r.atTemplate().failed(),
                        r.workload().calls(),
                        r.atTemplate().firstFailure());
            }
            for (Run failed : r.failedBelow()) {
                out.printf(
                        Locale.ROOT,
                        "  failed at %d MB after %d calls: %s%n",
                        failed.memoryMb(),
                        failed.calls().size(),
                        failed.firstFailure());
            }
        }

        out.printf(
                Locale.ROOT,
                "%nTime per call after %d warm-up calls (crawl: corpus pages only, loopback fetch"
                        + " taken out, %.2f s real-web fetch put in; backfill: the import alone),"
                        + " ms%n",
                warmup,
                fetchSeconds);
        out.printf(
                Locale.ROOT,
                "%-15s %6s %9s %9s %9s %15s %15s%n",
                "function",
                "calls",
                "wall",
                "cpu",
                "fetch",
                "billed at size",
                "at recommended");
        for (Result r : results) {
            List<Call> calls = timedCalls(r.workload(), r.atTemplate());
            out.printf(
                    Locale.ROOT,
                    "%-15s %6d %9.1f %9.1f %9s %15.0f %15.0f%n",
                    r.name(),
                    calls.size(),
                    mean(calls, Call::ms),
                    mean(calls, Call::cpuMs),
                    r.name().equals(CRAWL)
                            ? String.format(
                                    Locale.ROOT, "%.1f", mean(calls, c -> c.fetchMs().orElse(0)))
                            : "-",
                    billedSeconds(r.workload(), r.atTemplate()) * 1000,
                    billedSeconds(r.workload(), recommendedRun(r)) * 1000);
        }
        results.stream()
                .filter(r -> r.name().equals(CRAWL))
                .forEach(
                        crawl -> {
                            List<Call> hostileCalls = new ArrayList<>();
                            Run run = recommendedRun(crawl);
                            for (int i = 0; i < run.calls().size(); i++) {
                                if (!crawl.workload()
                                        .timed()
                                        .test(crawl.workload().labels().get(i))) {
                                    hostileCalls.add(run.calls().get(i));
                                }
                            }
                            double worstCpu =
                                    hostileCalls.stream().mapToDouble(Call::cpuMs).max().orElse(0);
                            out.printf(
                                    Locale.ROOT,
                                    "hostile pages (%d, not in the mean) at %d MB: worst wall %.0f"
                                            + " ms, worst CPU %.0f ms, %.0f ms at that size's CPU"
                                            + " share%n",
                                    hostileCalls.size(),
                                    run.memoryMb(),
                                    hostileCalls.stream().mapToDouble(Call::ms).max().orElse(0),
                                    worstCpu,
                                    worstCpu
                                            * Math.max(
                                                    1,
                                                    LambdaCost.ONE_VCPU_MB
                                                            / (double) run.memoryMb()));
                        });

        ObjectNode json = JSON.createObjectNode();
        json.put("bench", "cost");
        json.put("fetchSeconds", fetchSeconds);
        json.put("warmupCalls", warmup);
        json.put("headroom", LambdaCost.HEADROOM);
        ObjectNode priceNode = json.putObject("prices");
        priceNode.put("lambdaArm64GbSecond", prices.lambdaGbSecond());
        priceNode.put("lambdaRequestsPerMillion", prices.lambdaRequests());
        priceNode.put("sqsRequestsPerMillion", prices.sqsRequests());
        priceNode.put("httpApiRequestsPerMillion", prices.httpApiRequests());
        ObjectNode functionsNode = json.putObject("functions");
        for (Result r : results) {
            Run t = r.atTemplate();
            ObjectNode f = functionsNode.putObject(r.name());
            f.put("memorySizeMb", r.templateMb());
            f.put("calls", t.calls().size());
            f.put("failed", t.failed());
            f.put("heapUsedMb", t.peakMb("heapUsedMb"));
            f.put("heapAfterGcMb", t.peakMb("heapAfterGcMb"));
            f.put("heapAfterFullGcMb", t.peakMb("heapAfterFullGcMb"));
            f.put("metaspaceMb", t.peakMb("metaspaceMb"));
            f.put("peakRssMb", t.rssMb());
            if (!quick) {
                f.put("smallestMb", r.smallest().memoryMb());
                f.put("smallestPeakRssMb", r.smallest().rssMb());
            }
            f.put("recommendedMb", r.recommendedMb());
            if (r.atRecommended() != null) {
                f.put("recommendedPeakRssMb", r.atRecommended().rssMb());
                f.put("recommendedPassed", r.atRecommended().passed());
            }
            f.put("billedMsAtSize", round(billedSeconds(r.workload(), t) * 1000));
            f.put(
                    "billedMsAtRecommended",
                    round(billedSeconds(r.workload(), recommendedRun(r)) * 1000));
        }

        Result submit = find(results, SUBMIT);
        Result crawl = find(results, CRAWL);
        if (submit != null && crawl != null) {
            LambdaCost.PerMillionLinks atSize =
                    LambdaCost.perMillionLinks(
                            prices,
                            submit.templateMb(),
                            billedSeconds(submit.workload(), submit.atTemplate()),
                            crawl.templateMb(),
                            billedSeconds(crawl.workload(), crawl.atTemplate()),
                            SQS_REQUESTS_PER_LINK);
            LambdaCost.PerMillionLinks atRecommended =
                    LambdaCost.perMillionLinks(
                            prices,
                            submit.recommendedMb(),
                            billedSeconds(submit.workload(), recommendedRun(submit)),
                            crawl.recommendedMb(),
                            billedSeconds(crawl.workload(), recommendedRun(crawl)),
                            SQS_REQUESTS_PER_LINK);
            out.printf(
                    Locale.ROOT,
                    "%nPer million links saved through POST /links, US dollars (Lambda arm64; a"
                            + " real-web fetch of %.2f s per crawl assumed; no retries)%n",
                    fetchSeconds);
            out.printf(Locale.ROOT, "%-34s %24s %24s%n", "", "template size", "recommended");
            computeRow("submit-link compute", submit, atSize.submit(), atRecommended.submit());
            costRow(
                    "submit-link requests",
                    atSize.submit().requestsUsd(),
                    atRecommended.submit().requestsUsd());
            computeRow("crawl-link compute", crawl, atSize.crawl(), atRecommended.crawl());
            costRow(
                    "crawl-link requests",
                    atSize.crawl().requestsUsd(),
                    atRecommended.crawl().requestsUsd());
            costRow("SQS: send, receive, delete", atSize.sqsUsd(), atRecommended.sqsUsd());
            costRow("API Gateway HTTP API request", atSize.apiUsd(), atRecommended.apiUsd());
            costRow("total", atSize.totalUsd(), atRecommended.totalUsd());
            ObjectNode links = json.putObject("perMillionLinks");
            links.put("atSizeUsd", round(atSize.totalUsd()));
            links.put("atRecommendedUsd", round(atRecommended.totalUsd()));
            links.put("crawlComputeAtSizeUsd", round(atSize.crawl().computeUsd()));
            links.put("crawlComputeAtRecommendedUsd", round(atRecommended.crawl().computeUsd()));
        }
        Result query = find(results, QUERY);
        if (query != null) {
            double atSize =
                    LambdaCost.perMillionQueriesUsd(
                            prices,
                            query.templateMb(),
                            billedSeconds(query.workload(), query.atTemplate()));
            double atRecommended =
                    LambdaCost.perMillionQueriesUsd(
                            prices,
                            query.recommendedMb(),
                            billedSeconds(query.workload(), recommendedRun(query)));
            costRow("per million reads (apart)", atSize, atRecommended);
            ObjectNode reads = json.putObject("perMillionReads");
            reads.put("atSizeUsd", round(atSize));
            reads.put("atRecommendedUsd", round(atRecommended));
        }
        out.println(
                "Not counted: the OpenSearch domain (hourly), CloudWatch Logs, X-Ray traces"
                        + " (Tracing: Active), data transfer, free tiers, cold starts' init,"
                        + " the event sources' empty long polls (a fixed cost per queue, not per"
                        + " link), any fair-queue surcharge. CPU time is stretched by Lambda's"
                        + " share below 1,769 MB and taken as fast as this machine's.");
        out.println("Prices: " + LambdaCost.Prices.SOURCE + ".");
        priceNode.put("source", LambdaCost.Prices.SOURCE);
        out.println(json);
    }

    /** The run whose times price the recommended size: at it, else the template's. */
    private static Run recommendedRun(Result r) {
        return r.atRecommended() != null ? r.atRecommended() : r.atTemplate();
    }

    /** The calls that raised the peak RSS most, and the ones that left the most heap after a GC. */
    static String peakSources(Workload workload, Run run) {
        List<Call> calls = run.calls();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            order.add(i);
        }
        IntToDoubleFunction rise =
                i -> calls.get(i).vmHwmMb() - (i == 0 ? 0 : calls.get(i - 1).vmHwmMb());
        StringBuilder text = new StringBuilder("RSS rose most on ");
        order.stream()
                .sorted((a, b) -> Double.compare(rise.applyAsDouble(b), rise.applyAsDouble(a)))
                .limit(3)
                .forEach(
                        i ->
                                text.append(
                                        String.format(
                                                Locale.ROOT,
                                                "%s (+%.0f), ",
                                                workload.labels().get(i),
                                                rise.applyAsDouble(i))));
        text.append("most heap after a GC on ");
        order.stream()
                .sorted(
                        (a, b) ->
                                Double.compare(calls.get(b).afterGcMb(), calls.get(a).afterGcMb()))
                .limit(3)
                .forEach(
                        i ->
                                text.append(
                                        String.format(
                                                Locale.ROOT,
                                                "%s (%.0f), ",
                                                workload.labels().get(i),
                                                calls.get(i).afterGcMb())));
        return text.substring(0, text.length() - 2) + " MB";
    }

    private void computeRow(
            String item, Result sized, LambdaCost.Lambda atSize, LambdaCost.Lambda atRecommended) {
        out.printf(
                Locale.ROOT,
                "%-34s %24s %24s%n",
                item,
                String.format(
                        Locale.ROOT,
                        "%d MB × %.3f s  $%.2f",
                        sized.templateMb(),
                        billedSeconds(sized.workload(), sized.atTemplate()),
                        atSize.computeUsd()),
                String.format(
                        Locale.ROOT,
                        "%d MB × %.3f s  $%.2f",
                        sized.recommendedMb(),
                        billedSeconds(sized.workload(), recommendedRun(sized)),
                        atRecommended.computeUsd()));
    }

    private void costRow(String item, double atSize, double atRecommended) {
        out.printf(
                Locale.ROOT,
                "%-34s %24s %24s%n",
                item,
                String.format(Locale.ROOT, "$%.2f", atSize),
                String.format(Locale.ROOT, "$%.2f", atRecommended));
    }

    private static Result find(List<Result> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
