package org.sitewatch.bench.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.sitewatch.events.Topics;

/** A topic for Kafka's own tools, partitioned like the raw topics so both sides spread load alike. */
final class ScratchTopic {

    private ScratchTopic() {
    }

    /**
     * Creates the topic and writes one probe record to each partition with a plain (not idempotent)
     * producer before returning. A new topic's partitions may still answer NOT_LEADER_OR_FOLLOWER
     * for a moment even after their leader is listed and answers ListOffsets; an idempotent producer
     * whose first batch to a partition fails that way while later ones succeed then retries it for
     * ever with OUT_OF_ORDER_SEQUENCE_NUMBER (KAFKA-14359), which stalled ProducerPerformance here.
     * The plain producer simply retries. The probes are not counted by the tools.
     */
    static String create(String bootstrapServers, String name) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(name, Topics.RAW_PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
            TopicLeaders.await(admin, List.of(name), Duration.ofSeconds(30));
        }
        try (KafkaProducer<byte[], byte[]> probe = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.CLIENT_ID_CONFIG, "bench-topic-probe"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (int partition = 0; partition < Topics.RAW_PARTITIONS; partition++) {
                sends.add(probe.send(new ProducerRecord<>(name, partition, null, new byte[1])));
            }
            for (Future<RecordMetadata> send : sends) {
                send.get(60, TimeUnit.SECONDS);
            }
        }
        return name;
    }
}
