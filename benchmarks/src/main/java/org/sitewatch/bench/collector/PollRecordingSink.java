package org.sitewatch.bench.collector;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.sitewatch.collectors.runtime.CheckpointRecord;
import org.sitewatch.collectors.runtime.EventSink;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.EventType;
import org.sitewatch.events.SitewatchEvent;

/**
 * An in-memory sink that keeps no events, only how many arrived since the last heartbeat. The runtime
 * publishes a poll's states and HA actions first and its heartbeat last, so at each heartbeat the
 * count is that poll's events besides the heartbeat; the listener gets both, on the endpoint's own
 * thread, before the next poll is scheduled. Checkpoints are accepted and dropped (no restart here).
 */
final class PollRecordingSink implements EventSink {

    /** One poll as the sink saw it. */
    record PollEnd(CollectorHeartbeat heartbeat, int eventsBesidesHeartbeat) {
    }

    private final Consumer<PollEnd> listener;
    private int sincePreviousHeartbeat;

    PollRecordingSink(Consumer<PollEnd> listener) {
        this.listener = listener;
    }

    @Override
    public synchronized CompletableFuture<Void> publish(SitewatchEvent event) {
        if (event.type() == EventType.COLLECTOR_HEARTBEAT) {
            int events = sincePreviousHeartbeat;
            sincePreviousHeartbeat = 0;
            listener.accept(new PollEnd(event.dataAs(CollectorHeartbeat.class), events));
        } else {
            sincePreviousHeartbeat++;
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> publishAtomically(String writerId, List<SitewatchEvent> events,
                                                                  List<CheckpointRecord> checkpoints) {
        events.forEach(this::publish);
        return CompletableFuture.completedFuture(null);
    }
}
