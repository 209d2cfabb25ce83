package org.sitewatch.streams.topology;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.sitewatch.events.Alert;
import org.sitewatch.streams.store.WriteBehindStores;
import org.sitewatch.events.EventType;
import org.sitewatch.events.SiteHealthView;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.TopicSpec;
import org.sitewatch.events.Topics;
import org.sitewatch.core.alerts.AlertEvaluator;
import org.sitewatch.core.fold.EntityFold;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.fold.PairDelta;
import org.sitewatch.core.fold.SiteDelta;

/**
 * The Sitewatch topology: raw events -> de-duplication -> latest state per entity -> per-site
 * aggregate and verdict (published to {@link Topics#SITE_HEALTH}) and per-site-pair aggregate. It
 * creates no clients, so {@code TopologyTestDriver} runs it without a broker. Records that cannot be
 * read never reach it: the {@link DeadLetterHandler} sends them to {@link Topics#DLQ}. Every store,
 * processor and repartition topic is named ({@link StoreNames}).
 *
 * <p>Three sub-topologies: the first reads the four raw topics (co-partitioned by {@code <site>/<entity
 * id>}) and folds entities; the second, fed by the {@code site-deltas} repartition topic keyed by
 * site, keeps each site's aggregate in one task; the third, fed by the {@code pair-deltas} repartition
 * topic keyed by {@code <source>-><target>}, keeps each site pair's aggregate in one task.
 */
public final class SitewatchTopology {

    private SitewatchTopology() {
    }

    /** Adds the topology to {@code builder}. */
    public static void build(StreamsBuilder builder, TopologySettings settings) {
        StateStores.addAll(builder, settings);

        KStream<String, SitewatchEvent> events = source(builder, Topics.VM, "vm-source")
                .merge(source(builder, Topics.HA, "ha-source"), Named.as("merge-raw-ha"))
                .merge(source(builder, Topics.REPLICATION, "replication-source"), Named.as("merge-raw-replication"))
                .merge(source(builder, Topics.COLLECTOR, "collector-source"), Named.as("merge-raw-collector"));

        // One branch per event type: each kind folds into its own latest-state store.
        Map<String, KStream<String, SitewatchEvent>> byType = events.split(Named.as(StoreNames.SPLIT_BY_TYPE))
                .branch((key, e) -> e.type() == EventType.HA_ACTION, Branched.as("ha-action"))
                .branch((key, e) -> e.type() == EventType.VM_STATE, Branched.as(StoreNames.shortName(EntityKind.VM)))
                .branch((key, e) -> e.type() == EventType.HA_HOST, Branched.as(StoreNames.shortName(EntityKind.HA_HOST)))
                .branch((key, e) -> e.type() == EventType.HA_CLUSTER, Branched.as(StoreNames.shortName(EntityKind.HA_CLUSTER)))
                .branch((key, e) -> e.type() == EventType.REPLICATION_STATUS, Branched.as(StoreNames.shortName(EntityKind.REPLICATION)))
                .branch((key, e) -> e.type() == EventType.COLLECTOR_HEARTBEAT, Branched.as(StoreNames.shortName(EntityKind.COLLECTOR)))
                .noDefaultBranch();

        // HA actions are a log, not an entity: each one goes straight to its site's recent actions, once:
        // a re-sent action (same CloudEvent source + id) is dropped. Entity events need no such store: the
        // fold ignores an event it already holds or that is older than the state (event time wins).
        AlertEvaluator alerts = new AlertEvaluator(settings.alerts(), settings.rules());
        KStream<String, SitewatchEvent> actions = byType.get(StoreNames.SPLIT_BY_TYPE + "ha-action")
                .process(() -> new DedupeProcessor(settings.dedupeRetention()), Named.as(StoreNames.DEDUPE_PROCESSOR),
                        StoreNames.EVENT_IDS);
        KStream<String, Alert> entityAlerts = actions
                .process(() -> new HaActionAlertProcessor(alerts, settings.punctuateInterval()),
                        Named.as(StoreNames.HA_ACTION_ALERTS), StoreNames.ALERT_STATE, StoreNames.ALERT_DEADLINES);
        KStream<String, SiteDelta> replicationDeltas = null;
        KStream<String, SiteDelta> deltas = actions
                .map((key, e) -> KeyValue.pair(e.site(), EntityFold.actionDelta(e)), Named.as("ha-action-to-site"));
        for (EntityKind kind : EntityKind.values()) {
            String name = StoreNames.shortName(kind);
            KStream<String, SitewatchEvent> ofKind = byType.get(StoreNames.SPLIT_BY_TYPE + name);
            KStream<String, SiteDelta> folded = kind == EntityKind.REPLICATION
                    ? ofKind.process(() -> new ReplicationFoldProcessor(settings.rules(), settings.punctuateInterval()),
                            Named.as(name + "-fold"), StoreNames.REPLICATION_STATE, StoreNames.RPO_DEADLINES)
                    : ofKind.process(() -> new EntityFoldProcessor<>(kind, settings.rules()),
                            Named.as(name + "-fold"), StoreNames.forKind(kind));
            deltas = deltas.merge(folded, Named.as("merge-" + name + "-deltas"));
            if (!AlertEvaluator.rulesFor(kind).isEmpty()) {
                // Added after the fold, so it runs second on each record and reads the state just folded.
                entityAlerts = entityAlerts.merge(ofKind.process(
                        () -> new EntityAlertProcessor(kind, alerts, settings.punctuateInterval()), Named.as(name + "-alerts"),
                        StoreNames.forKind(kind), StoreNames.ALERT_STATE, StoreNames.ALERT_DEADLINES),
                        Named.as("merge-" + name + "-alerts"));
            }
            if (kind == EntityKind.REPLICATION) {
                replicationDeltas = folded;
            }
        }

        // The alert lifecycle, keyed by fingerprint, written in the same exactly-once transaction as the state.
        entityAlerts.to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
                .withName(StoreNames.ALERTS_SINK));

        // All changes of a site meet in one task, whichever partitions their entities live on.
        KStream<String, SiteHealthView> siteViews = deltas.repartition(Repartitioned.<String, SiteDelta>as(StoreNames.SITE_DELTAS)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(StoreSerdes.siteDelta()))
                .process(() -> new SiteAggregatorProcessor(settings), Named.as(StoreNames.SITE_AGGREGATOR),
                        StoreNames.SITE_AGGREGATES, StoreNames.SITE_LAG_INDEX, StoreNames.SITE_HEALTH_PUBLISHED);
        // Other consumers read each site's newest view from a compacted topic.
        siteViews.to(Topics.SITE_HEALTH.name(), Produced.with(Topics.SITE_HEALTH.keySerde(), Topics.SITE_HEALTH.valueSerde())
                        .withName(StoreNames.SITE_HEALTH_SINK));
        siteViews.process(() -> new SiteAlertProcessor(alerts, settings.punctuateInterval()), Named.as(StoreNames.SITE_ALERTS),
                        StoreNames.SITE_ALERT_STATE, StoreNames.SITE_ALERT_DEADLINES, StoreNames.SITE_HEALTH_PUBLISHED)
                .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
                        .withName(StoreNames.SITE_ALERTS_SINK));

        // Built last, so the site aggregator keeps sub-topology 1 (its task ids) from before pairs existed.
        pairs(replicationDeltas);
    }

    /** A replicated item's changes also count for its site pair, whose items report from any partition. */
    private static void pairs(KStream<String, SiteDelta> replicationDeltas) {
        replicationDeltas
                .flatMap((site, delta) -> PairDelta.of(delta).stream().map(p -> KeyValue.pair(p.pair(), p)).toList(),
                        Named.as(StoreNames.REPLICATION_TO_PAIRS))
                .repartition(Repartitioned.<String, PairDelta>as(StoreNames.PAIR_DELTAS)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(StoreSerdes.pairDelta()))
                .process(PairAggregatorProcessor::new, Named.as(StoreNames.PAIR_AGGREGATOR),
                        StoreNames.PAIR_AGGREGATES, StoreNames.PAIR_INDEX);
    }

    /**
     * Builds the topology with the given Streams properties, so settings such as
     * {@code ensure.explicit.internal.resource.naming} are checked while building.
     */
    public static Topology topology(Properties streamsProperties, TopologySettings settings) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(streamsProperties)));
        build(builder, settings);
        return builder.build(streamsProperties);
    }

    private static KStream<String, SitewatchEvent> source(StreamsBuilder builder, TopicSpec<String, SitewatchEvent> topic,
                                                          String name) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name));
    }

    /**
     * The state stores, persistent (RocksDB), each with its changelog. Stores read and written per record
     * keep their values as objects and write once per commit ({@link WriteBehindStores}); index and
     * deadline stores, read by range, are plain RocksDB.
     */
    private static final class StateStores {

        static void addAll(StreamsBuilder builder, TopologySettings settings) {
            builder.addStateStore(Stores.windowStoreBuilder(
                    Stores.persistentWindowStore(StoreNames.EVENT_IDS, settings.dedupeRetention(), settings.dedupeRetention(), false),
                    Serdes.String(), Serdes.Long()));
            int objects = settings.storeObjectCapacity();
            for (EntityKind kind : EntityKind.values()) {
                builder.addStateStore(WriteBehindStores.persistent(StoreNames.forKind(kind), StoreSerdes.entityRecord(kind), objects));
            }
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(StoreNames.RPO_DEADLINES), Serdes.String(), Serdes.String()));
            builder.addStateStore(WriteBehindStores.resident(StoreNames.SITE_AGGREGATES, StoreSerdes.siteAggregate(), objects));
            // Index stores are read by prefix at query time; no cache, so every write is a plain RocksDB put.
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(StoreNames.SITE_LAG_INDEX), Serdes.String(), Serdes.String()));
            builder.addStateStore(WriteBehindStores.persistent(StoreNames.SITE_HEALTH_PUBLISHED, StoreSerdes.siteHealthView(), objects));
            builder.addStateStore(WriteBehindStores.resident(StoreNames.PAIR_AGGREGATES, StoreSerdes.pairAggregate(), objects));
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(StoreNames.PAIR_INDEX), Serdes.String(), Serdes.String()));
            builder.addStateStore(WriteBehindStores.persistent(StoreNames.ALERT_STATE, StoreSerdes.alertMemory(), objects));
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(StoreNames.ALERT_DEADLINES), Serdes.String(), Serdes.String()));
            builder.addStateStore(WriteBehindStores.persistent(StoreNames.SITE_ALERT_STATE, StoreSerdes.alertMemory(), objects));
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(StoreNames.SITE_ALERT_DEADLINES), Serdes.String(), Serdes.String()));
        }
    }
}
