package org.sitewatch.bench.jmh;

import java.time.Instant;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.sitewatch.core.fold.EntityFold;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.fold.EntityRecord;
import org.sitewatch.core.fold.SiteAggregate;
import org.sitewatch.core.fold.SiteDelta;
import org.apache.kafka.common.serialization.Serde;
import org.sitewatch.events.JsonValueSerde;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.VmState;
import org.sitewatch.streams.topology.StoreSerdes;

/**
 * The streams app's store and repartition serdes ({@link StoreSerdes}, JSON): an entity record of a
 * VM and of a replicated item, a site delta carrying a new problem, and the realistic site aggregate
 * of {@link SampleSite} (50 problems, 20 HA actions, 3 collectors), each written and read back.
 * Sizes are printed once per trial ({@code [size] ...}).
 */
public class StoreSerdesBenchmark extends ShortRun {

    private static final String TOPIC = "bench";

    private final JsonValueSerde<EntityRecord<VmState>> vmSerde = StoreSerdes.entityRecord(EntityKind.VM);
    private final JsonValueSerde<EntityRecord<ReplicationStatus>> replicationSerde =
            StoreSerdes.entityRecord(EntityKind.REPLICATION);
    private final Serde<SiteDelta> deltaSerde = StoreSerdes.siteDelta();
    /** The JSON form the site deltas had before the binary codec, for comparison. */
    private final JsonValueSerde<SiteDelta> deltaJsonSerde = new JsonValueSerde<>(SiteDelta.class);
    private final JsonValueSerde<SiteAggregate> aggregateSerde = StoreSerdes.siteAggregate();

    private EntityRecord<VmState> vmRecord;
    private EntityRecord<ReplicationStatus> replicationRecord;
    private SiteDelta delta;
    private SiteAggregate aggregate;
    private byte[] vmBytes;
    private byte[] replicationBytes;
    private byte[] deltaBytes;
    private byte[] deltaJsonBytes;
    private byte[] aggregateBytes;

    @Setup(Level.Trial)
    public void setUp() {
        SampleSite site = new SampleSite();
        int vmid = SampleSite.FIRST_VMID + SampleSite.REPLICATED - 1;
        vmRecord = site.vmRecord(vmid);
        replicationRecord = site.replicationRecord(vmid);
        Instant later = SampleEvents.T0.plusSeconds(15);
        // A healthy item failing: the delta carries counts before and after and the new problem.
        delta = EntityFold.apply(replicationRecord, SampleEvents.event(SampleEvents.replication(vmid,
                        ReplicationState.FAILED, ReplicationHealth.CRITICAL, later, 315), later), ReplicationStatus.class,
                later, site.rules()).delta();
        aggregate = site.aggregate();
        vmBytes = vmSerde.serialize(TOPIC, vmRecord);
        replicationBytes = replicationSerde.serialize(TOPIC, replicationRecord);
        deltaBytes = deltaSerde.serializer().serialize(TOPIC, delta);
        deltaJsonBytes = deltaJsonSerde.serialize(TOPIC, delta);
        aggregateBytes = aggregateSerde.serialize(TOPIC, aggregate);
        System.out.printf("[size] entityRecord(VM) %d bytes, entityRecord(REPLICATION) %d bytes, siteDelta %d bytes (JSON %d), "
                        + "siteAggregate %d bytes (%d counters, %d problems, %d collectors, %d HA actions)%n",
                vmBytes.length, replicationBytes.length, deltaBytes.length, deltaJsonBytes.length, aggregateBytes.length,
                aggregate.counts().size(), aggregate.problems().size(), aggregate.collectors().size(),
                aggregate.recentHaActions().size());
    }

    @Benchmark
    public byte[] vmRecordSerialize() {
        return vmSerde.serialize(TOPIC, vmRecord);
    }

    @Benchmark
    public EntityRecord<VmState> vmRecordDeserialize() {
        return vmSerde.deserialize(TOPIC, vmBytes);
    }

    @Benchmark
    public byte[] replicationRecordSerialize() {
        return replicationSerde.serialize(TOPIC, replicationRecord);
    }

    @Benchmark
    public EntityRecord<ReplicationStatus> replicationRecordDeserialize() {
        return replicationSerde.deserialize(TOPIC, replicationBytes);
    }

    @Benchmark
    public byte[] siteDeltaSerialize() {
        return deltaSerde.serializer().serialize(TOPIC, delta);
    }

    @Benchmark
    public SiteDelta siteDeltaDeserialize() {
        return deltaSerde.deserializer().deserialize(TOPIC, deltaBytes);
    }

    @Benchmark
    public byte[] siteDeltaJsonSerialize() {
        return deltaJsonSerde.serialize(TOPIC, delta);
    }

    @Benchmark
    public SiteDelta siteDeltaJsonDeserialize() {
        return deltaJsonSerde.deserialize(TOPIC, deltaJsonBytes);
    }

    @Benchmark
    public byte[] siteAggregateSerialize() {
        return aggregateSerde.serialize(TOPIC, aggregate);
    }

    @Benchmark
    public SiteAggregate siteAggregateDeserialize() {
        return aggregateSerde.deserialize(TOPIC, aggregateBytes);
    }
}
