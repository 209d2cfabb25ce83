package org.sitewatch.bench.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.tools.ConsumerPerformance;
import org.sitewatch.bench.harness.BenchContext;
import org.sitewatch.bench.harness.Figure;
import org.sitewatch.bench.harness.ProgressLine;
import org.sitewatch.bench.harness.Scenario;
import org.sitewatch.events.TopicSpec;
import org.sitewatch.events.Topics;

/**
 * {@code kafka-consumer}: Kafka's own ConsumerPerformance reading every record of the four raw topics,
 * the baseline of every consuming scenario. ConsumerPerformance reads one topic per run (Kafka 4.1
 * has no pattern option), so it runs once per raw topic and the records, megabytes and fetch times
 * (its own time without the group join) are summed.
 */
public final class ConsumerPerformanceScenario implements Scenario {

    public static final String NAME = "kafka-consumer";

    /** One run's figures: ConsumerPerformance's CSV line, fields 3 (MB), 5 (records) and 8 (fetch ms). */
    record Read(double megabytes, long records, double fetchSeconds) {
        static Read parse(List<String> output) {
            for (int i = output.size() - 1; i >= 0; i--) {
                String[] f = output.get(i).split(",\\s*");
                if (f.length == 10) {
                    return new Read(Double.parseDouble(f[2]), Long.parseLong(f[4]), Long.parseLong(f[7]) / 1000.0);
                }
            }
            throw new IllegalStateException("ConsumerPerformance printed no result line; its output: " + output);
        }

        Read plus(Read other) {
            return new Read(megabytes + other.megabytes, records + other.records, fetchSeconds + other.fetchSeconds);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Kafka's ConsumerPerformance reading all raw topics (one run per topic, fetch time summed)";
    }

    @Override
    public List<Figure> run(BenchContext context) throws Exception {
        ProgressLine.Task progress = context.progress(NAME);
        Read total = new Read(0, 0, 0);
        for (TopicSpec<?, ?> topic : Topics.RAW) {
            Read read = readAll(context, topic.name());
            progress.say(String.format(Locale.ROOT, "%s: %,d records, %.1f MB in %.2f s fetch time", topic.name(), read.records(),
                    read.megabytes(), read.fetchSeconds()));
            total = total.plus(read);
        }
        if (total.records() == 0 || total.fetchSeconds() <= 0) {
            throw new IllegalStateException("the raw topics are empty: nothing to read");
        }
        return List.of(Figure.of(NAME, "records/s", total.records() / total.fetchSeconds()),
                Figure.of(NAME, "MB/s", total.megabytes() / total.fetchSeconds()));
    }

    /** ConsumerPerformance reading every record of {@code topic} in a new group; nothing when it is empty. */
    static Read readAll(BenchContext context, String topic) throws Exception {
        long records = recordCount(context.bootstrapServers(), topic);
        if (records == 0) {
            return new Read(0, 0, 0);
        }
        String[] args = {"--bootstrap-server", context.bootstrapServers(), "--topic", topic, "--messages",
                Long.toString(records), "--group", "bench-" + topic + "-" + System.nanoTime(), "--hide-header", "--timeout", "30000"};
        return Read.parse(KafkaTool.run("ConsumerPerformance", ConsumerPerformance::main, args, line -> { }, context.scenarioLimit()));
    }

    /** Records in a topic: end minus beginning offsets over its partitions. */
    static long recordCount(String bootstrapServers, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            long end = sum(admin, partitions, OffsetSpec.latest());
            long begin = sum(admin, partitions, OffsetSpec.earliest());
            return end - begin;
        }
    }

    private static long sum(Admin admin, List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        return admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).values().stream().mapToLong(r -> r.offset()).sum();
    }
}
