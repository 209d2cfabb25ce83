package org.sitewatch.collectors.runtime;

import java.time.Duration;
import java.util.List;
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

    /**
     * Sends events and checkpoint writes so that they are stored together or not at all (the
     * Kafka sink uses a transaction per call). {@code writerId} names the one writer that calls it
     * (an endpoint id): a restarted writer with the same id takes over and cancels anything its
     * predecessor left half done. The future fails when nothing was stored.
     *
     * <p>The default sends the events one by one and stores no checkpoints: with such a sink the
     * runtime keeps them in memory only, for the life of the process.
     */
    default CompletableFuture<Void> publishAtomically(String writerId, List<SitewatchEvent> events,
                                                      List<CheckpointRecord> checkpoints) {
        return CompletableFuture.allOf(events.stream().map(this::publish).toArray(CompletableFuture[]::new));
    }

    /**
     * Called once at start-up, before {@link #loadCheckpoints()}: takes over as the writer of these
     * ids, so whatever a predecessor left half done is finished or cancelled before its checkpoints
     * are read (the Kafka sink fences the previous transactional producers). The default does nothing.
     */
    default void takeOver(List<String> writerIds) {
    }

    /**
     * Every checkpoint this sink stored, read back to its newest value; the runtime calls it once at
     * start-up, before any source starts. The default has none.
     */
    default Checkpoints loadCheckpoints() {
        return Checkpoints.empty();
    }

    /** Waits until everything sent so far is acknowledged or failed. */
    default void flush() {
    }

    /** Flushes and releases resources; idempotent. */
    @Override
    default void close() {
    }

    /**
     * Closes within about {@code timeout}, also when the store is unreachable: what is not stored by
     * then is given up (and logged), never waited for. Nothing stored is lost by that: what
     * {@link #publishAtomically} did not store has its checkpoints unmoved, so it is read again after
     * a restart. The default closes without a bound.
     */
    default void close(Duration timeout) {
        close();
    }
}
