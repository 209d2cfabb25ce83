package org.sitewatch.audit.kafka;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.sitewatch.audit.AuditException;

/**
 * Reads a {@link ReadPlan} in the order a Kafka Streams task processes it: every partition in offset
 * (arrival) order, and among partitions always the record with the smallest timestamp at the head of
 * its partition. The state rebuild needs exactly this: the fold's result per entity depends only on
 * the arrival order of that entity's events, which is its partition's offset order, and the
 * head-timestamp choice keeps the rebuild's clock close to event time across partitions.
 *
 * <p>Memory: at most {@link #HIGH_WATER} records buffered per partition; a partition whose buffer is
 * full is paused until it drains below {@link #LOW_WATER}.
 */
public final class OrderedScan {

    static final int HIGH_WATER = 2_000;
    static final int LOW_WATER = 500;

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Comparator<ConsumerRecord<byte[], byte[]>> HEAD_ORDER =
            Comparator.<ConsumerRecord<byte[], byte[]>>comparingLong(ConsumerRecord::timestamp)
                    .thenComparing(ConsumerRecord::topic)
                    .thenComparingInt(ConsumerRecord::partition);

    private final KafkaSource source;

    public OrderedScan(KafkaSource source) {
        this.source = source;
    }

    /** Calls {@code sink} for every record of the plan in processing order; returns the number of records. */
    public long scan(ReadPlan plan, Consumer<ConsumerRecord<byte[], byte[]>> sink, ProgressListener progress) {
        KafkaConsumer<byte[], byte[]> consumer = source.consumer();
        Map<TopicPartition, Lane> lanes = new HashMap<>();
        for (PartitionRange r : plan.partitions()) {
            if (r.size() > 0) {
                lanes.put(r.topicPartition(), new Lane(r));
            }
        }
        consumer.assign(new ArrayList<>(lanes.keySet()));
        lanes.values().forEach(l -> consumer.seek(l.range.topicPartition(), l.range.start()));
        progress.started(plan.total());
        long records = 0;
        long lastProgress = System.nanoTime();
        while (true) {
            // Emit while every lane that may still get records has one buffered.
            Lane next;
            while ((next = nextLane(lanes)) != null) {
                sink.accept(next.queue.poll());
                records++;
                if (next.paused && next.queue.size() < LOW_WATER) {
                    consumer.resume(List.of(next.range.topicPartition()));
                    next.paused = false;
                }
            }
            if (lanes.values().stream().allMatch(l -> l.fetched && l.queue.isEmpty())) {
                break;
            }
            source.checkBudget();
            ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
            long offsetsRead = 0;
            for (Lane lane : lanes.values()) {
                TopicPartition tp = lane.range.topicPartition();
                for (ConsumerRecord<byte[], byte[]> r : batch.records(tp)) {
                    if (r.offset() < lane.range.end()) {
                        lane.queue.add(r);
                        lastProgress = System.nanoTime();
                    }
                }
                if (!lane.fetched && consumer.position(tp) >= lane.range.end()) {
                    lane.fetched = true;
                    lastProgress = System.nanoTime();
                    if (!lane.paused) {
                        consumer.pause(List.of(tp));
                        lane.paused = true;
                    }
                } else if (!lane.paused && lane.queue.size() >= HIGH_WATER) {
                    consumer.pause(List.of(tp));
                    lane.paused = true;
                }
                offsetsRead += Math.min(consumer.position(tp), lane.range.end()) - lane.range.start();
            }
            progress.advanced(offsetsRead, records);
            if (System.nanoTime() - lastProgress > source.timeout().toNanos()) {
                throw new AuditException(AuditException.Kind.KAFKA_UNAVAILABLE, "Kafka at " + source.bootstrapServers()
                        + " delivered nothing for " + source.timeout().toSeconds() + " s while partitions were still to be read");
            }
        }
        consumer.assign(List.of());
        progress.finished(plan.total(), records);
        return records;
    }

    /** The lane with the smallest head, or null when some lane still needs fetching (or all are done). */
    private static Lane nextLane(Map<TopicPartition, Lane> lanes) {
        Lane best = null;
        for (Lane lane : lanes.values()) {
            if (lane.queue.isEmpty()) {
                if (!lane.fetched) {
                    return null;
                }
                continue;
            }
            if (best == null || HEAD_ORDER.compare(lane.queue.peek(), best.queue.peek()) < 0) {
                best = lane;
            }
        }
        return best;
    }

    /** One partition's buffered records. */
    private static final class Lane {
        final PartitionRange range;
        final ArrayDeque<ConsumerRecord<byte[], byte[]>> queue = new ArrayDeque<>();
        boolean fetched;
        boolean paused;

        Lane(PartitionRange range) {
            this.range = range;
        }
    }
}
