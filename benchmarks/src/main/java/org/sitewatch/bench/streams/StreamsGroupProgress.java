package org.sitewatch.bench.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.sitewatch.events.TopicProvisioner;
import org.sitewatch.events.TopicSpec;
import org.sitewatch.events.Topics;

/**
 * How far a Kafka Streams app has got, read from outside as an operator would: the committed offsets of its
 * consumer group (the application id) on the four raw topics and on its own repartition topics, against end
 * offsets ({@link DrainWatch} decides which).
 *
 * <p>Under exactly-once every transaction ends with a commit marker, an offset of its own that no consumer is
 * given; the app commits the offset after its last record, which may stop short of a final marker. So a
 * partition whose committed offset is below its end is read from that offset (read_committed): it is drained when
 * that reaches the end without a record.
 */
public final class StreamsGroupProgress implements AutoCloseable {

    private static final Duration REMAINDER_READ_LIMIT = Duration.ofSeconds(2);

    private final Admin admin;
    private final String applicationId;
    private final List<TopicPartition> rawPartitions;
    private final KafkaConsumer<byte[], byte[]> remainderReader;

    public StreamsGroupProgress(String bootstrapServers, String applicationId) throws Exception {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        // The app creates the topics too at start; here they are needed before, to know the raw partitions.
        new TopicProvisioner(admin, (short) 1, Duration.ofSeconds(30)).ensure(Topics.ALL);
        this.applicationId = applicationId;
        this.rawPartitions = partitionsOf(admin, Topics.RAW.stream().map(TopicSpec::name).toList());
        this.remainderReader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1,
                // Only whether anything is left matters: small fetches keep the check light while the app is behind.
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    public List<TopicPartition> rawPartitions() {
        return rawPartitions;
    }

    /** The raw topics' offsets now: their ends, or their beginnings. */
    public Map<TopicPartition, Long> rawEnds() throws Exception {
        return offsets(rawPartitions, OffsetSpec.latest());
    }

    public Map<TopicPartition, Long> rawBeginnings() throws Exception {
        return offsets(rawPartitions, OffsetSpec.earliest());
    }

    /**
     * Makes the app start reading the raw topics at {@code start} instead of their beginning, by committing those
     * offsets for its consumer group before it ever ran (Kafka Streams then resumes from them). Used by the
     * scenarios that load an estate of their own on a broker that already holds other scenarios' events.
     */
    public void startAt(Map<TopicPartition, Long> start) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        start.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset)));
        admin.alterConsumerGroupOffsets(applicationId, offsets).all().get();
    }

    /** The group's committed offsets on every topic it reads; empty before its first commit. */
    public Map<TopicPartition, Long> committed() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> offsets = new HashMap<>();
        committed.forEach((tp, om) -> {
            if (om != null) {
                offsets.put(tp, om.offset());
            }
        });
        return offsets;
    }

    /** Raw-topic offsets the group has committed past {@code from}: how much of its input it has processed. */
    public long rawProgress(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> from) {
        long done = 0;
        for (TopicPartition tp : rawPartitions) {
            Long offset = committed.get(tp);
            if (offset != null) {
                done += Math.max(0, offset - from.getOrDefault(tp, 0L));
            }
        }
        return done;
    }

    /**
     * Whether the group has read every partition of {@code ends} up to that offset. Cheap while the app is behind:
     * the first partition with a record left answers.
     */
    public boolean reached(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            long from = committed.getOrDefault(end.getKey(), 0L);
            if (from < end.getValue() && !nothingToReadBetween(end.getKey(), from, end.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The end offsets of the app's repartition topics now. */
    public Map<TopicPartition, Long> repartitionEnds() throws Exception {
        return offsets(partitionsOf(admin, repartitionTopics()), OffsetSpec.latest());
    }

    /** The app's internal repartition topics: {@code <application id>-...-repartition}. */
    List<String> repartitionTopics() throws ExecutionException, InterruptedException {
        return admin.listTopics().names().get().stream()
                .filter(name -> name.startsWith(applicationId + "-") && name.endsWith("-repartition"))
                .sorted().toList();
    }

    private boolean nothingToReadBetween(TopicPartition tp, long from, long end) {
        remainderReader.assign(List.of(tp));
        remainderReader.seek(tp, from);
        long deadline = System.nanoTime() + REMAINDER_READ_LIMIT.toNanos();
        while (remainderReader.position(tp) < end && System.nanoTime() < deadline) {
            if (!remainderReader.poll(Duration.ofMillis(100)).isEmpty()) {
                return false;
            }
        }
        return remainderReader.position(tp) >= end;
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private static List<TopicPartition> partitionsOf(Admin admin, List<String> topics) throws Exception {
        if (topics.isEmpty()) {
            return List.of();
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
            topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
        }
        return partitions;
    }

    /** The sum of {@code offsets}' values: how many offsets a set of partitions spans. */
    public static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        remainderReader.close();
        admin.close();
    }
}
