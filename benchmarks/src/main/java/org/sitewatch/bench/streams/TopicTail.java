package org.sitewatch.bench.streams;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.sitewatch.events.TopicSpec;

/**
 * Reads a topic from its end as it is written, as a downstream consumer of the app would (read_committed: what the
 * app wrote in a transaction shows once it commits), on a thread of its own, handing each value to a listener
 * with the instant its poll returned.
 */
final class TopicTail<V> implements AutoCloseable {

    interface Listener<V> {
        void received(V value, long receivedNanos);
    }

    private final KafkaConsumer<String, V> consumer;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;

    /** Starts reading at the topic's end now: records written from here on are delivered. */
    TopicTail(String bootstrapServers, TopicSpec<String, V> topic, Listener<V> listener) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // position() resolves the end now, before anything the scenario then produces could be written.
        partitions.forEach(consumer::position);
        thread = new Thread(() -> {
            try {
                while (running) {
                    ConsumerRecords<String, V> records = consumer.poll(Duration.ofMillis(100));
                    long received = System.nanoTime();
                    for (ConsumerRecord<String, V> record : records) {
                        listener.received(record.value(), received);
                    }
                }
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "tail-" + topic.name());
        thread.setDaemon(true);
        thread.start();
    }

    /** Throws what stopped the reading thread, if anything did. */
    void requireHealthy() {
        Throwable t = failure.get();
        if (t != null) {
            throw new IllegalStateException("reading the topic failed", t);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
        consumer.close(Duration.ofSeconds(5));
    }
}
