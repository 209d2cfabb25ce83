package org.sitewatch.audit.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.sitewatch.audit.AuditException;

/**
 * The raw topics' partitions with their first and end offsets, taken once when a replay starts. Plans
 * are made from it ({@link #plan}), so a replay reads up to the end offsets of that moment and
 * terminates while collectors keep publishing. It also knows what retention deleted
 * ({@link #oldestAvailable}): Kafka deletes whole old segments, so a partition whose first offset is
 * above 0 has lost its oldest records, and its first remaining record's timestamp is the oldest
 * instant it can still answer for.
 */
public final class TopicSnapshot {

    private final KafkaSource source;
    private final List<TopicPartition> partitions;
    private final Map<TopicPartition, Long> beginning;
    private final Map<TopicPartition, Long> end;
    private Instant oldestAvailable;
    private boolean probed;

    private TopicSnapshot(KafkaSource source, List<TopicPartition> partitions, Map<TopicPartition, Long> beginning,
                          Map<TopicPartition, Long> end) {
        this.source = source;
        this.partitions = partitions;
        this.beginning = beginning;
        this.end = end;
    }

    public static TopicSnapshot take(KafkaSource source, List<String> topics) {
        List<TopicPartition> partitions = source.partitions(topics);
        return new TopicSnapshot(source, partitions, source.beginningOffsets(partitions), source.endOffsets(partitions));
    }

    public List<TopicPartition> partitions() {
        return partitions;
    }

    public long beginning(TopicPartition tp) {
        return beginning.get(tp);
    }

    public long end(TopicPartition tp) {
        return end.get(tp);
    }

    /**
     * Reads each partition from the first record at or after {@code from} (null: from its first
     * record) to the first record at or after {@code stopAt} (null: to the end offset of the snapshot).
     */
    public ReadPlan plan(Instant from, Instant stopAt) {
        Map<TopicPartition, Long> starts = from == null ? beginning : source.offsetsAt(partitions, from);
        Map<TopicPartition, Long> stops = stopAt == null ? Map.of() : source.offsetsAt(partitions, stopAt);
        List<PartitionRange> ranges = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            long last = end.get(tp);
            long stop = Math.min(stops.getOrDefault(tp, last), last);
            long start = Math.max(beginning.get(tp), Math.min(starts.getOrDefault(tp, last), stop));
            ranges.add(new PartitionRange(tp.topic(), tp.partition(), start, Math.max(start, stop)));
        }
        return new ReadPlan(ranges);
    }

    /**
     * The oldest instant every partition can still answer for: the newest of the first-record
     * timestamps of partitions that retention has cut (first offset above 0). Null when retention
     * has deleted nothing.
     */
    public Instant oldestAvailable() {
        if (!probed) {
            oldestAvailable = probe();
            probed = true;
        }
        return oldestAvailable;
    }

    /** Whether events at or after {@code from} may have been deleted by retention. */
    public boolean truncates(Instant from) {
        Instant oldest = oldestAvailable();
        return oldest != null && from.isBefore(oldest);
    }

    /** @throws AuditException BEFORE_RETENTION saying the oldest available instant */
    public void requireRetained(Instant from, String what) {
        if (truncates(from)) {
            throw new AuditException(AuditException.Kind.BEFORE_RETENTION, what + " " + from
                    + " is before the oldest retained event (" + oldestAvailable() + "): older events were deleted by the "
                    + "raw topics' retention. Use " + oldestAvailable() + " or later, or --allow-truncated to replay what is left");
        }
    }

    private Instant probe() {
        List<TopicPartition> cut = partitions.stream()
                .filter(tp -> beginning.get(tp) > 0 && beginning.get(tp) < end.get(tp))
                .toList();
        if (cut.isEmpty()) {
            return null;
        }
        var consumer = source.consumer();
        consumer.assign(cut);
        cut.forEach(tp -> consumer.seek(tp, beginning.get(tp)));
        Map<TopicPartition, Long> firstTimestamps = new HashMap<>();
        long deadline = System.nanoTime() + source.timeout().toNanos();
        while (firstTimestamps.size() < cut.size()) {
            source.checkBudget();
            if (System.nanoTime() > deadline) {
                throw KafkaSource.unreachable(new KafkaSettings(source.bootstrapServers(), source.timeout(), Map.of()),
                        new java.util.concurrent.TimeoutException("reading the oldest retained records"));
            }
            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
            for (TopicPartition tp : records.partitions()) {
                List<ConsumerRecord<byte[], byte[]>> list = records.records(tp);
                if (!list.isEmpty()) {
                    firstTimestamps.putIfAbsent(tp, list.get(0).timestamp());
                    consumer.pause(List.of(tp));
                }
            }
        }
        consumer.assign(List.of());
        return Instant.ofEpochMilli(firstTimestamps.values().stream().mapToLong(Long::longValue).max().orElseThrow());
    }
}
