package org.sitewatch.bench.collector;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CPU time and allocated bytes of the collector's own threads, from the JVM's per-thread counters
 * ({@code ThreadMXBean}): the endpoint's scheduler and poll worker ({@code sitewatch-collector-*})
 * and the JDK HTTP client's selector and worker threads ({@code HttpClient-*}). Threads of the
 * in-process simulator, JIT and GC are not counted, so a figure is what the collector spends itself.
 * A push collector has threads of its own besides those (its vendor's event loop or informers), and
 * its benchmark drives the vendor from threads that must not count, so its scenario chooses the
 * threads ({@link #CollectorThreadsCpu(Predicate)}).
 * A thread that ended between two readings loses its last stretch (none of these end while polling).
 */
final class CollectorThreadsCpu {

    private static final String[] COLLECTOR_THREADS = {"sitewatch-collector-", "HttpClient-"};

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Predicate<ThreadInfo> collectorThread;

    /** The polling collectors' threads: the runtime's and the JDK HTTP client's. */
    CollectorThreadsCpu() {
        this(info -> isCollectorThread(info.getThreadName()));
    }

    /** The threads {@code collectorThread} picks. */
    CollectorThreadsCpu(Predicate<ThreadInfo> collectorThread) {
        this.collectorThread = collectorThread;
        if (!threads.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM does not measure per-thread CPU time");
        }
        threads.setThreadCpuTimeEnabled(true);
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    /** Per-thread totals at one instant. */
    record Reading(Map<Long, long[]> cpuAndAllocatedByThread) {

        /** CPU nanoseconds and allocated bytes since {@code earlier}, threads started since then counted whole. */
        long[] since(Reading earlier) {
            long cpu = 0;
            long allocated = 0;
            for (Map.Entry<Long, long[]> e : cpuAndAllocatedByThread.entrySet()) {
                long[] before = earlier.cpuAndAllocatedByThread.getOrDefault(e.getKey(), new long[2]);
                cpu += e.getValue()[0] - before[0];
                allocated += e.getValue()[1] - before[1];
            }
            return new long[] {cpu, allocated};
        }
    }

    Reading read() {
        Map<Long, long[]> totals = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && collectorThread.test(info)) {
                long id = info.getThreadId();
                long cpu = threads.getThreadCpuTime(id);
                long allocated = threads.getThreadAllocatedBytes(id);
                if (cpu >= 0) {
                    totals.put(id, new long[] {cpu, Math.max(0, allocated)});
                }
            }
        }
        return new Reading(totals);
    }

    /** CPU nanoseconds of the chosen threads since {@code earlier}; threads started since then count whole. */
    long cpuNanosSince(Reading earlier) {
        return read().since(earlier)[0];
    }

    private static boolean isCollectorThread(String name) {
        for (String prefix : COLLECTOR_THREADS) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
