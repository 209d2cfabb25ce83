package org.sitewatch.audit.kafka;

import java.util.List;

/**
 * Which offsets of which partitions a replay or a rebuild reads, fixed before reading starts, so the
 * read terminates even while collectors keep publishing and a verification can read exactly the same
 * offsets again.
 */
public record ReadPlan(List<PartitionRange> partitions) {

    public ReadPlan {
        partitions = List.copyOf(partitions);
    }

    /** Offsets to read in total, for progress and estimates. */
    public long total() {
        return partitions.stream().mapToLong(PartitionRange::size).sum();
    }
}
