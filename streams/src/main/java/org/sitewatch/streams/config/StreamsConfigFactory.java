package org.sitewatch.streams.config;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.sitewatch.core.fold.AggregateLimits;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.events.KafkaClientSettings;
import org.sitewatch.streams.topology.DeadLetterHandler;
import org.sitewatch.streams.topology.ProcessingDeadLetterHandler;
import org.sitewatch.streams.topology.TopologySettings;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Turns the Spring properties into Kafka Streams properties and topology settings. The Kafka client
 * settings every Sitewatch client shares ({@code sitewatch.kafka.*}) come first, then Sitewatch's
 * choices, then the raw {@code sitewatch.streams.properties.*}, which may override those choices.
 * Exactly-once v2 is pinned: alerts and site health are written in Kafka transactions, a
 * {@code processing.guarantee} set anywhere else is refused with the key that set it, and it is put
 * after the user's properties, so no override undoes it.
 * Fixed besides: explicit naming of every internal resource enforced, records that cannot be read and
 * records whose processing throws to the DLQ ({@link DeadLetterHandler},
 * {@link ProcessingDeadLetterHandler}), and RocksDB's off-heap memory bounded by {@link BoundedRocksDbMemory}.
 *
 * <p>Replication of the internal topics ({@link ReplicationDefaults}): {@code sitewatch.streams.replication-factor}
 * or a raw {@code replication.factor} wins; otherwise {@link #withReplicationDefaults} puts min(3, brokers)
 * once the brokers are counted at start. {@code topic.min.insync.replicas} then follows the replication
 * factor in force, unless set raw; with {@code -1} (the broker's default) it is left to the broker too.
 */
public final class StreamsConfigFactory {

    /** The consumer's own (internal) switch that Kafka Streams turns off; see {@link StreamsProperties#leaveGroupOnClose()}. */
    static final String LEAVE_GROUP_ON_CLOSE = "internal.leave.group.on.close";

    /** Where the streams app looks for Kafka when {@code sitewatch.kafka.bootstrap-servers} is not set. */
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";

    private StreamsConfigFactory() {
    }

    /**
     * {@code sitewatch.kafka.*} as the streams app reads it: the bootstrap servers default to
     * {@value #DEFAULT_BOOTSTRAP_SERVERS} when none is configured.
     */
    public static KafkaClientSettings kafkaSettings(Binder binder) {
        KafkaClientSettings kafka = binder.bindOrCreate(KafkaClientSettings.PREFIX, KafkaClientSettings.class);
        return kafka.hasBootstrapServers() ? kafka : kafka.withBootstrapServers(DEFAULT_BOOTSTRAP_SERVERS);
    }

    /** Where the instance id goes: the stream threads' consumers (Streams adds {@code -<thread>} to it). */
    static final String GROUP_INSTANCE_ID = StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);

    /**
     * Completes {@code props} with this instance's {@code group.instance.id} (static membership) when it has one
     * and the user set none raw ({@code group.instance.id} or {@code main.consumer.group.instance.id}).
     */
    public static Properties withInstanceId(Properties props, String instanceId) {
        if (instanceId != null && !props.containsKey(GROUP_INSTANCE_ID)
                && !props.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)) {
            props.put(GROUP_INSTANCE_ID, instanceId);
        }
        return props;
    }

    /** The internal topics' {@code min.insync.replicas}, as Kafka Streams reads it. */
    static final String INTERNAL_TOPICS_MIN_INSYNC_REPLICAS = StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);

    /**
     * The Streams properties without the broker count: the replication factor is there only when the
     * user chose it; {@link #withReplicationDefaults} completes them once the brokers are known.
     */
    public static Properties streamsProperties(StreamsProperties streams, KafkaClientSettings kafka) {
        refuseOtherGuarantee(kafka.properties(), KafkaClientSettings.PREFIX + ".properties.");
        refuseOtherGuarantee(streams.properties(), "sitewatch.streams.properties.");
        Properties props = new Properties();
        props.putAll(kafka.clientConfig("streams"));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, streams.applicationId());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streams.numThreads());
        if (streams.replicationFactor() != null) {
            props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) streams.replicationFactor());
        }
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        // A record whose folding throws (a bug) goes to the DLQ too, instead of shutting the client down.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, ProcessingDeadLetterHandler.class);
        if (streams.stateDir() != null && !streams.stateDir().isBlank()) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, streams.stateDir());
        }
        if (streams.leaveGroupOnClose()) {
            // Kafka Streams' consumers stay in the group on close (to spare a rebalance on a quick bounce), so the
            // partitions of a stopped instance would wait for the session timeout; this plain consumer setting,
            // passed through as a custom client config, makes them leave at once.
            props.put(LEAVE_GROUP_ON_CLOSE, true);
        }
        // A static member (StreamsLifecycle sets group.instance.id) restarted within it keeps its tasks.
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                (int) streams.sessionTimeout().toMillis());
        if (streams.commitInterval() != null) {
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, streams.commitInterval().toMillis());
        }
        // One bounded off-heap budget for all RocksDB stores (docs/sizing.md); a raw rocksdb.config.setter still wins.
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        props.put(BoundedRocksDbMemory.TOTAL_OFF_HEAP_BYTES_CONFIG, streams.rocksdbMemory().toBytes());
        // No store uses Kafka's byte cache: the per-record stores keep objects themselves (store-objects).
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        props.putAll(streams.properties());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        putMinInsyncReplicas(props);
        return props;
    }

    /**
     * Completes {@code props} for a cluster of {@code brokers}: the replication factor min(3, brokers)
     * when none was chosen, and the internal topics' {@code min.insync.replicas} when not set. Changes
     * nothing the user set. Internal topics that already exist keep their replication (Kafka Streams
     * does not alter them).
     */
    public static Properties withReplicationDefaults(Properties props, int brokers) {
        if (!props.containsKey(StreamsConfig.REPLICATION_FACTOR_CONFIG)) {
            props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) ReplicationDefaults.replicationFactor(brokers));
        }
        putMinInsyncReplicas(props);
        return props;
    }

    /** Whether the brokers must be counted before Kafka Streams is created: nobody chose the replication factor. */
    public static boolean needsBrokerCount(Properties props) {
        return !props.containsKey(StreamsConfig.REPLICATION_FACTOR_CONFIG);
    }

    /** min.insync.replicas from the replication factor in force, unless set; none for the broker's default. */
    private static void putMinInsyncReplicas(Properties props) {
        Object factor = props.get(StreamsConfig.REPLICATION_FACTOR_CONFIG);
        if (factor == null || props.containsKey(INTERNAL_TOPICS_MIN_INSYNC_REPLICAS)) {
            return;
        }
        int replicationFactor;
        try {
            replicationFactor = Integer.parseInt(factor.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(StreamsConfig.REPLICATION_FACTOR_CONFIG + "=" + factor + ": not a number", e);
        }
        if (replicationFactor != ReplicationDefaults.BROKER_DEFAULT) {
            props.put(INTERNAL_TOPICS_MIN_INSYNC_REPLICAS, ReplicationDefaults.minInsyncReplicas(replicationFactor));
        }
    }

    private static void refuseOtherGuarantee(Map<String, ?> properties, String prefix) {
        Object guarantee = properties.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
        if (guarantee != null && !StreamsConfig.EXACTLY_ONCE_V2.equals(guarantee.toString())) {
            throw new IllegalArgumentException(prefix + StreamsConfig.PROCESSING_GUARANTEE_CONFIG + "=" + guarantee
                    + ": the streams app runs " + StreamsConfig.EXACTLY_ONCE_V2 + " only (alerts and site health are "
                    + "written in Kafka transactions); remove the setting");
        }
    }

    public static TopologySettings topologySettings(StreamsProperties streams, HealthRules rules) {
        return new TopologySettings(streams.dedupeRetention(), streams.punctuateInterval(), rules,
                new AggregateLimits(streams.maxProblemsPerSite(), streams.recentHaActions()))
                .withStoreObjectCapacity(streams.storeObjects());
    }
}
