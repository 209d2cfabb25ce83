package org.sitewatch.streams.config;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.sitewatch.streams.topology.TopologySettings;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code sitewatch.streams.*}: the Kafka Streams application. Each is also settable as an environment
 * variable by Spring's relaxed binding, e.g. {@code SITEWATCH_STREAMS_APPLICATIONID},
 * {@code SITEWATCH_STREAMS_STATEDIR}, {@code SITEWATCH_STREAMS_NUMTHREADS}.
 *
 * @param enabled whether this process runs the streams app at all
 * @param autoStartup whether Kafka Streams starts with the Spring context (false: built, not started)
 * @param applicationId the Streams {@code application.id}: consumer group and prefix of internal topics
 * @param stateDir where RocksDB state lives; null keeps the Kafka Streams default
 * @param commitInterval null keeps the Kafka Streams default (100 ms under exactly-once)
 * @param replicationFactor of the internal (changelog, repartition) topics; not set: 3, or the number of
 *     brokers when fewer, counted at start ({@link ReplicationDefaults}); -1: the broker's
 *     {@code default.replication.factor}. Their {@code min.insync.replicas} follows it (2 from 3 on)
 * @param dedupeRetention how long a CloudEvent identity is remembered to drop re-sent events
 * @param punctuateInterval how often RPO deadlines and collector staleness are checked (wall clock)
 * @param maxProblemsPerSite problems listed per site; further ones are only counted
 * @param recentHaActions HA actions remembered per site
 * @param closeTimeout how long shutdown waits for Kafka Streams to close
 * @param leaveGroupOnClose whether closing leaves the consumer group at once (faster hand-over to other
 *     instances, one extra rebalance on a rolling restart)
 * @param advertisedHost how other instances reach this one's REST API (Streams {@code application.server});
 *     must be set to a routable name when instances run on several hosts
 * @param advertisedPort the port other instances use; null: the web server's actual port, known once it
 *     started (so {@code server.port=0} works)
 * @param rocksdbMemory off-heap memory of all RocksDB stores together: one block cache, with the memtables
 *     charged to it ({@link BoundedRocksDbMemory}); at least 64MB. Count it outside the heap (docs/sizing.md)
 * @param storeObjects values each per-record store keeps as Java objects, per task (entity states, alert
 *     memories, aggregates; see {@code WriteBehindStore}): on the heap; beyond it the least recently used
 *     are read back from RocksDB. At least 1
 * @param instanceId this instance's static group membership ({@code group.instance.id}, each stream thread
 *     adds {@code -<n>}): a restarted instance takes its own tasks back at once instead of waiting out its
 *     dead predecessor's session. Unique per instance: two live instances with one id fence each other (the
 *     older one stops). Null: the id kept in the state directory ({@link StreamsInstanceId}), made once
 * @param staticMembership false: no {@code group.instance.id} at all (dynamic membership, the Kafka default)
 * @param sessionTimeout how long the group waits for a member that stopped heartbeating ({@code session.timeout.ms}):
 *     a static member restarted within it keeps its tasks without a rebalance; one that never comes back
 *     holds its partitions (those keys answer 503) until it expires
 * @param properties raw Kafka Streams / client settings (security, tuning), applied last
 */
@ConfigurationProperties("sitewatch.streams")
public record StreamsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("true") boolean autoStartup,
        @DefaultValue("sitewatch-streams") String applicationId,
        String stateDir,
        Duration commitInterval,
        @DefaultValue("1") int numThreads,
        Short replicationFactor,
        @DefaultValue("2h") Duration dedupeRetention,
        @DefaultValue("10s") Duration punctuateInterval,
        @DefaultValue("500") int maxProblemsPerSite,
        @DefaultValue("50") int recentHaActions,
        @DefaultValue("30s") Duration closeTimeout,
        @DefaultValue("true") boolean leaveGroupOnClose,
        @DefaultValue("127.0.0.1") String advertisedHost,
        Integer advertisedPort,
        @DefaultValue("256MB") DataSize rocksdbMemory,
        @DefaultValue("10000") int storeObjects,
        String instanceId,
        @DefaultValue("true") boolean staticMembership,
        @DefaultValue("45s") Duration sessionTimeout,
        Map<String, String> properties) {

    public static final DataSize DEFAULT_ROCKSDB_MEMORY = DataSize.ofMegabytes(256);
    public static final int DEFAULT_STORE_OBJECTS = TopologySettings.DEFAULT_STORE_OBJECT_CAPACITY;
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(45);

    @ConstructorBinding
    public StreamsProperties {
        rocksdbMemory = rocksdbMemory == null ? DEFAULT_ROCKSDB_MEMORY : rocksdbMemory;
        if (rocksdbMemory.toBytes() < BoundedRocksDbMemory.MINIMUM_BYTES) {
            throw new IllegalArgumentException("sitewatch.streams.rocksdb-memory=" + rocksdbMemory.toBytes() + " bytes: at least 64MB "
                    + "(the memtables and blocks of all stores share it; see docs/sizing.md)");
        }
        if (storeObjects < 1) {
            throw new IllegalArgumentException("sitewatch.streams.store-objects=" + storeObjects + ": at least 1 "
                    + "(values kept as objects per store and task; see docs/sizing.md)");
        }
        if (replicationFactor != null && replicationFactor < 1 && replicationFactor != ReplicationDefaults.BROKER_DEFAULT) {
            throw new IllegalArgumentException("sitewatch.streams.replication-factor=" + replicationFactor + ": at least 1, "
                    + "or -1 for the broker's default.replication.factor; leave it unset for 3 (or the broker count when fewer)");
        }
        if (instanceId != null) {
            StreamsInstanceId.requireValid(instanceId, "sitewatch.streams.instance-id");
        }
        sessionTimeout = sessionTimeout == null ? DEFAULT_SESSION_TIMEOUT : sessionTimeout;
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** With the default RocksDB memory, store objects and membership. */
    public StreamsProperties(boolean enabled, boolean autoStartup, String applicationId, String stateDir,
                             Duration commitInterval, int numThreads, Short replicationFactor, Duration dedupeRetention,
                             Duration punctuateInterval, int maxProblemsPerSite, int recentHaActions, Duration closeTimeout,
                             boolean leaveGroupOnClose, String advertisedHost, Integer advertisedPort,
                             Map<String, String> properties) {
        this(enabled, autoStartup, applicationId, stateDir, commitInterval, numThreads, replicationFactor, dedupeRetention,
                punctuateInterval, maxProblemsPerSite, recentHaActions, closeTimeout, leaveGroupOnClose, advertisedHost,
                advertisedPort, DEFAULT_ROCKSDB_MEMORY, DEFAULT_STORE_OBJECTS, null, true, DEFAULT_SESSION_TIMEOUT, properties);
    }
}
