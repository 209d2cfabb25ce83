package org.sitewatch.collectors.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.TopicSpec;

/** Reads a raw topic back the way the streams app reads it, for the real-broker tests. */
final class CommittedEvents {

    private CommittedEvents() {
    }

    /** Everything committed in the topic, read to its end with read_committed. */
    static List<SitewatchEvent> read(String bootstrapServers, TopicSpec<String, SitewatchEvent> topic) {
        List<SitewatchEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, SitewatchEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(topic.name(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, SitewatchEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    events.add(record.value());
                }
            }
        }
        return events;
    }
}
