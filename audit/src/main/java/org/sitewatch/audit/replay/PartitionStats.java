package org.sitewatch.audit.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.sitewatch.audit.kafka.PartitionRange;

/**
 * What a replay found in one partition: the offsets it read, how many records it read and kept, and
 * the first and last offsets it kept (null when none). Written to the manifest.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartitionStats(String topic, int partition, long startOffset, long endOffset, long read, long exported,
                             Long firstExportedOffset, Long lastExportedOffset) {

    public static PartitionStats empty(PartitionRange r) {
        return new PartitionStats(r.topic(), r.partition(), r.start(), r.end(), 0, 0, null, null);
    }

    public PartitionRange range() {
        return new PartitionRange(topic, partition, startOffset, endOffset);
    }

    PartitionStats withRead() {
        return new PartitionStats(topic, partition, startOffset, endOffset, read + 1, exported, firstExportedOffset,
                lastExportedOffset);
    }

    PartitionStats withExported(long offset) {
        return new PartitionStats(topic, partition, startOffset, endOffset, read, exported + 1,
                firstExportedOffset == null ? offset : Math.min(firstExportedOffset, offset),
                lastExportedOffset == null ? offset : Math.max(lastExportedOffset, offset));
    }
}
