package org.sitewatch.collectors.runtime;

import java.util.concurrent.CompletableFuture;
import org.sitewatch.events.SitewatchEvent;

/**
 * Where collectors publish events. {@link KafkaEventSink} is the production one; tests use an
 * in-memory one. Implementations are thread-safe: every endpoint publishes from its own thread.
 */
public interface EventSink extends AutoCloseable {

    /**
     * Sends one event asynchronously. The future completes when the event is durably stored, or
     * exceptionally when it could not be (after the sink's own retries). It should not block for
     * long; it must not throw for a send failure, only fail the future.
     */
    CompletableFuture<Void> publish(SitewatchEvent event);

    /** Waits until everything sent so far is acknowledged or failed. */
    default void flush() {
    }

    /** Flushes and releases resources; idempotent. */
    @Override
    default void close() {
    }
}
