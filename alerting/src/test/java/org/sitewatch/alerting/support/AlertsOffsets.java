package org.sitewatch.alerting.support;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.sitewatch.events.Topics;

/** Offsets of {@code sitewatch.alerts} for ITs that share one broker between several dispatcher groups. */
public final class AlertsOffsets {

    private AlertsOffsets() {
    }

    /** The other tests' alerts are not this one's business: the group starts where the topic ends now. */
    public static void startGroupAtEnd(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        endOffsets(admin).forEach((tp, end) -> offsets.put(tp, new OffsetAndMetadata(end)));
        admin.alterConsumerGroupOffsets(group, offsets).all().get(10, TimeUnit.SECONDS);
    }

    /** The group's committed offsets of {@code sitewatch.alerts}. */
    public static Map<TopicPartition, Long> committed(Admin admin, String group) throws Exception {
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                .forEach((tp, o) -> {
                    if (tp.topic().equals(Topics.ALERTS.name()) && o != null) {
                        out.put(tp, o.offset());
                    }
                });
        return out;
    }

    public static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < Topics.ALERTS.partitions(); p++) {
            latest.put(new TopicPartition(Topics.ALERTS.name(), p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }
}
