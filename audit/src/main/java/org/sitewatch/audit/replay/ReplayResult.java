package org.sitewatch.audit.replay;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.sitewatch.audit.ReplayRequest;
import org.sitewatch.audit.kafka.ReadPlan;

/**
 * The outcome of reading a replay: the matching records, sorted in event-time order (take them once
 * with {@link #records}), and the facts a manifest records. Close it to delete spilled runs.
 *
 * @param read records read from Kafka (all of the plan, before range and filters)
 * @param late matching records that arrived after a newer record of their partition: Kafka had them
 *     out of event-time order, the replay put them back in order
 * @param oldestAvailable the oldest instant retention still covers; null when nothing was deleted
 * @param truncated whether the range starts before {@code oldestAvailable}
 */
public record ReplayResult(ReplayRequest request, ReadPlan plan, String clusterId, long read, long matched, long late,
                           UndecodableLog undecodable, List<PartitionStats> partitions, Instant oldestAvailable,
                           boolean truncated, int spilledRuns, TimeMerge merge) implements AutoCloseable {

    public Iterator<AuditRecord> records() {
        return merge.sorted();
    }

    @Override
    public void close() {
        merge.close();
    }
}
