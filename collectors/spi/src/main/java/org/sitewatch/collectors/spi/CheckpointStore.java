package org.sitewatch.collectors.spi;

import java.util.Optional;

/**
 * Small values one endpoint keeps across restarts (a session key, a vendor watermark), by key.
 * Each endpoint sees only its own keys. The runtime reads every endpoint's checkpoints before any
 * source starts, so {@link #get} never blocks on I/O.
 *
 * <p>An event-history cursor does not belong here: return it in an {@link EventPage} and the
 * runtime stores it atomically with the events it covers. Values put here are durable shortly
 * after {@link #put} returns, not atomically with any event.
 *
 * <p>Limits: meant for a few small values per endpoint (a few KB each), not for bulk state.
 */
public interface CheckpointStore {

    /** The value last put under {@code key}, empty when none (or removed). */
    Optional<String> get(String key);

    /** Stores {@code value} under {@code key}, replacing any previous one. */
    void put(String key, String value);

    /** Forgets {@code key}. */
    void remove(String key);

    /** A store that lives in memory only: for tests and for runs without Kafka. */
    static CheckpointStore inMemory() {
        return new InMemoryCheckpointStore();
    }
}
