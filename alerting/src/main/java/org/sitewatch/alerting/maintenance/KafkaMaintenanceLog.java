package org.sitewatch.alerting.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.sitewatch.alerting.config.AlertingTopics;
import org.sitewatch.alerting.health.ComponentHealth;
import org.sitewatch.events.KafkaClientSettings;
import org.sitewatch.events.MaintenanceWindow;
import org.sitewatch.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps REST-created maintenance windows in the compacted {@link Topics#MAINTENANCE} topic:
 * {@link #save} and {@link #delete} write (acks=all, idempotent) and wait for the broker; a tail
 * thread reads the topic from the beginning into {@link MaintenanceWindows}, so every instance and
 * every restart sees the same windows. {@link #start()} returns only once the topic is read up to
 * its end, so no alert is delivered before the windows that suppress it are known.
 *
 * <p>The launcher creates the topic with the rest of the catalogue; this class still creates it if
 * missing (replication factor min(3, brokers)), so the alerting module also runs on its own. Ended windows are
 * pruned after the retention of {@link MaintenanceWindows}: forgotten in memory and deleted from the topic
 * (a tombstone, so compaction drops them), also when a restart reads old ones back.
 */
public final class KafkaMaintenanceLog implements MaintenanceStore, SmartLifecycle {

    /** Before the dispatcher's phase. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 200;

    private static final Logger log = LoggerFactory.getLogger(KafkaMaintenanceLog.class);
    private static final String TOPIC = Topics.MAINTENANCE.name();

    private final KafkaClientSettings kafka;
    private final MaintenanceWindows windows;
    private final Duration timeout;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final ComponentHealth health = new ComponentHealth("maintenance-log");
    private volatile boolean running;
    private KafkaProducer<String, MaintenanceWindow> producer;
    private final Function<Map<String, Object>, Consumer<String, byte[]>> consumers;
    private Consumer<String, byte[]> consumer;
    private Thread tail;

    public KafkaMaintenanceLog(KafkaClientSettings kafka, MaintenanceWindows windows, Duration timeout) {
        this(kafka, windows, timeout, c -> new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer()));
    }

    /** With the reader's consumer made by {@code consumers} from its configuration (tests make one that fails). */
    public KafkaMaintenanceLog(KafkaClientSettings kafka, MaintenanceWindows windows, Duration timeout,
                               Function<Map<String, Object>, Consumer<String, byte[]>> consumers) {
        this.kafka = kafka;
        this.windows = windows;
        this.timeout = timeout;
        this.consumers = consumers;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        provisionTopic();
        Map<String, Object> producerConfig = new HashMap<>(kafka.clientConfig("maintenance-writer"));
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "sitewatch-maintenance-writer");
        producer = new KafkaProducer<>(producerConfig, Topics.MAINTENANCE.keySerde().serializer(),
                Topics.MAINTENANCE.valueSerde().serializer());
        Map<String, Object> consumerConfig = new HashMap<>(kafka.clientConfig("maintenance-reader"));
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "sitewatch-maintenance-reader");
        consumer = consumers.apply(consumerConfig);
        running = true;
        windows.whenPruned(this::deletePruned);
        tail = new Thread(this::tail, "sitewatch-maintenance-log");
        tail.setDaemon(true);
        tail.start();
        awaitCaughtUp();
    }

    @Override
    public void save(MaintenanceWindow window) {
        write(new ProducerRecord<>(TOPIC, window.id(), window), "save maintenance window " + window.id());
        windows.put(window); // read-your-writes; the tail applies the same record again, harmlessly
    }

    @Override
    public void delete(String id) {
        write(new ProducerRecord<>(TOPIC, id, null), "delete maintenance window " + id);
        windows.remove(id);
    }

    /** Runs on the pruning thread (the dispatcher's): does not wait for the broker, a failure is only logged. */
    private void deletePruned(String id) {
        if (!running) {
            return;
        }
        producer.send(new ProducerRecord<>(TOPIC, id, null), (metadata, e) -> {
            if (e != null) {
                log.warn("could not delete the ended maintenance window {} from {}: {}", id, TOPIC, e.getMessage());
            }
        });
    }

    private void write(ProducerRecord<String, MaintenanceWindow> record, String what) {
        if (!running) {
            throw new MaintenanceStoreException("cannot " + what + ": the maintenance log is not running", null);
        }
        try {
            producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new MaintenanceStoreException("Kafka refused to " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new MaintenanceStoreException("Kafka did not confirm within " + timeout + " to " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MaintenanceStoreException("interrupted while trying to " + what, e);
        }
    }

    /** Whether the reader thread runs: once it died, windows created elsewhere are no longer seen here. */
    public ComponentHealth health() {
        return health;
    }

    private void tail() {
        health.started();
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, timeout).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    apply(r);
                }
                if (caughtUp.getCount() > 0 && end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            // stop() asked
        } catch (RuntimeException | Error e) {
            health.died(Instant.now(), e);
            log.error("the maintenance log stopped reading {}; windows created elsewhere are no longer seen here", TOPIC, e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            windows.remove(r.key());
            return;
        }
        try {
            windows.put(Topics.MAINTENANCE.valueSerde().deserializer().deserialize(TOPIC, r.value()));
        } catch (RuntimeException e) {
            log.warn("skipping maintenance record {}@{} (key {}): {}", r.partition(), r.offset(), r.key(), e.getMessage());
        }
    }

    private void awaitCaughtUp() {
        try {
            if (!caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop();
                // Delivering without the windows would page people for planned maintenance.
                throw new IllegalStateException("could not read the maintenance windows from " + TOPIC + " within "
                        + timeout + "; check sitewatch.kafka.bootstrap-servers");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the maintenance windows", e);
        }
    }

    private void provisionTopic() {
        AlertingTopics.ensure(kafka, timeout, List.of(Topics.MAINTENANCE), "maintenance-admin");
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            tail.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
