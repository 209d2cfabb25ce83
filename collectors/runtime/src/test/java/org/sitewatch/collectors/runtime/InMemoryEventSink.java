package org.sitewatch.collectors.runtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.EventData;
import org.sitewatch.events.SitewatchEvent;

/**
 * Test sink: keeps every published event in memory, in order, and can be told to fail sends.
 * Atomic writes keep their checkpoints too ({@link #checkpoints()}), so a test can restart a
 * collector from them. Thread-safe, as every endpoint publishes from its own thread.
 */
public final class InMemoryEventSink implements EventSink {

    private final List<SitewatchEvent> events = new CopyOnWriteArrayList<>();
    private final Map<String, String> checkpoints = new ConcurrentHashMap<>();
    private volatile boolean failing;
    private volatile boolean closed;

    @Override
    public CompletableFuture<Void> publish(SitewatchEvent event) {
        if (failing) {
            return CompletableFuture.failedFuture(new IllegalStateException("simulated send failure"));
        }
        events.add(event);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> publishAtomically(String writerId, List<SitewatchEvent> batch,
                                                                  List<CheckpointRecord> writes) {
        if (failing) {
            return CompletableFuture.failedFuture(new IllegalStateException("simulated send failure"));
        }
        events.addAll(batch);
        for (CheckpointRecord write : writes) {
            if (write.isDelete()) {
                checkpoints.remove(write.key());
            } else {
                checkpoints.put(write.key(), write.value());
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Checkpoints loadCheckpoints() {
        return checkpoints();
    }

    /** The checkpoints stored so far, as a restarted collector would read them. */
    public Checkpoints checkpoints() {
        return Checkpoints.of(Map.copyOf(checkpoints));
    }

    public void failSends(boolean fail) {
        this.failing = fail;
    }

    @Override
    public void close() {
        closed = true;
    }

    public boolean closed() {
        return closed;
    }

    public List<SitewatchEvent> events() {
        return List.copyOf(events);
    }

    public <T extends EventData> List<T> data(Class<T> type) {
        return events.stream().map(SitewatchEvent::data).filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends EventData> List<T> data(Class<T> type, Predicate<? super T> filter) {
        return data(type).stream().filter(filter).toList();
    }

    /** Heartbeats of one collector id, in publishing order. */
    public List<CollectorHeartbeat> heartbeats(String collectorId) {
        return data(CollectorHeartbeat.class, h -> h.collectorId().equals(collectorId));
    }

    public CollectorHeartbeat lastHeartbeat(String collectorId) {
        List<CollectorHeartbeat> all = heartbeats(collectorId);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    public void clear() {
        events.clear();
    }
}
