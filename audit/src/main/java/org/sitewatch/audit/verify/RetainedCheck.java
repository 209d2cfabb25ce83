package org.sitewatch.audit.verify;

import org.apache.kafka.common.TopicPartition;
import org.sitewatch.audit.export.Manifest;
import org.sitewatch.audit.kafka.KafkaSource;
import org.sitewatch.audit.kafka.TopicSnapshot;
import org.sitewatch.audit.replay.PartitionStats;
import org.sitewatch.events.Topics;

/**
 * Whether Kafka still holds every offset a manifest lists. Retention may have deleted the oldest
 * since the export; then those records cannot be checked, and the verification says so instead of
 * reporting them as missing.
 */
final class RetainedCheck {

    private RetainedCheck() {
    }

    static boolean stillReadable(KafkaSource source, Manifest m, Verifier.Checks checks) {
        TopicSnapshot snapshot = TopicSnapshot.take(source, Topics.RAW.stream().map(t -> t.name()).toList());
        boolean readable = true;
        for (PartitionStats p : m.partitions()) {
            TopicPartition tp = new TopicPartition(p.topic(), p.partition());
            if (!snapshot.partitions().contains(tp)) {
                checks.failed("Kafka has no partition " + p.topic() + "-" + p.partition() + " any more");
                readable = false;
            } else if (p.endOffset() > p.startOffset() && snapshot.beginning(tp) > p.startOffset()) {
                checks.failed("Kafka no longer keeps " + p.topic() + "-" + p.partition() + " offsets " + p.startOffset()
                        + " to " + (Math.min(snapshot.beginning(tp), p.endOffset()) - 1)
                        + ": retention deleted them since the export, so the records cannot be checked");
                readable = false;
            } else if (snapshot.end(tp) < p.endOffset()) {
                checks.failed(p.topic() + "-" + p.partition() + " ends at offset " + snapshot.end(tp) + ", before the manifest's "
                        + p.endOffset() + ": the topic was re-created or truncated since the export");
                readable = false;
            }
        }
        if (readable) {
            checks.passed("Kafka still holds every offset the manifest lists (" + m.partitions().size() + " partitions)");
        }
        return readable;
    }
}
