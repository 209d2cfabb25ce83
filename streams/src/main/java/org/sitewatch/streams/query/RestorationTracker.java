package org.sitewatch.streams.query;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Knows which changelog partitions are being restored right now. Kafka Streams may report RUNNING
 * while an active task still restores, and a query over all local stores would then silently skip
 * that task: while anything restores, the views answer 503 instead.
 */
public final class RestorationTracker implements StateRestoreListener {

    private final Set<String> restoring = ConcurrentHashMap.newKeySet();

    @Override
    public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
        restoring.add(storeName + "@" + partition);
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
        // progress only; the set changes at start and end
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
        restoring.remove(storeName + "@" + partition);
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String storeName, long totalRestored) {
        // The task moved away mid-restore; it is no longer ours to wait for.
        restoring.remove(storeName + "@" + partition);
    }

    public boolean restoring() {
        return !restoring.isEmpty();
    }

    /** How many store partitions are restoring, for the 503 reason. */
    public int count() {
        return restoring.size();
    }
}
