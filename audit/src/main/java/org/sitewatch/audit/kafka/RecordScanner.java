package org.sitewatch.audit.kafka;

import java.time.Duration;
import java.util.ArrayList;
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
 * Reads the offsets of a {@link ReadPlan} as fast as the consumer delivers them: each partition in
 * offset order, partitions interleaved as fetches return, record by record or batch by batch. A partition is paused as soon as it reached
 * its end, so the read stops exactly at the plan. If no partition makes progress for the source's
 * timeout, the broker is reported unreachable rather than waited for forever. Each poll first checks
 * the request's budget ({@link KafkaSource#checkBudget()}).
 */
public final class RecordScanner {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaSource source;

    public RecordScanner(KafkaSource source) {
        this.source = source;
    }

    /** Calls {@code sink} for every record of the plan; returns the number of records. */
    public long scan(ReadPlan plan, Consumer<ConsumerRecord<byte[], byte[]>> sink, ProgressListener progress) {
        return scanBatches(plan, batch -> batch.forEach(sink), progress);
    }

    /**
     * Calls {@code sink} with the records of the plan as fetched: each call one partition's next
     * records, in offset order. Returns the number of records.
     */
    public long scanBatches(ReadPlan plan, Consumer<List<ConsumerRecord<byte[], byte[]>>> sink, ProgressListener progress) {
        KafkaConsumer<byte[], byte[]> consumer = source.consumer();
        Map<TopicPartition, PartitionRange> open = new HashMap<>();
        for (PartitionRange r : plan.partitions()) {
            if (r.size() > 0) {
                open.put(r.topicPartition(), r);
            }
        }
        consumer.assign(new ArrayList<>(open.keySet()));
        open.values().forEach(r -> consumer.seek(r.topicPartition(), r.start()));
        progress.started(plan.total());
        long records = 0;
        long offsetsDone = 0;
        long lastProgress = System.nanoTime();
        Map<TopicPartition, Long> positions = new HashMap<>();
        while (!open.isEmpty()) {
            source.checkBudget();
            ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
            for (TopicPartition tp : batch.partitions()) {
                PartitionRange range = open.get(tp);
                if (range == null) {
                    continue;
                }
                List<ConsumerRecord<byte[], byte[]>> fetched = batch.records(tp);
                int keep = 0;
                while (keep < fetched.size() && fetched.get(keep).offset() < range.end()) {
                    keep++;
                }
                if (keep > 0) {
                    sink.accept(keep == fetched.size() ? fetched : fetched.subList(0, keep));
                    records += keep;
                }
            }
            List<TopicPartition> finished = new ArrayList<>();
            offsetsDone = 0;
            for (Map.Entry<TopicPartition, PartitionRange> e : open.entrySet()) {
                // position() skips gaps (transaction markers, compaction) that deliver no record.
                long position = Math.min(consumer.position(e.getKey()), e.getValue().end());
                Long before = positions.put(e.getKey(), position);
                if (before == null || before != position) {
                    lastProgress = System.nanoTime();
                }
                if (position >= e.getValue().end()) {
                    finished.add(e.getKey());
                }
            }
            for (PartitionRange r : plan.partitions()) {
                offsetsDone += positions.getOrDefault(r.topicPartition(), open.containsKey(r.topicPartition()) ? r.start() : r.end()) - r.start();
            }
            if (!finished.isEmpty()) {
                consumer.pause(finished);
                finished.forEach(open::remove);
            }
            progress.advanced(offsetsDone, records);
            if (!open.isEmpty() && System.nanoTime() - lastProgress > source.timeout().toNanos()) {
                throw stalled(open.keySet());
            }
        }
        consumer.assign(List.of());
        progress.finished(plan.total(), records);
        return records;
    }

    private AuditException stalled(java.util.Set<TopicPartition> open) {
        return new AuditException(AuditException.Kind.KAFKA_UNAVAILABLE, "Kafka at " + source.bootstrapServers()
                + " delivered nothing for " + source.timeout().toSeconds() + " s while " + open.size()
                + " partition(s) were still to be read (e.g. " + open.iterator().next()
                + "): the broker went away or the partition is unavailable");
    }
}
