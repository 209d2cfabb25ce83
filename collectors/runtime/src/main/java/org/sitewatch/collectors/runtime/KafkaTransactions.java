package org.sitewatch.collectors.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.TopicSpec;
import org.sitewatch.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes events and checkpoints in one Kafka transaction, so a reader with {@code read_committed}
 * sees both or neither: a crash between "events sent" and "cursor stored" can neither lose nor
 * repeat an event. One transactional producer per writer (an endpoint), with
 * {@code transactional.id = sitewatch-collector-<id>}: a restarted collector's producer fences the
 * previous one and aborts whatever transaction it left open.
 *
 * <p>A producer whose transaction failed is closed and dropped; the next commit starts a new one
 * (re-initialising aborts the failed transaction). Limits: one producer, hence one network thread,
 * per endpoint; two processes running the same endpoint id fence each other (by design).
 */
final class KafkaTransactions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaTransactions.class);
    static final String TRANSACTIONAL_ID_PREFIX = "sitewatch-collector-";

    private final Function<String, Producer<byte[], byte[]>> producerFactory;
    private final Map<String, Producer<byte[], byte[]>> producers = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    /** Writers between beginTransaction and the end of their commit. */
    private final Set<String> committing = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** @param producerFactory a transactional producer for a {@code transactional.id} */
    KafkaTransactions(Function<String, Producer<byte[], byte[]>> producerFactory) {
        this.producerFactory = producerFactory;
    }

    /** Sends everything in one transaction; completes when it committed, fails when it did not. */
    CompletableFuture<Void> commit(String writerId, List<SitewatchEvent> events, List<CheckpointRecord> checkpoints) {
        // One endpoint commits from its own thread; the lock only guards against a stray second caller.
        synchronized (lockFor(writerId)) {
            Producer<byte[], byte[]> producer = null;
            try {
                producer = producerFor(writerId);
                committing.add(writerId);
                producer.beginTransaction();
                for (SitewatchEvent event : events) {
                    producer.send(KafkaEventSink.toRecord(event));
                }
                for (CheckpointRecord checkpoint : checkpoints) {
                    producer.send(toRecord(checkpoint));
                }
                producer.commitTransaction();
                return CompletableFuture.completedFuture(null);
            } catch (RuntimeException e) {
                discard(writerId, producer);
                return CompletableFuture.failedFuture(e);
            } finally {
                committing.remove(writerId);
            }
        }
    }

    /**
     * Creates the writer's producer now: initialising it fences the previous holder of the
     * transactional id and settles its open transaction. A failure here is left for the first commit.
     */
    void takeOver(String writerId) {
        try {
            producerFor(writerId);
        } catch (RuntimeException e) {
            log.warn("could not take over the transactional id of {} yet ({}); the first commit tries again",
                    writerId, e.toString());
        }
    }

    static ProducerRecord<byte[], byte[]> toRecord(CheckpointRecord checkpoint) {
        TopicSpec<String, String> topic = Topics.COLLECTOR_CHECKPOINTS;
        RecordHeaders headers = new RecordHeaders();
        byte[] key = topic.keySerde().serializer().serialize(topic.name(), headers, checkpoint.key());
        byte[] value = checkpoint.isDelete() ? null
                : topic.valueSerde().serializer().serialize(topic.name(), headers, checkpoint.value());
        return new ProducerRecord<>(topic.name(), null, key, value, headers);
    }

    private Object lockFor(String writerId) {
        return locks.computeIfAbsent(writerId, id -> new Object());
    }

    private Producer<byte[], byte[]> producerFor(String writerId) {
        return producers.computeIfAbsent(writerId, id -> {
            if (closed) {
                throw new IllegalStateException("the collectors are stopping: no new transactional producer for " + id);
            }
            Producer<byte[], byte[]> created = producerFactory.apply(TRANSACTIONAL_ID_PREFIX + id);
            try {
                created.initTransactions();
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            return created;
        });
    }

    private void discard(String writerId, Producer<byte[], byte[]> producer) {
        if (producer == null) {
            return;
        }
        producers.remove(writerId, producer);
        try {
            producer.close(Duration.ZERO);
        } catch (RuntimeException e) {
            log.debug("closing the failed transactional producer of {}: {}", writerId, e.toString());
        }
    }

    /** {@link #close(Duration)} within 5 s. */
    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    /**
     * Closes every producer by the end of {@code timeout}, Kafka reachable or not. A producer whose
     * transaction is still open (its endpoint did not stop in time) aborts it; if Kafka is down the
     * broker aborts it when the restarted collector takes over the transactional id, or at
     * {@code transaction.timeout.ms}. Either way none of it is ever visible to read_committed readers.
     */
    void close(Duration timeout) {
        closed = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        producers.forEach((id, producer) -> {
            boolean open = committing.contains(id);
            producer.close(ShutdownBudget.until(deadline));
            if (open) {
                log.warn("collector {}: stopping, a transaction still open (events with their checkpoints) is aborted; "
                        + "none of it is visible and the restarted collector reads those events from the vendor again",
                        id);
            }
        });
        producers.clear();
    }
}
