package org.sitewatch.bench.collector;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CPU time of the threads a push collector works on, chosen by the scenario, from the JVM's per-thread counters
 * ({@code ThreadMXBean}) as {@link CollectorThreadsCpu} reads them for the polling collectors. A push source has
 * threads of its own (its vendor's event loop or informers, its hand-over thread) besides the runtime's
 * {@code sitewatch-collector-*}, and the benchmark drives the vendor from threads that must not count, so each
 * scenario says which threads are its collector's. A thread that ended between two readings loses its last stretch.
 */
final class PushCollectorThreadsCpu {

    private final Predicate<ThreadInfo> collectorThread;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    PushCollectorThreadsCpu(Predicate<ThreadInfo> collectorThread) {
        if (!threads.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM does not measure per-thread CPU time");
        }
        threads.setThreadCpuTimeEnabled(true);
        this.collectorThread = collectorThread;
    }

    /** CPU nanoseconds of each collector thread now, by thread id. */
    Map<Long, Long> read() {
        Map<Long, Long> cpuByThread = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && collectorThread.test(info)) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    cpuByThread.put(info.getThreadId(), cpu);
                }
            }
        }
        return cpuByThread;
    }

    /** CPU nanoseconds of the collector threads since {@code earlier}; threads started since then count whole. */
    long nanosSince(Map<Long, Long> earlier) {
        long used = 0;
        for (Map.Entry<Long, Long> e : read().entrySet()) {
            used += e.getValue() - earlier.getOrDefault(e.getKey(), 0L);
        }
        return used;
    }
}
