package org.sitewatch.bench.collector;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sitewatch.bench.harness.ProgressLine;
import org.sitewatch.collectors.runtime.CollectorManager;
import org.sitewatch.collectors.runtime.CollectorRegistry;
import org.sitewatch.collectors.runtime.RetryPolicy;
import org.sitewatch.collectors.spi.EndpointConfig;
import org.sitewatch.events.PowerState;

/**
 * One push collector started the way {@code sitewatch collectors} starts it (a {@link CollectorManager} with the
 * registered plug-ins) on a source the scenario filled, measured in two steps: its first full listing, until the
 * sink holds the expected VM states, then a burst of changes the scenario makes, until the sink holds the state
 * each change should bring. What has not arrived a minute after the burst (or at the scenario's deadline) is lost.
 */
final class EventCostRun {

    /** The longest wait for a burst's states once the changes are made. */
    private static final Duration BURST_WAIT = Duration.ofSeconds(60);

    /** The scenario's burst of changes at the source. */
    interface Changes {
        void make() throws Exception;
    }

    private EventCostRun() {
    }

    /**
     * @param listing the VM states the first listing brings, by power state
     * @param burst the VM states the changes bring, by power state; one per change
     * @param cpu the collector's threads, chosen before the collector starts
     */
    static EventCostFigures measure(EndpointConfig endpoint, VmStateTally sink, CollectorThreadsCpu cpu,
                                    Map<PowerState, Integer> listing, Map<PowerState, Integer> burst, Changes changes,
                                    Instant deadline, ProgressLine.Task progress) throws Exception {
        int vms = sum(listing);
        CollectorManager manager = new CollectorManager(List.of(endpoint), CollectorRegistry.discover(), sink,
                new SimpleMeterRegistry(), Clock.systemUTC(), RetryPolicy.DEFAULT);
        CollectorThreadsCpu.Reading beforeStart = cpu.read();
        long startedAt = System.nanoTime();
        manager.start();
        try {
            if (!awaitAll(sink, listing, deadline)) {
                throw new IllegalStateException("the first listing brought " + sink.total() + " of " + vms
                        + " VM states before the scenario limit");
            }
            long listingWall = sink.lastArrivalNanos() - startedAt;
            long listingCpu = cpu.cpuNanosSince(beforeStart);
            int listed = sink.total();
            progress.say(String.format(Locale.ROOT, "first full listing: %,d VM states in %.0f ms, %.0f ms cpu", listed,
                    listingWall / 1e6, listingCpu / 1e6));

            sink.reset();
            CollectorThreadsCpu.Reading beforeBurst = cpu.read();
            long burstStart = System.nanoTime();
            changes.make();
            long making = System.nanoTime() - burstStart;
            Instant burstDeadline = Instant.now().plus(BURST_WAIT);
            awaitAll(sink, burst, deadline.isBefore(burstDeadline) ? deadline : burstDeadline);
            long burstCpu = cpu.cpuNanosSince(beforeBurst);
            int received = 0;
            int lost = 0;
            for (Map.Entry<PowerState, Integer> expected : burst.entrySet()) {
                int arrived = sink.count(expected.getKey());
                received += Math.min(arrived, expected.getValue());
                lost += Math.max(0, expected.getValue() - arrived);
            }
            EventCostFigures figures = new EventCostFigures(vms, listingWall, listingCpu, listed, sum(burst), making,
                    sink.lastArrivalNanos() - burstStart, burstCpu, received, lost);
            progress.say(figures.describeBurst());
            return figures;
        } finally {
            manager.stop();
        }
    }

    private static boolean awaitAll(VmStateTally sink, Map<PowerState, Integer> expected, Instant deadline)
            throws InterruptedException {
        for (Map.Entry<PowerState, Integer> e : expected.entrySet()) {
            if (!sink.await(e.getKey(), e.getValue(), deadline)) {
                return false;
            }
        }
        return true;
    }

    private static int sum(Map<PowerState, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
