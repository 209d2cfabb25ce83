package org.sitewatch.streams.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * Routing from Kafka Streams' own metadata: the owner of a key is
 * {@link KafkaStreams#queryMetadataForKey}'s active host; the instances of a store are those with it
 * among their active stores ({@link KafkaStreams#streamsMetadataForStore}). Standbys are never asked.
 *
 * <p>Before a fan-out it checks that the active partitions of those instances leave no gap (every
 * partition from 0 to the highest seen is owned by someone); a gap means an assignment is in flux and
 * the answer would be partial. Known limit: a missing highest partition goes unnoticed by that check,
 * but then the instance state is REBALANCING, which every instance checks before answering.
 *
 * <p>Without an advertised address ({@code application.server} unset, e.g. no web server) it routes
 * everything locally, as a single instance must.
 */
public final class KafkaStreamsRouting implements Routing {

    private static final Serializer<String> KEYS = Serdes.String().serializer();

    private final Supplier<KafkaStreams> streams;
    private final Supplier<HostInfo> self;
    private final Map<String, Set<String>> storeTopics;

    /** @param self this instance's advertised address, null while unknown or when none is advertised */
    public KafkaStreamsRouting(Supplier<KafkaStreams> streams, Supplier<HostInfo> self) {
        this(streams, self, Map.of());
    }

    /**
     * @param storeTopics each store's sub-topology source topics (from {@code Topology.describe()}), to
     *     tell which of this instance's partitions hold the store
     */
    public KafkaStreamsRouting(Supplier<KafkaStreams> streams, Supplier<HostInfo> self, Map<String, Set<String>> storeTopics) {
        this.streams = streams;
        this.self = self;
        this.storeTopics = Map.copyOf(storeTopics);
    }

    /**
     * Kafka 4's state updater restores a newly assigned task while the client is RUNNING; local store
     * queries then silently leave that partition out. Asking each assigned partition by itself
     * ({@link StoreQueryParameters#withPartition}) throws for one that cannot be read yet.
     */
    @Override
    public void requireLocalPartsReadable(String store) {
        Set<String> topics = storeTopics.get(store);
        HostInfo me = self.get();
        if (topics == null || me == null) {
            return;
        }
        KafkaStreams ks = running();
        for (StreamsMetadata md : ks.streamsMetadataForStore(store)) {
            if (!md.hostInfo().equals(me)) {
                continue;
            }
            Set<Integer> partitions = new TreeSet<>();
            md.topicPartitions().stream().filter(tp -> topics.contains(tp.topic())).forEach(tp -> partitions.add(tp.partition()));
            for (int p : partitions) {
                try {
                    ks.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore())
                            .withPartition(p)).approximateNumEntries();
                } catch (InvalidStateStoreException e) {
                    throw notReady("partition " + p + " of " + store + " is assigned here but not readable yet: " + e.getMessage());
                }
            }
        }
    }

    @Override
    public Target owner(String store, String key) {
        if (self.get() == null) {
            return Target.LOCAL;
        }
        KeyQueryMetadata md = running().queryMetadataForKey(store, key, KEYS);
        if (md == null || KeyQueryMetadata.NOT_AVAILABLE.equals(md) || md.activeHost() == null || md.activeHost().port() < 0) {
            throw notReady("no instance owns the key '" + key + "' of " + store + " right now");
        }
        return target(md.activeHost());
    }

    @Override
    public List<Target> instances(String store) {
        if (self.get() == null) {
            return List.of(Target.LOCAL);
        }
        Collection<StreamsMetadata> all = running().streamsMetadataForStore(store);
        List<StreamsMetadata> active = all.stream().filter(md -> md.stateStoreNames().contains(store)).toList();
        if (active.isEmpty()) {
            throw notReady("no instance holds " + store + " right now");
        }
        checkNoGap(store, active);
        List<Target> targets = new ArrayList<>();
        for (StreamsMetadata md : active) {
            if (md.port() < 0) {
                throw notReady("an instance holding " + store + " advertises no address (application.server)");
            }
            targets.add(target(md.hostInfo()));
        }
        targets.sort(Comparator.comparing((Target t) -> !t.local()).thenComparing(Target::host).thenComparing(Target::port));
        return targets;
    }

    private static void checkNoGap(String store, List<StreamsMetadata> active) {
        Map<String, TreeSet<Integer>> byTopic = new HashMap<>();
        for (StreamsMetadata md : active) {
            for (TopicPartition tp : md.topicPartitions()) {
                byTopic.computeIfAbsent(tp.topic(), t -> new TreeSet<>()).add(tp.partition());
            }
        }
        byTopic.forEach((topic, partitions) -> {
            if (partitions.size() != partitions.last() + 1) {
                throw notReady("partitions of " + topic + " are not all assigned (" + store + ")");
            }
        });
    }

    private Target target(HostInfo host) {
        HostInfo me = self.get();
        boolean local = host.host().equals(me.host()) && host.port() == me.port();
        return local ? Target.LOCAL : new Target(host.host(), host.port(), false);
    }

    private KafkaStreams running() {
        KafkaStreams ks = streams.get();
        if (ks == null || ks.state() != KafkaStreams.State.RUNNING) {
            String state = ks == null ? "CREATED" : ks.state().name();
            throw new NotReadyException(Readiness.notReady(state, "Kafka Streams is " + state));
        }
        return ks;
    }

    private static NotReadyException notReady(String reason) {
        return new NotReadyException(Readiness.notReady("REBALANCING", reason));
    }
}
