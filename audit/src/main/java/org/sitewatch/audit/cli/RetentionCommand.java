package org.sitewatch.audit.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.sitewatch.audit.AuditException;
import org.sitewatch.audit.kafka.KafkaSource;
import org.sitewatch.audit.kafka.PartitionRange;
import org.sitewatch.audit.kafka.ProgressListener;
import org.sitewatch.audit.kafka.ReadPlan;
import org.sitewatch.audit.kafka.RecordScanner;
import org.sitewatch.audit.kafka.TopicSnapshot;
import org.sitewatch.events.RawRetention;
import org.sitewatch.events.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sitewatch retention}: how long the raw topics keep events, the oldest they still keep, and changing it. */
@Command(name = "retention", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows the raw event topics' retention (the audit window), their retained records and oldest event;",
                "with --set, changes the retention of the existing topics (e.g. 400d, 730d, unlimited). See docs/audit.md for sizing."})
public final class RetentionCommand extends AuditCommand {

    @Option(names = "--set", paramLabel = "DURATION", description = "New retention of the raw topics: 400d, 36h, P730D or unlimited.")
    String set;

    @Mixin
    KafkaOptions kafka;

    @Override
    String name() {
        return "retention";
    }

    @Override
    int execute() {
        RawRetention wanted = null;
        if (set != null) {
            try {
                wanted = RawRetention.parse(set);
            } catch (IllegalArgumentException e) {
                throw new AuditException(AuditException.Kind.BAD_REQUEST, "--set: " + e.getMessage());
            }
        }
        try (KafkaSource source = KafkaSource.connect(kafka.settings())) {
            Map<String, RawRetention> before = retentions(source);
            if (wanted != null) {
                alter(source, wanted);
            }
            Map<String, RawRetention> now = wanted == null ? before : retentions(source);
            print(source, before, now);
        }
        return 0;
    }

    private void print(KafkaSource source, Map<String, RawRetention> before, Map<String, RawRetention> now) {
        List<String> topics = Topics.RAW.stream().map(t -> t.name()).toList();
        TopicSnapshot snapshot = TopicSnapshot.take(source, topics);
        Map<String, Long> oldest = oldestTimestamps(source, snapshot);
        System.out.printf(Locale.ROOT, "%-24s %-12s %14s  %s%n", "topic", "retention", "records", "oldest event");
        for (String topic : topics) {
            long records = snapshot.partitions().stream().filter(tp -> tp.topic().equals(topic))
                    .mapToLong(tp -> snapshot.end(tp) - snapshot.beginning(tp)).sum();
            String change = before.get(topic).equals(now.get(topic)) ? "" : " (was " + before.get(topic) + ")";
            System.out.printf(Locale.ROOT, "%-24s %-12s %,14d  %s%s%n", topic, now.get(topic), records,
                    oldest.containsKey(topic) ? Instant.ofEpochMilli(oldest.get(topic)) : "-", change);
        }
    }

    private static Map<String, RawRetention> retentions(KafkaSource source) {
        List<ConfigResource> resources = Topics.RAW.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList();
        try {
            Map<ConfigResource, Config> configs = source.admin().describeConfigs(resources).all()
                    .get(source.timeout().toMillis(), TimeUnit.MILLISECONDS);
            Map<String, RawRetention> out = new HashMap<>();
            configs.forEach((r, c) -> {
                ConfigEntry e = c.get(TopicConfig.RETENTION_MS_CONFIG);
                out.put(r.name(), RawRetention.ofRetentionMs(Long.parseLong(e.value())));
            });
            return out;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw KafkaSource.unreachable(source.settings(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditException(AuditException.Kind.KAFKA_UNAVAILABLE, "interrupted", e);
        }
    }

    private static void alter(KafkaSource source, RawRetention retention) {
        Map<ConfigResource, java.util.Collection<AlterConfigOp>> ops = new HashMap<>();
        for (var t : Topics.RAW) {
            ops.put(new ConfigResource(ConfigResource.Type.TOPIC, t.name()), List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, retention.retentionMs()), AlterConfigOp.OpType.SET)));
        }
        try {
            source.admin().incrementalAlterConfigs(ops).all().get(source.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AuditException(AuditException.Kind.KAFKA_UNAVAILABLE, "Kafka refused the new retention: "
                    + e.getCause().getMessage(), e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw KafkaSource.unreachable(source.settings(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditException(AuditException.Kind.KAFKA_UNAVAILABLE, "interrupted", e);
        }
    }

    /** The first retained record's timestamp per topic (the oldest of its partitions). */
    private static Map<String, Long> oldestTimestamps(KafkaSource source, TopicSnapshot snapshot) {
        List<PartitionRange> firsts = new ArrayList<>();
        snapshot.partitions().forEach(tp -> firsts.add(new PartitionRange(tp.topic(), tp.partition(),
                snapshot.beginning(tp), Math.min(snapshot.end(tp), snapshot.beginning(tp) + 1))));
        Map<String, Long> oldest = new HashMap<>();
        new RecordScanner(source).scan(new ReadPlan(firsts),
                r -> oldest.merge(r.topic(), r.timestamp(), Math::min), ProgressListener.NONE);
        return oldest;
    }
}
