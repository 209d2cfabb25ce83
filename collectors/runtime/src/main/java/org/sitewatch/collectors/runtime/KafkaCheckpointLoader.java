package org.sitewatch.collectors.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.sitewatch.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted checkpoint topic ({@link Topics#COLLECTOR_CHECKPOINTS}) from the beginning
 * to its end with {@code isolation.level=read_committed}, so only checkpoints whose transaction
 * committed (together with their events) count. Tombstones delete. No consumer group: the whole
 * topic is read by every collector process, each keeping only what it needs.
 *
 * <p>Limits: the topic must exist (it is in {@link Topics#ALL}, provisioned at start-up); loading
 * fails after {@code timeout} with the topic's name rather than starting without checkpoints.
 */
public final class KafkaCheckpointLoader {

    private static final Logger log = LoggerFactory.getLogger(KafkaCheckpointLoader.class);
    private static final String TOPIC = Topics.COLLECTOR_CHECKPOINTS.name();

    private KafkaCheckpointLoader() {
    }

    /**
     * @param clientConfig bootstrap servers and any client setting (security); group and isolation
     *     settings are set here
     */
    public static Checkpoints load(Map<String, ?> clientConfig, Duration timeout) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "sitewatch-collectors-checkpoints");
        Instant deadline = Instant.now().plus(timeout);
        Map<String, String> values = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(TOPIC, timeout);
            if (partitions == null || partitions.isEmpty()) {
                throw new IllegalStateException("the checkpoint topic " + TOPIC + " does not exist: create Sitewatch's "
                        + "topics first (TopicProvisioner with Topics.ALL, which every launcher runs at start-up)");
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, timeout);
            long records = 0;
            while (!reachedEnd(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("reading the checkpoint topic " + TOPIC + " to its end took longer than "
                            + timeout.toString().substring(2).toLowerCase(Locale.ROOT) + "; is Kafka reachable?");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    if (record.value() == null) {
                        values.remove(record.key());
                    } else {
                        values.put(record.key(), record.value());
                    }
                }
            }
            log.info("read {} checkpoint(s) of the collectors ({} records in {})", values.size(), records, TOPIC);
        }
        return Checkpoints.of(values);
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
