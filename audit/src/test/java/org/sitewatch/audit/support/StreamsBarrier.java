package org.sitewatch.audit.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.sitewatch.events.Topics;

/**
 * Tells when the live streams app has processed everything published so far: its consumer group has
 * committed, on every raw partition and on every partition of its site-deltas repartition topic, the
 * end offset (what a read_committed consumer sees). Committed under exactly-once means the stores
 * hold the result, so a view read afterwards reflects every event. Test support only: it relies on
 * the repartition topic's name, an internal of the topology.
 */
public final class StreamsBarrier implements AutoCloseable {

    private final Admin admin;
    private final String groupId;
    private final KafkaConsumer<byte[], byte[]> consumer;

    public StreamsBarrier(Admin admin, String bootstrapServers, String applicationId) {
        this.admin = admin;
        this.groupId = applicationId;
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Partitions whose committed offset is still below the end offset, with both. */
    public Map<TopicPartition, String> behind() throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        for (var t : Topics.RAW) {
            for (int p = 0; p < t.partitions(); p++) {
                partitions.add(new TopicPartition(t.name(), p));
            }
        }
        String repartition = groupId + "-site-deltas-repartition";
        consumer.partitionsFor(repartition, Duration.ofSeconds(5))
                .forEach(info -> partitions.add(new TopicPartition(repartition, info.partition())));
        // Committed offsets first, end offsets after: read the other way round, a transaction that
        // commits in between would show the raw offsets caught up while the deltas it wrote to the
        // repartition topic are not yet in the (older) end offsets.
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(5));
        Map<TopicPartition, String> behind = new HashMap<>();
        ends.forEach((tp, end) -> {
            OffsetAndMetadata c = committed.get(tp);
            long at = c == null ? 0 : c.offset();
            if (at < end) {
                behind.put(tp, at + "<" + end);
            }
        });
        return behind;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
