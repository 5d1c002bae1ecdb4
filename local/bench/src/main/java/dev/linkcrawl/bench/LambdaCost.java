package dev.linkcrawl.bench;

import java.util.List;

/**
 * The arithmetic of {@code ./linkcrawl bench cost}, kept apart from the measuring so it can be
 * checked by hand: the JVM Lambda's Java runtime starts for a memory size, the size a measured peak
 * RSS asks for, the seconds an invocation is billed at a memory size, and what a million links cost
 * at AWS's list prices.
 */
final class LambdaCost {

    /**
     * At 1,769 MB a function has the equivalent of one vCPU; below it, a proportional share (AWS
     * Lambda Developer Guide, "Configure Lambda function memory").
     */
    static final int ONE_VCPU_MB = 1769;

    /** Lambda's MemorySize steps are 1 MB; this bench recommends sizes in steps of 128 MB. */
    static final int STEP_MB = 128;

    /** The smallest size the bench tries or recommends, whatever the measurement: 512 MB. */
    static final int MINIMUM_MB = 512;

    /** Lambda's largest MemorySize: 10,240 MB. */
    static final int MAXIMUM_MB = 10_240;

    /** Peak RSS times this is the size recommended, before rounding up to {@link #STEP_MB}. */
    static final double HEADROOM = 1.5;

    private LambdaCost() {}

    /**
     * List prices in US East (N. Virginia), first tier, in US dollars.
     *
     * @param lambdaGbSecond arm64 compute, per GB-second (first 7.5 billion GB-s a month)
     * @param lambdaRequests per million invocations
     * @param sqsRequests per million standard-queue requests (each 64 KB of payload one request)
     * @param httpApiRequests per million HTTP API requests (first 300 million a month)
     */
    record Prices(
            double lambdaGbSecond,
            double lambdaRequests,
            double sqsRequests,
            double httpApiRequests) {

        static final Prices ARM64_US_EAST_1 = new Prices(0.0000133334, 0.20, 0.40, 1.00);

        /** Where {@link #ARM64_US_EAST_1} was read, and when. */
        static final String SOURCE =
                "aws.amazon.com/lambda/pricing, /sqs/pricing, /api-gateway/pricing as transcribed"
                        + " by cloudchipr.com/blog/aws-lambda-pricing (Lambda arm64 GB-s and"
                        + " requests), cloudburn.io/blog/amazon-sqs-pricing (SQS, March 2026) and"
                        + " AWS's whitepaper 'Best Practices for Designing Amazon API Gateway"
                        + " Private APIs', cost optimization (HTTP API); looked up 2026-12-07";
    }

    /**
     * The options Lambda's Java runtime starts the JVM with at {@code memoryMb}: 10 % of the memory
     * for metaspace, 5 % for the code cache, the rest for the heap, and the serial collector (as
     * its command line shows: 256 MB gives {@code -XX:MaxHeapSize=222823k
     * -XX:MaxMetaspaceSize=26214k -XX:ReservedCodeCacheSize=13107k -XX:+UseSerialGC}). {@code
     * -XX:MaxRAM} makes the JVM's own sizing see the sandbox's memory, not this machine's.
     */
    static List<String> jvmOptions(int memoryMb) {
        long totalKb = memoryMb * 1024L;
        long metaspaceKb = Math.round(totalKb * 0.10);
        long codeCacheKb = Math.round(totalKb * 0.05);
        long heapKb = totalKb - metaspaceKb - codeCacheKb;
        return List.of(
                "-XX:MaxRAM=" + memoryMb + "m",
                "-XX:MaxHeapSize=" + heapKb + "k",
                "-XX:MaxMetaspaceSize=" + metaspaceKb + "k",
                "-XX:ReservedCodeCacheSize=" + codeCacheKb + "k",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-Djava.net.preferIPv4Stack=true");
    }

    /**
     * The MemorySize for a peak RSS measured at {@code measuredAtMb}: {@link #HEADROOM} times it,
     * rounded up to a step of {@link #STEP_MB}, at least {@link #MINIMUM_MB} and at least the size
     * it was measured at (a smaller one failed, or was not tried).
     */
    static int recommendMb(double peakRssMb, int measuredAtMb) {
        int steps = (int) Math.ceil(peakRssMb * HEADROOM / STEP_MB - 1e-9);
        return Math.min(MAXIMUM_MB, Math.max(Math.max(MINIMUM_MB, measuredAtMb), steps * STEP_MB));
    }

    /**
     * The seconds one invocation is billed at {@code memoryMb}: the time it waited (wall minus CPU,
     * as measured here), its CPU time stretched by Lambda's CPU share below one vCPU, and {@code
     * waitSeconds} more (a fetch's time on the real web), rounded up to the millisecond as Lambda
     * bills.
     *
     * @param wallSeconds the handler's wall time measured on this machine
     * @param cpuSeconds the process's CPU time during it (all threads)
     */
    static double billedSeconds(
            double wallSeconds, double cpuSeconds, int memoryMb, double waitSeconds) {
        double cpuShare = Math.min(1.0, memoryMb / (double) ONE_VCPU_MB);
        double seconds = Math.max(0, wallSeconds - cpuSeconds) + cpuSeconds / cpuShare;
        return Math.ceil((seconds + waitSeconds) * 1000 - 1e-9) / 1000;
    }

    /** GB-seconds of one invocation: memory in GB (1,024 MB each) times seconds. */
    static double gbSeconds(int memoryMb, double seconds) {
        return memoryMb / 1024.0 * seconds;
    }

    /** Lambda's bill for a million invocations of one function. */
    record Lambda(double computeUsd, double requestsUsd) {
        double totalUsd() {
            return computeUsd + requestsUsd;
        }
    }

    /** A million invocations at {@code memoryMb}, each billed {@code seconds}. */
    static Lambda perMillion(Prices prices, int memoryMb, double seconds) {
        return new Lambda(
                gbSeconds(memoryMb, seconds) * 1_000_000 * prices.lambdaGbSecond(),
                prices.lambdaRequests());
    }

    /**
     * A million links saved through {@code POST /links}: one API request and one submit invocation
     * each, {@code sqsRequestsPerLink} SQS requests (send, the event source's receive and delete)
     * and one crawl invocation (no retries).
     */
    record PerMillionLinks(Lambda submit, Lambda crawl, double sqsUsd, double apiUsd) {
        double totalUsd() {
            return submit.totalUsd() + crawl.totalUsd() + sqsUsd + apiUsd;
        }
    }

    static PerMillionLinks perMillionLinks(
            Prices prices,
            int submitMb,
            double submitSeconds,
            int crawlMb,
            double crawlSeconds,
            int sqsRequestsPerLink) {
        return new PerMillionLinks(
                perMillion(prices, submitMb, submitSeconds),
                perMillion(prices, crawlMb, crawlSeconds),
                sqsRequestsPerLink * prices.sqsRequests(),
                prices.httpApiRequests());
    }

    /** A million reads through the API: one API request and one query invocation each. */
    static double perMillionQueriesUsd(Prices prices, int queryMb, double querySeconds) {
        return perMillion(prices, queryMb, querySeconds).totalUsd() + prices.httpApiRequests();
    }
}
