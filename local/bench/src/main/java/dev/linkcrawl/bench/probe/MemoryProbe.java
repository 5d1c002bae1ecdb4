package dev.linkcrawl.bench.probe;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Runs inside a fresh JVM, like {@link ColdStartProbe} (whose event reading, call and context it
 * uses), and calls one function's handler once for every event in a file of one JSON event a line,
 * in order, as one warm Lambda sandbox would. After each call it prints {@code
 * {"memprobe":"call","ms":…,"cpuMs":…,"status":…,"afterGcMb":…,"vmHwmMb":…,"response":"…"}} (the
 * process's CPU time during the call, all threads; the response's HTTP status where it has one; the
 * most heap a collection during the call left; the peak resident set so far; the response's first
 * 300 characters), and at the end {@code {"memprobe":"peak",…}} in MB:
 *
 * <ul>
 *   <li>{@code heapUsedMb}: the most heap in use, at the start of any collection or at the end of
 *       any call (garbage included: how full the collector let it get);
 *   <li>{@code heapAfterGcMb}: the most heap in use at the end of any collection (what survived;
 *       after a young collection that includes old garbage not yet collected), and {@code
 *       heapAfterFullGcMb} the same of full collections only (-1 when there was none): the live
 *       heap at its largest moment the collector looked;
 *   <li>{@code heapCommittedMb}: the most heap the JVM had reserved from the system;
 *   <li>{@code metaspaceMb}, {@code codeCacheMb}: their peak use;
 *   <li>{@code vmHwmMb}, {@code vmRssMb}: the process's peak and final resident set ({@code
 *       /proc/self/status}), what Lambda's {@code MemorySize} bounds.
 * </ul>
 *
 * <p>One class file without nested classes, so the benchmark can copy it beside the probe.
 * Arguments: {@code <handler class> <events file> <function name> <timeout s> <memory MB>}.
 */
public final class MemoryProbe {

    /** How every line of this probe starts. */
    public static final String LINE_PREFIX = "{\"memprobe\":";

    private static final double MB = 1024.0 * 1024.0;

    private static final Set<String> HEAP_POOLS = new HashSet<>();
    private static volatile long heapUsedPeak;
    private static volatile long heapAfterGcPeak;
    private static volatile long heapAfterFullGcPeak = -1;
    private static volatile long callAfterGcPeak;
    private static volatile long heapCommittedPeak;
    private static volatile long collections;
    private static volatile long collectionMs;

    private MemoryProbe() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            throw new IllegalArgumentException(
                    "usage: MemoryProbe <handler class> <events file> <function name>"
                            + " <timeout s> <memory MB>");
        }
        Path events = Path.of(args[1]);
        String functionName = args[2];
        long timeoutMs = Long.parseLong(args[3]) * 1000;
        int memoryMb = Integer.parseInt(args[4]);
        watchCollections();

        Object handler = Class.forName(args[0]).getConstructor().newInstance();
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        int call = 0;
        int failed = 0;
        try (BufferedReader lines = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                byte[] event = line.getBytes(StandardCharsets.UTF_8);
                Object input =
                        handler instanceof RequestStreamHandler
                                ? event
                                : ColdStartProbe.readEvent(handler, event);
                String response = null;
                String error = null;
                callAfterGcPeak = 0;
                long cpuStarted = os.getProcessCpuTime();
                long started = System.nanoTime();
                try {
                    response =
                            ColdStartProbe.call(
                                    handler,
                                    input,
                                    ColdStartProbe.context(
                                            functionName, timeoutMs, memoryMb, call));
                } catch (Throwable e) {
                    error = e.getClass().getName() + ": " + e.getMessage();
                    failed++;
                }
                long ns = System.nanoTime() - started;
                long cpuNs = os.getProcessCpuTime() - cpuStarted;
                heapUsedPeak = Math.max(heapUsedPeak, heapUsed());
                call++;
                StringBuilder out = new StringBuilder(LINE_PREFIX).append("\"call\"");
                out.append(",\"ms\":").append(ColdStartProbe.millis(ns));
                out.append(",\"cpuMs\":").append(ColdStartProbe.millis(cpuNs));
                out.append(",\"status\":").append(status(response));
                out.append(",\"afterGcMb\":").append(mb(callAfterGcPeak));
                out.append(",\"vmHwmMb\":").append(mb(procStatusKb("VmHWM:") * 1024));
                out.append(",\"response\":")
                        .append(
                                response == null
                                        ? "null"
                                        : ColdStartProbe.quote(
                                                response.substring(
                                                        0, Math.min(300, response.length()))));
                out.append(",\"error\":")
                        .append(error == null ? "null" : ColdStartProbe.quote(error));
                out.append('}');
                System.out.println(out);
            }
        }

        StringBuilder peak = new StringBuilder(LINE_PREFIX).append("\"peak\"");
        peak.append(",\"calls\":").append(call);
        peak.append(",\"failed\":").append(failed);
        peak.append(",\"heapUsedMb\":").append(mb(heapUsedPeak));
        peak.append(",\"heapAfterGcMb\":").append(mb(heapAfterGcPeak));
        peak.append(",\"heapAfterFullGcMb\":").append(mb(heapAfterFullGcPeak));
        peak.append(",\"heapCommittedMb\":").append(mb(heapCommittedPeak));
        peak.append(",\"metaspaceMb\":").append(mb(poolPeak("Metaspace")));
        peak.append(",\"codeCacheMb\":").append(mb(poolPeak("Code")));
        peak.append(",\"collections\":").append(collections);
        peak.append(",\"collectionMs\":").append(collectionMs);
        peak.append(",\"vmHwmMb\":").append(mb(procStatusKb("VmHWM:") * 1024));
        peak.append(",\"vmRssMb\":").append(mb(procStatusKb("VmRSS:") * 1024));
        peak.append('}');
        System.out.println(peak);
        System.out.flush();
        // The handler's clients may keep non-daemon threads; a Lambda sandbox would be frozen here.
        System.exit(0);
    }

    /** Follows every collection: heap in use before and after, and committed. */
    private static void watchCollections() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                HEAP_POOLS.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (!notification
                                        .getType()
                                        .equals(
                                                GarbageCollectionNotificationInfo
                                                        .GARBAGE_COLLECTION_NOTIFICATION)) {
                                    return;
                                }
                                GarbageCollectionNotificationInfo info =
                                        GarbageCollectionNotificationInfo.from(
                                                (CompositeData) notification.getUserData());
                                long before = heapSum(info.getGcInfo().getMemoryUsageBeforeGc());
                                Map<String, MemoryUsage> after =
                                        info.getGcInfo().getMemoryUsageAfterGc();
                                heapUsedPeak = Math.max(heapUsedPeak, before);
                                long live = heapSum(after);
                                heapAfterGcPeak = Math.max(heapAfterGcPeak, live);
                                callAfterGcPeak = Math.max(callAfterGcPeak, live);
                                if (info.getGcAction().contains("major")) {
                                    heapAfterFullGcPeak = Math.max(heapAfterFullGcPeak, live);
                                }
                                long committed = 0;
                                for (String pool : HEAP_POOLS) {
                                    MemoryUsage usage = after.get(pool);
                                    committed += usage == null ? 0 : usage.getCommitted();
                                }
                                heapCommittedPeak = Math.max(heapCommittedPeak, committed);
                                collections++;
                                collectionMs += info.getGcInfo().getDuration();
                            },
                            null,
                            null);
        }
    }

    private static long heapSum(Map<String, MemoryUsage> usages) {
        long used = 0;
        for (String pool : HEAP_POOLS) {
            MemoryUsage usage = usages.get(pool);
            used += usage == null ? 0 : usage.getUsed();
        }
        return used;
    }

    private static long heapUsed() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        heapCommittedPeak = Math.max(heapCommittedPeak, heap.getCommitted());
        return heap.getUsed();
    }

    /** The peak use of the non-heap pools whose name starts with {@code prefix}, summed. */
    private static long poolPeak(String prefix) {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().startsWith(prefix) && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** A {@code kB} line of {@code /proc/self/status}, or -1 where there is none (not Linux). */
    private static long procStatusKb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).replace("kB", "").trim());
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // Not Linux, or a format this does not know: reported as -1.
        }
        return -1;
    }

    /** The {@code statusCode} of an API response, or -1. */
    private static int status(String response) {
        if (response == null) {
            return -1;
        }
        int at = response.indexOf("\"statusCode\":");
        if (at < 0) {
            return -1;
        }
        int start = at + "\"statusCode\":".length();
        while (start < response.length() && response.charAt(start) == ' ') {
            start++;
        }
        int end = start;
        while (end < response.length() && Character.isDigit(response.charAt(end))) {
            end++;
        }
        return end > start ? Integer.parseInt(response.substring(start, end)) : -1;
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "-1" : String.format(Locale.ROOT, "%.1f", bytes / MB);
    }
}
