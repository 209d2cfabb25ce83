package org.sitewatch.collectors.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.TopicSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes events to their raw topic with an idempotent producer ({@code acks=all},
 * {@code enable.idempotence=true}): topic and serdes from {@code EventType.topic()}, key
 * {@code event.key()}, record timestamp = event time, value in CloudEvents binary mode. The
 * producer retries a failed send itself until {@code delivery.timeout.ms}; what still fails is
 * reported through the returned future (the runtime counts it and the next resync republishes).
 * {@link #publishAtomically} writes events with checkpoints in one transaction ({@link KafkaTransactions}).
 *
 * <p>{@link #close(Duration)} is bounded also when Kafka is down: the transactional producers get a
 * third of the time (an open transaction is aborted), the plain producer the rest; what is still
 * unacknowledged then is dropped and logged by type.
 *
 * <p>Limits: does not create topics (the launcher does, with {@code TopicProvisioner}); when the
 * brokers are unreachable a send blocks its endpoint's thread up to {@code max.block.ms}.
 */
public final class KafkaEventSink implements EventSink {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventSink.class);

    private final Producer<byte[], byte[]> producer;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Plain sends that failed once the close began, by CloudEvents type (what the close gave up). */
    private final Map<String, AtomicInteger> droppedAtClose = new ConcurrentHashMap<>();
    private final KafkaClientMetrics clientMetrics;
    private final KafkaTransactions transactions;
    /** The plain producer's settings, from which the checkpoint reader takes its connection settings. */
    private final Map<String, Object> clientSettings;
    private static final Duration CHECKPOINT_LOAD_TIMEOUT = Duration.ofSeconds(60);
    private static final java.util.Set<String> PRODUCER_ONLY = java.util.Set.of(ProducerConfig.ACKS_CONFIG,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, ProducerConfig.COMPRESSION_TYPE_CONFIG, ProducerConfig.LINGER_MS_CONFIG,
            ProducerConfig.MAX_BLOCK_MS_CONFIG, ProducerConfig.BATCH_SIZE_CONFIG, ProducerConfig.CLIENT_ID_CONFIG,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
            ProducerConfig.BUFFER_MEMORY_CONFIG, ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);

    /** Used by tests to plug a mock producer; atomic publishing then fails. */
    KafkaEventSink(Producer<byte[], byte[]> producer, MeterRegistry registry) {
        this(producer, registry, transactionalId -> {
            throw new UnsupportedOperationException("no transactional producer in this test sink");
        });
    }

    KafkaEventSink(Producer<byte[], byte[]> producer, MeterRegistry registry,
                   Function<String, Producer<byte[], byte[]>> transactionalProducers) {
        this(producer, registry, transactionalProducers, Map.of());
    }

    KafkaEventSink(Producer<byte[], byte[]> producer, MeterRegistry registry,
                   Function<String, Producer<byte[], byte[]>> transactionalProducers, Map<String, Object> clientSettings) {
        this.producer = producer;
        this.clientSettings = Map.copyOf(clientSettings);
        this.transactions = new KafkaTransactions(transactionalProducers);
        this.clientMetrics = registry == null ? null : new KafkaClientMetrics(producer);
        if (clientMetrics != null) {
            clientMetrics.bindTo(registry);
        }
    }

    /**
     * @param overrides extra producer settings (security, compression, ...) applied last, except
     *     that idempotence and {@code acks=all} cannot be weakened
     * @param registry where the producer's own Kafka client metrics are bound; may be null
     */
    public static KafkaEventSink create(String bootstrapServers, Map<String, ?> overrides, MeterRegistry registry) {
        Map<String, Object> config = producerConfig(bootstrapServers, overrides);
        return new KafkaEventSink(new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()),
                registry, transactionalId -> new KafkaProducer<>(transactionalConfig(bootstrapServers, overrides,
                        transactionalId), new ByteArraySerializer(), new ByteArraySerializer()), config);
    }

    /** The plain producer's settings plus a {@code transactional.id}; transactions need idempotence anyway. */
    static Map<String, Object> transactionalConfig(String bootstrapServers, Map<String, ?> overrides,
                                                   String transactionalId) {
        Map<String, Object> config = producerConfig(bootstrapServers, overrides);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        // A transaction holds back read_committed readers of its partitions while it is open: keep them short.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return config;
    }

    /** The collectors' producer settings (the benchmarks give Kafka's own producer tool the same ones). */
    public static Map<String, Object> producerConfig(String bootstrapServers, Map<String, ?> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "sitewatch-collectors");
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        // A poll thread must not hang for a minute when Kafka is away; the heartbeat would go silent.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(15).toMillis());
        config.putAll(overrides);
        // Nothing is lost and nothing is duplicated by producer retries: not overridable.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    @Override
    public CompletableFuture<Void> publish(SitewatchEvent event) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            producer.send(toRecord(event), (metadata, error) -> {
                if (error == null) {
                    result.complete(null);
                } else {
                    if (closed.get()) {
                        droppedAtClose.computeIfAbsent(event.type().typeName(), t -> new AtomicInteger()).incrementAndGet();
                    }
                    result.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            // send() throws for serialization errors, a closed producer, or max.block.ms exceeded.
            result.completeExceptionally(e);
        }
        return result;
    }

    /**
     * Events and checkpoints in one Kafka transaction of the writer's own transactional producer.
     * Blocks until the transaction committed or failed (at most about {@code max.block.ms}).
     */
    @Override
    public CompletableFuture<Void> publishAtomically(String writerId, List<SitewatchEvent> events,
                                                     List<CheckpointRecord> checkpoints) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the event sink is closed"));
        }
        return transactions.commit(writerId, events, checkpoints);
    }

    /**
     * Initialises each writer's transactional producer: the broker then completes (or aborts) any
     * transaction the previous process left open, so the checkpoints read next are final.
     */
    @Override
    public void takeOver(List<String> writerIds) {
        writerIds.forEach(transactions::takeOver);
    }

    /** Reads the checkpoint topic to its end (read_committed) with this sink's connection settings. */
    @Override
    public Checkpoints loadCheckpoints() {
        Map<String, Object> consumer = new HashMap<>();
        // Connection and security settings apply to the reader too; producer-only settings do not.
        clientSettings.forEach((key, value) -> {
            if (!PRODUCER_ONLY.contains(key)) {
                consumer.put(key, value);
            }
        });
        return KafkaCheckpointLoader.load(consumer, CHECKPOINT_LOAD_TIMEOUT);
    }

    /** The record exactly as it goes to Kafka, serialized with the topic's own serdes. */
    static ProducerRecord<byte[], byte[]> toRecord(SitewatchEvent event) {
        TopicSpec<String, SitewatchEvent> topic = event.type().topic();
        RecordHeaders headers = new RecordHeaders();
        byte[] key = topic.keySerde().serializer().serialize(topic.name(), headers, event.key());
        byte[] value = topic.valueSerde().serializer().serialize(topic.name(), headers, event);
        return new ProducerRecord<>(topic.name(), null, event.time().toEpochMilli(), key, value, headers);
    }

    @Override
    public void flush() {
        if (!closed.get()) {
            producer.flush();
        }
    }

    /** {@link #close(Duration)} with the collectors' default shutdown time. */
    @Override
    public void close() {
        close(ShutdownBudget.DEFAULT_TOTAL);
    }

    /**
     * Closes within about {@code timeout} even with Kafka down: a third for the transactional producers
     * (aborting a transaction still open), the rest for the plain producer's unacknowledged sends
     * (heartbeats, HA actions of the outbox), which are then dropped and logged.
     */
    @Override
    public void close(Duration timeout) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        transactions.close(timeout.dividedBy(3));
        producer.close(ShutdownBudget.until(deadline));
        if (!droppedAtClose.isEmpty()) {
            Map<String, Integer> dropped = new TreeMap<>();
            droppedAtClose.forEach((type, n) -> dropped.put(type, n.get()));
            log.warn("collectors: Kafka did not acknowledge these sends within the shutdown time, they are dropped: {}. "
                    + "Heartbeats and states need nothing (the restarted collector sends new heartbeats and publishes every "
                    + "state whose checkpoint did not move); an HA action read from a snapshot, not from a checkpointed event "
                    + "history, is lost", dropped);
        }
        if (clientMetrics != null) {
            clientMetrics.close();
        }
    }
}
