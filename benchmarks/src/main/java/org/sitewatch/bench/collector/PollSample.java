package org.sitewatch.bench.collector;

/**
 * One measured poll of the collector runtime.
 *
 * @param runner which fresh collector (0 first, its polls warm the JIT up)
 * @param kind what the simulator changed before it
 * @param cpuNanos CPU of the collector's threads from the previous poll's heartbeat to this one's
 *     (the first poll: from the collector's start)
 * @param allocatedBytes bytes those threads allocated meanwhile
 * @param wallNanos from the poll's start to its heartbeat
 * @param events events published besides the heartbeat
 */
record PollSample(int runner, Kind kind, long cpuNanos, long allocatedBytes, long wallNanos, int events) {

    enum Kind {
        /** The collector's first poll: the whole inventory is new. */
        FIRST,
        /** Nothing changed in the simulator since the previous poll. */
        UNCHANGED,
        /** About 1 % of the VMs were stopped or started since the previous poll. */
        CHANGED
    }
}
