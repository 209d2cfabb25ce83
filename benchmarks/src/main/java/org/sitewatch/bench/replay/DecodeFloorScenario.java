package org.sitewatch.bench.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.sitewatch.bench.harness.BenchContext;
import org.sitewatch.bench.harness.Figure;
import org.sitewatch.bench.harness.ProgressLine;
import org.sitewatch.bench.harness.Scenario;
import org.sitewatch.bench.kafka.ConsumerPerformanceScenario;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.TopicSpec;
import org.sitewatch.events.Topics;

/**
 * {@code decode-floor}: one plain consumer, configured as the audit replay's, reading every raw topic to its end
 * and decoding each record into a Sitewatch event with the contract's own deserializer, and nothing else. What is
 * left of Kafka's consumer rate once each record is read as an event: the ceiling of the replay (and of anything
 * that reads events), so the replay's ratio can be split into "decoding" and "sorting and writing".
 */
public final class DecodeFloorScenario implements Scenario {

    public static final String NAME = "decode-floor";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "A plain consumer reading all raw topics and decoding every record with the contract's deserializer "
                + "(read_committed, the replay's fetch sizes); no sorting, no output";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        ProgressLine.Task progress = context.progress(NAME);
        long deadline = System.nanoTime() + context.scenarioLimit().toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings(context.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (TopicSpec<String, SitewatchEvent> topic : Topics.RAW) {
                for (PartitionInfo p : consumer.partitionsFor(topic.name())) {
                    partitions.add(new TopicPartition(p.topic(), p.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Deserializer<SitewatchEvent>> decoders = new HashMap<>();
            Topics.RAW.forEach(t -> decoders.put(t.name(), t.valueSerde().deserializer()));
            long decoded = 0;
            long start = System.nanoTime();
            while (!reachedEnds(consumer, ends)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (decoders.get(r.topic()).deserialize(r.topic(), r.headers(), r.value()) != null) {
                        decoded++;
                    }
                }
                progress.update("records decoded", decoded, total);
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not read to the end within the scenario limit " + context.scenarioLimit());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (decoded == 0) {
                throw new IllegalStateException("no event was decoded");
            }
            progress.say(String.format(Locale.ROOT, "%,d events decoded in %.2f s", decoded, seconds));
            return List.of(Figure.of(NAME, "records/s", decoded / seconds).comparedWith(ConsumerPerformanceScenario.NAME));
        }
    }

    private static boolean reachedEnds(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> settings(String bootstrapServers) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "sitewatch-bench-decode-floor",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024,
                ConsumerConfig.RECEIVE_BUFFER_CONFIG, 2 * 1024 * 1024);
    }
}
