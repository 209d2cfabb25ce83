package org.sitewatch.audit.kafka;

import org.apache.kafka.common.TopicPartition;

/**
 * The offsets of one partition a replay reads: {@code [start, end)}.
 */
public record PartitionRange(String topic, int partition, long start, long end) {

    public PartitionRange {
        if (start > end) {
            throw new IllegalArgumentException(topic + "-" + partition + ": start " + start + " after end " + end);
        }
    }

    public TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }

    /** Offsets in the range (records, minus gaps such as transaction markers). */
    public long size() {
        return end - start;
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "[" + start + ", " + end + ")";
    }
}
