package org.sitewatch.audit.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.sitewatch.audit.AuditException;
import org.sitewatch.events.KafkaSecurityFailure;

/**
 * The audit's connection to Kafka: one admin client and one consumer of raw bytes, used without a
 * consumer group (partitions are assigned by hand, nothing is committed), so replays never disturb
 * the streams app or each other. Connecting checks that a broker answers within the timeout; every
 * Kafka failure becomes an {@link AuditException} that names the bootstrap servers. Not thread-safe
 * (a Kafka consumer is not); one per replay. Its reads stop when the request's {@link ReadBudget} is
 * spent ({@link #checkBudget()} in every poll loop).
 */
public final class KafkaSource implements AutoCloseable {

    private final KafkaSettings settings;
    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String clusterId;
    private final ReadBudget budget;

    private KafkaSource(KafkaSettings settings, Admin admin, KafkaConsumer<byte[], byte[]> consumer, String clusterId,
                        ReadBudget budget) {
        this.settings = settings;
        this.admin = admin;
        this.consumer = consumer;
        this.clusterId = clusterId;
        this.budget = budget;
    }

    /** @throws AuditException KAFKA_UNAVAILABLE when no broker answers within the timeout */
    public static KafkaSource connect(KafkaSettings settings) {
        return connect(settings, ReadBudget.UNLIMITED);
    }

    /** A connection whose reads stop when {@code budget} is spent (a request's deadline, its client gone). */
    public static KafkaSource connect(KafkaSettings settings, ReadBudget budget) {
        budget.check();
        Admin admin;
        try {
            admin = Admin.create(adminConfig(settings));
        } catch (KafkaException e) {
            throw unreachable(settings, e); // settings a client cannot start with (a missing keystore, no JAAS entry)
        }
        try {
            String id = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs(settings)))
                    .clusterId().get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return new KafkaSource(settings, admin, new KafkaConsumer<>(consumerConfig(settings)), id, budget);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            admin.close(Duration.ZERO);
            throw unreachable(settings, e);
        } catch (InterruptedException e) {
            admin.close(Duration.ZERO);
            Thread.currentThread().interrupt();
            throw new AuditException(AuditException.Kind.KAFKA_UNAVAILABLE, "interrupted while contacting Kafka", e);
        }
    }

    public String clusterId() {
        return clusterId;
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    public KafkaSettings settings() {
        return settings;
    }

    public Duration timeout() {
        return settings.timeout();
    }

    /** The request's budget, for reads made with other clients (the alerts topic). */
    public ReadBudget budget() {
        return budget;
    }

    /** @throws AuditException when the request's deadline passed or its client went away */
    public void checkBudget() {
        budget.check();
    }

    public KafkaConsumer<byte[], byte[]> consumer() {
        return consumer;
    }

    public Admin admin() {
        return admin;
    }

    /** Every partition of the given topics, topic by topic in the given order, partitions ascending. */
    public List<TopicPartition> partitions(List<String> topics) {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(topics,
                            new DescribeTopicsOptions().timeoutMs(timeoutMs(settings)))
                    .allTopicNames().get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            List<TopicPartition> all = new ArrayList<>();
            for (String topic : topics) {
                int n = described.get(topic).partitions().size();
                for (int p = 0; p < n; p++) {
                    all.add(new TopicPartition(topic, p));
                }
            }
            return all;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new AuditException(AuditException.Kind.KAFKA_UNAVAILABLE, "Kafka at " + bootstrapServers()
                        + " has no Sitewatch event topics (" + String.join(", ", topics) + "): is this Sitewatch's Kafka? "
                        + "The topics are created when 'sitewatch run', 'streams' or 'collectors' starts", e);
            }
            throw unreachable(settings, e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw unreachable(settings, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditException(AuditException.Kind.KAFKA_UNAVAILABLE, "interrupted while contacting Kafka", e);
        }
    }

    public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions) {
        try {
            return consumer.beginningOffsets(partitions, settings.timeout());
        } catch (TimeoutException e) {
            throw unreachable(settings, e);
        }
    }

    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
        try {
            return consumer.endOffsets(partitions, settings.timeout());
        } catch (TimeoutException e) {
            throw unreachable(settings, e);
        }
    }

    /**
     * The first offset whose record timestamp is at or after {@code t}, per partition; partitions
     * with no such record are absent.
     */
    public Map<TopicPartition, Long> offsetsAt(Collection<TopicPartition> partitions, Instant t) {
        Map<TopicPartition, Long> query = new HashMap<>();
        long millis = t.toEpochMilli();
        partitions.forEach(tp -> query.put(tp, millis));
        try {
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, settings.timeout());
            Map<TopicPartition, Long> offsets = new HashMap<>();
            found.forEach((tp, o) -> {
                if (o != null) {
                    offsets.put(tp, o.offset());
                }
            });
            return offsets;
        } catch (TimeoutException e) {
            throw unreachable(settings, e);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }

    /**
     * The error every front end shows when Kafka does not answer, or refuses the login or the TLS
     * handshake (then saying which and what to set, see {@link KafkaSecurityFailure}).
     */
    public static AuditException unreachable(KafkaSettings settings, Exception cause) {
        Optional<String> security = KafkaSecurityFailure.explain(cause, settings.bootstrapServers());
        if (security.isPresent()) {
            return new AuditException(AuditException.Kind.KAFKA_UNAVAILABLE, settings.client().redact(security.get()), cause);
        }
        Throwable root = cause instanceof ExecutionException && cause.getCause() != null ? cause.getCause() : cause;
        String detail = root instanceof TimeoutException || root instanceof java.util.concurrent.TimeoutException
                || root.getMessage() == null ? "" : " (" + root.getMessage() + ")";
        return new AuditException(AuditException.Kind.KAFKA_UNAVAILABLE, "no Kafka broker answered at "
                + settings.bootstrapServers() + " within " + settings.timeout().toSeconds() + " s" + detail
                + ": check --kafka-bootstrap-servers (or SITEWATCH_KAFKA_BOOTSTRAP_SERVERS) and that the broker is up", cause);
    }

    private static int timeoutMs(KafkaSettings settings) {
        return (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
    }

    private static Map<String, Object> adminConfig(KafkaSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "sitewatch-audit-admin");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs(settings));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs(settings), 30_000));
        // The shared client settings come last; the client id stays ours unless a client.id prefix was set.
        config.putAll(settings.clientConfig("audit-admin"));
        return config;
    }

    private static Map<String, Object> consumerConfig(KafkaSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "sitewatch-audit");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // No group: partitions are assigned by hand and nothing is committed.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        // Only what producers committed: an aborted transactional write is no event.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        config.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 2 * 1024 * 1024);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs(settings));
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs(settings), 30_000));
        config.putAll(settings.clientConfig("audit"));
        return config;
    }
}
