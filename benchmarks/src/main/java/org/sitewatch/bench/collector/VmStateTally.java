package org.sitewatch.bench.collector;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.sitewatch.collectors.runtime.CheckpointRecord;
import org.sitewatch.collectors.runtime.EventSink;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.EventType;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.VmState;

/**
 * The event-cost scenarios' sink: keeps no events, only how many {@link VmState}s of the benchmark's own VMs
 * reached it per power state since the last {@link #reset()}, and when the last one did. A failing heartbeat
 * ends every wait with its reason. Checkpoints are accepted and dropped (no restart here).
 */
final class VmStateTally implements EventSink {

    private final Predicate<VmState> counted;
    private final Map<PowerState, Integer> byPower = new EnumMap<>(PowerState.class);
    private long lastArrivalNanos;
    private CollectorHeartbeat failingHeartbeat;

    /** {@code counted}: the benchmark's VMs (a driver or cluster may hold others). */
    VmStateTally(Predicate<VmState> counted) {
        this.counted = counted;
    }

    @Override
    public synchronized CompletableFuture<Void> publish(SitewatchEvent event) {
        if (event.type() == EventType.COLLECTOR_HEARTBEAT) {
            CollectorHeartbeat heartbeat = event.dataAs(CollectorHeartbeat.class);
            if (heartbeat.status() != CollectorStatus.OK) {
                failingHeartbeat = heartbeat;
                notifyAll();
            }
        } else if (event.type() == EventType.VM_STATE) {
            VmState vm = event.dataAs(VmState.class);
            if (!vm.removed() && counted.test(vm)) {
                byPower.merge(vm.power(), 1, Integer::sum);
                lastArrivalNanos = System.nanoTime();
                notifyAll();
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> publishAtomically(String writerId, List<SitewatchEvent> events,
                                                                  List<CheckpointRecord> checkpoints) {
        events.forEach(this::publish);
        return CompletableFuture.completedFuture(null);
    }

    /** Forgets what was counted, before a burst of changes. */
    synchronized void reset() {
        byPower.clear();
        lastArrivalNanos = 0;
    }

    synchronized int count(PowerState power) {
        return byPower.getOrDefault(power, 0);
    }

    synchronized int total() {
        return byPower.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** {@link System#nanoTime()} when the last counted state arrived; 0 when none since the reset. */
    synchronized long lastArrivalNanos() {
        return lastArrivalNanos;
    }

    /**
     * Waits until {@code expected} states of {@code power} arrived or the deadline passed; returns whether they did.
     *
     * @throws IllegalStateException when the collector's heartbeat reported a failure meanwhile
     */
    synchronized boolean await(PowerState power, int expected, Instant deadline) throws InterruptedException {
        while (count(power) < expected) {
            if (failingHeartbeat != null) {
                throw new IllegalStateException("the collector failed: " + failingHeartbeat.errorKind() + ": "
                        + failingHeartbeat.error());
            }
            long left = deadline.toEpochMilli() - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            TimeUnit.MILLISECONDS.timedWait(this, left);
        }
        return true;
    }
}
