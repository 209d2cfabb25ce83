package org.sitewatch.alerting.dispatch;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the delivery state of newly assigned partitions from {@link DeliveryStateLog#TOPIC}, from the
 * beginning to the end offsets they had when the rebuild started, with a group-less consumer, one
 * poll per {@link #step} so the dispatcher keeps polling its group (no rebalance for a slow rebuild)
 * and can stop in between. No time cap: the topic is compacted without lag, so it holds about one
 * record per alert, and a rebuild that cannot reach the broker keeps trying, visibly (progress in
 * the log every {@link #PROGRESS_EVERY}, "rebuilding" in health), instead of going on with half a
 * state. Dispatcher thread only.
 */
final class StateRebuild implements AutoCloseable {

    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(StateRebuild.class);

    private final org.apache.kafka.clients.consumer.Consumer<String, byte[]> reader;
    private final Duration pollTimeout;
    private final Duration slice;
    /** State partition → end offset still to reach. */
    private final Map<TopicPartition, Long> remaining = new HashMap<>();
    private long recordsRead;
    private long startedNanos;
    private long lastProgressNanos;

    /**
     * @param pollTimeout longest wait of one poll of the state topic
     * @param slice how long one {@link #step} goes on reading while there is something to read
     */
    StateRebuild(org.apache.kafka.clients.consumer.Consumer<String, byte[]> reader, Duration pollTimeout, Duration slice) {
        this.reader = reader;
        this.pollTimeout = pollTimeout;
        this.slice = slice;
    }

    /** Starts reading the state of these partition numbers. */
    void add(Collection<Integer> partitions) {
        if (remaining.isEmpty()) {
            recordsRead = 0;
            startedNanos = System.nanoTime();
            lastProgressNanos = startedNanos;
        }
        List<TopicPartition> added = partitions.stream().map(p -> new TopicPartition(DeliveryStateLog.TOPIC, p)).toList();
        Set<TopicPartition> assigned = new HashSet<>(reader.assignment());
        assigned.addAll(added);
        reader.assign(assigned);
        reader.seekToBeginning(added);
        remaining.putAll(reader.endOffsets(added));
    }

    /** Stops reading these (revoked or lost before their rebuild ended). */
    void remove(Collection<Integer> partitions) {
        partitions.forEach(p -> remaining.remove(new TopicPartition(DeliveryStateLog.TOPIC, p)));
        reader.assign(remaining.keySet());
    }

    boolean active() {
        return !remaining.isEmpty();
    }

    Set<Integer> partitions() {
        Set<Integer> out = new HashSet<>();
        remaining.keySet().forEach(tp -> out.add(tp.partition()));
        return out;
    }

    /**
     * Reads for about {@code slice} (at least one poll): feeds what it read to {@code sink}; returns
     * the partition numbers that are now complete.
     */
    Set<Integer> step(Consumer<ConsumerRecord<String, byte[]>> sink) {
        if (remaining.isEmpty()) {
            return Set.of();
        }
        long until = System.nanoTime() + slice.toNanos();
        int n;
        do {
            n = 0;
            for (ConsumerRecord<String, byte[]> r : reader.poll(pollTimeout)) {
                Long end = remaining.get(new TopicPartition(r.topic(), r.partition()));
                if (end != null && r.offset() < end) {
                    sink.accept(r);
                    recordsRead++;
                    n++;
                }
            }
        } while (n > 0 && System.nanoTime() < until && !allReached());
        Set<Integer> done = new HashSet<>();
        // Compaction leaves gaps: the position, not the last record, says where we are.
        remaining.entrySet().removeIf(e -> {
            boolean complete = reader.position(e.getKey()) >= e.getValue();
            if (complete) {
                done.add(e.getKey().partition());
            }
            return complete;
        });
        if (!done.isEmpty()) {
            reader.assign(remaining.keySet());
        }
        logProgress(done);
        return done;
    }

    private boolean allReached() {
        return remaining.entrySet().stream().allMatch(e -> reader.position(e.getKey()) >= e.getValue());
    }

    private void logProgress(Set<Integer> done) {
        long now = System.nanoTime();
        if (remaining.isEmpty()) {
            log.info("rebuilt the delivery state of partitions {} from {} records of {} in {} ms", done, recordsRead,
                    DeliveryStateLog.TOPIC, Duration.ofNanos(now - startedNanos).toMillis());
        } else if (now - lastProgressNanos >= PROGRESS_EVERY.toNanos()) {
            lastProgressNanos = now;
            Map<Integer, String> positions = new HashMap<>();
            remaining.forEach((tp, end) -> positions.put(tp.partition(), reader.position(tp) + "/" + end));
            log.info("rebuilding the delivery state: {} records read so far; partition position/end {}", recordsRead,
                    positions);
        }
    }

    @Override
    public void close() {
        reader.close(Duration.ofSeconds(5));
    }
}
