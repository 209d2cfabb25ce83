package org.sitewatch.audit.state;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.sitewatch.audit.AuditException;
import org.sitewatch.audit.kafka.KafkaSettings;
import org.sitewatch.audit.kafka.ReadBudget;
import org.sitewatch.events.Alert;
import org.sitewatch.events.Json;
import org.sitewatch.events.Topics;

/**
 * The alerts that were firing at an instant, read from {@code sitewatch.alerts}: every record is one
 * episode's state (fingerprint + startsAt), the newest record of an episode says how it ended, and an
 * alert was firing at T when its episode started at or before T and had not ended by T. The topic is
 * read to its current end, because a resolve written after T still tells that the alert fired at T.
 *
 * <p>Known limit: the topic is compacted; it keeps superseded records for
 * {@code min.compaction.lag.ms} (the raw events' retention, see {@link Topics#ALERTS}), so older
 * episodes of an alert that fired again may be gone beyond that. Only committed records are read.
 *
 * <p>The topic is read to its end or not at all: a read cut short (four Kafka timeouts without
 * reaching the end, the request's deadline, its client gone) fails with an {@link AuditException}
 * rather than answering from part of the history, which would silently drop alerts that were firing.
 */
public final class AlertsTopicHistory implements FiringAlertsSource {

    private static final TypeReference<Map<String, Object>> AS_MAP = new TypeReference<>() {
    };

    private final KafkaSettings kafka;

    public AlertsTopicHistory(KafkaSettings kafka) {
        this.kafka = kafka;
    }

    @Override
    public FiringAlerts firingAt(Instant at, String site) {
        return firingAt(at, site, ReadBudget.UNLIMITED);
    }

    @Override
    public FiringAlerts firingAt(Instant at, String site, ReadBudget budget) {
        Map<String, Alert> episodes = new HashMap<>();
        for (Alert alert : readAll(budget)) {
            // The newest record of an episode wins; records of one key come in order within a partition.
            episodes.put(alert.fingerprint() + "@" + alert.startsAt(), alert);
        }
        List<Map<String, Object>> firing = new ArrayList<>();
        episodes.values().stream()
                .filter(a -> !a.startsAt().isAfter(at))
                .filter(a -> a.endsAt() == null || a.endsAt().isAfter(at))
                .filter(a -> site == null || site.equals(a.site()))
                .sorted(Comparator.comparing(Alert::severity).thenComparing(Alert::startsAt).thenComparing(Alert::fingerprint))
                .forEach(a -> firing.add(asJson(a)));
        return new FiringAlerts(true, "from " + Topics.ALERTS.name() + ": alerts whose episode had started and not ended at "
                + at, firing);
    }

    private List<Alert> readAll(ReadBudget budget) {
        Properties props = new Properties();
        props.putAll(kafka.clientConfig("audit-alerts"));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) kafka.timeout().toMillis());
        List<Alert> alerts = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS.name(), kafka.timeout()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, kafka.timeout());
            Duration allowed = kafka.timeout().multipliedBy(4);
            long deadline = System.nanoTime() + allowed.toNanos();
            List<TopicPartition> unread;
            while (!(unread = unread(consumer, partitions, end)).isEmpty()) {
                budget.check();
                if (System.nanoTime() - deadline > 0) {
                    throw cutShort(unread, end, consumer, allowed);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Alert alert = Topics.ALERTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
                    if (alert != null) {
                        alerts.add(alert);
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new AuditException(AuditException.Kind.KAFKA_UNAVAILABLE, "cannot read " + Topics.ALERTS.name()
                    + " at " + kafka.bootstrapServers() + " within " + kafka.timeout().toSeconds()
                    + " s, so the firing alerts cannot be told: " + e.getMessage(), e);
        }
        return alerts;
    }

    private static List<TopicPartition> unread(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                                               Map<TopicPartition, Long> end) {
        return partitions.stream().filter(p -> consumer.position(p) < end.get(p)).toList();
    }

    private AuditException cutShort(List<TopicPartition> unread, Map<TopicPartition, Long> end,
                                    KafkaConsumer<byte[], byte[]> consumer, Duration allowed) {
        TopicPartition first = unread.get(0);
        return new AuditException(AuditException.Kind.INCOMPLETE, Topics.ALERTS.name() + " was not read to its end within "
                + allowed.toSeconds() + " s (four Kafka timeouts): " + unread.size() + " partition(s) short, e.g. "
                + first + " at offset " + consumer.position(first) + " of " + end.get(first)
                + "; the firing alerts are not answered from part of their history");
    }

    private static Map<String, Object> asJson(Alert alert) {
        return Json.MAPPER.convertValue(alert, AS_MAP);
    }
}
