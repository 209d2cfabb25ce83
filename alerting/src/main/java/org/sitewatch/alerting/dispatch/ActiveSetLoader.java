package org.sitewatch.alerting.dispatch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Rebuilds the active set of newly assigned partitions: reads each from its beginning up to the
 * group's committed offset with a group-less consumer. Those records were already delivered (the
 * dispatcher commits only after delivery), so they are restored as "owing nothing"; what follows
 * the committed offset is then read by the dispatcher itself and delivered. The topic is compacted,
 * so this reads about one record per fingerprint.
 *
 * <p>Limits: runs inside the rebalance callback, so a huge topic delays the first poll; bounded by
 * {@code timeout}, after which the dispatcher goes on with what it has (only re-sends of older
 * alerts are affected, not delivery of new state changes).
 */
final class ActiveSetLoader {

    private final Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers;
    private final Duration timeout;

    ActiveSetLoader(Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers, Duration timeout) {
        this.consumers = consumers;
        this.timeout = timeout;
    }

    /** Feeds every record before {@code upTo} (exclusive) of each partition to {@code sink}; returns how many. */
    int load(Map<TopicPartition, Long> upTo, Consumer<ConsumerRecord<String, byte[]>> sink) {
        Map<TopicPartition, Long> remaining = new HashMap<>(upTo);
        remaining.values().removeIf(offset -> offset <= 0);
        if (remaining.isEmpty()) {
            return 0;
        }
        int count = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (var consumer = consumers.get()) {
            consumer.assign(remaining.keySet());
            consumer.seekToBeginning(remaining.keySet());
            while (!remaining.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("rebuilding the active alerts did not reach the committed offsets "
                            + remaining + " within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Long end = remaining.get(tp);
                    if (end != null && r.offset() < end) {
                        sink.accept(r);
                        count++;
                    }
                }
                // Compaction and transaction markers leave gaps: the position, not the last record, says where we are.
                remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
                consumer.pause(consumer.assignment().stream().filter(tp -> !remaining.containsKey(tp)).toList());
            }
        }
        return count;
    }
}
