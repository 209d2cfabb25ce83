package org.sitewatch.streams.config;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.sitewatch.core.fold.AggregateLimits;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.streams.topology.DeadLetterHandler;
import org.sitewatch.streams.topology.TopologySettings;

/**
 * Turns the Spring properties into Kafka Streams properties and topology settings. Fixed choices:
 * exactly-once v2, explicit naming of every internal resource enforced, bad records to the DLQ.
 * Raw {@code sitewatch.streams.properties.*} are applied last and may override anything.
 */
public final class StreamsConfigFactory {

    /** The consumer's own (internal) switch that Kafka Streams turns off; see {@link StreamsProperties#leaveGroupOnClose()}. */
    static final String LEAVE_GROUP_ON_CLOSE = "internal.leave.group.on.close";

    private StreamsConfigFactory() {
    }

    public static Properties streamsProperties(StreamsProperties streams, KafkaConnectionProperties kafka) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, streams.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streams.numThreads());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) streams.replicationFactor());
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        if (streams.stateDir() != null && !streams.stateDir().isBlank()) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, streams.stateDir());
        }
        if (streams.leaveGroupOnClose()) {
            // Kafka Streams' consumers stay in the group on close (to spare a rebalance on a quick bounce), so the
            // partitions of a stopped instance would wait for the session timeout; this plain consumer setting,
            // passed through as a custom client config, makes them leave at once.
            props.put(LEAVE_GROUP_ON_CLOSE, true);
        }
        if (streams.commitInterval() != null) {
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, streams.commitInterval().toMillis());
        }
        props.putAll(streams.properties());
        return props;
    }

    public static TopologySettings topologySettings(StreamsProperties streams, HealthRules rules) {
        return new TopologySettings(streams.dedupeRetention(), streams.punctuateInterval(), rules,
                new AggregateLimits(streams.maxProblemsPerSite(), streams.recentHaActions()));
    }
}
