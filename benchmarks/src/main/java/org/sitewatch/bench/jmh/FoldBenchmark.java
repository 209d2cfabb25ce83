package org.sitewatch.bench.jmh;

import java.time.Instant;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.sitewatch.core.fold.AggregateLimits;
import org.sitewatch.core.fold.EntityFold;
import org.sitewatch.core.fold.EntityRecord;
import org.sitewatch.core.fold.FoldResult;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.SiteAggregate;
import org.sitewatch.core.fold.SiteAggregator;
import org.sitewatch.core.fold.SiteDelta;
import org.sitewatch.core.fold.SiteHealth;
import org.sitewatch.core.fold.SiteHealthEvaluator;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.VmState;

/**
 * The fold of the streams app, per event: {@link EntityFold#apply} of a VM and of a replication
 * event onto the entity's stored record, when the state changed (a delta results) and when it did
 * not (a later observation of the same state: no delta); {@link SiteAggregator#apply} of a delta onto
 * the realistic aggregate of {@link SampleSite}; and {@link SiteHealthEvaluator#evaluate} of it.
 */
public class FoldBenchmark extends ShortRun {

    private HealthRules rules;
    private Instant later;
    private EntityRecord<VmState> vmRecord;
    private SitewatchEvent vmChanged;
    private SitewatchEvent vmUnchanged;
    private EntityRecord<ReplicationStatus> replicationRecord;
    private SitewatchEvent replicationChanged;
    private SitewatchEvent replicationUnchanged;
    private SiteAggregator aggregator;
    private SiteAggregate aggregate;
    private SiteDelta vmDelta;
    private SiteDelta problemDelta;

    @Setup(Level.Trial)
    public void setUp() {
        SampleSite site = new SampleSite();
        rules = site.rules();
        int vmid = SampleSite.FIRST_VMID + SampleSite.REPLICATED - 1;
        later = SampleEvents.T0.plusSeconds(15);
        vmRecord = site.vmRecord(vmid);
        vmChanged = SampleEvents.event(SampleEvents.vm(vmid, PowerState.STOPPED), later);
        vmUnchanged = SampleEvents.event(SampleEvents.vm(vmid, PowerState.RUNNING), later);
        replicationRecord = site.replicationRecord(vmid);
        replicationChanged = SampleEvents.event(SampleEvents.replication(vmid, ReplicationState.FAILED,
                ReplicationHealth.CRITICAL, later, 315), later);
        // The next poll of a healthy job: only the lag grew.
        replicationUnchanged = SampleEvents.event(SampleEvents.replication(vmid, ReplicationState.REPLICATING,
                ReplicationHealth.OK, later, 315), later);
        aggregator = new SiteAggregator(AggregateLimits.DEFAULTS);
        aggregate = site.aggregate();
        vmDelta = requireDelta(EntityFold.apply(vmRecord, vmChanged, VmState.class, later, rules));
        problemDelta = requireDelta(EntityFold.apply(replicationRecord, replicationChanged, ReplicationStatus.class, later,
                rules));
        if (EntityFold.apply(vmRecord, vmUnchanged, VmState.class, later, rules).delta() != null
                || EntityFold.apply(replicationRecord, replicationUnchanged, ReplicationStatus.class, later, rules).delta()
                != null) {
            throw new IllegalStateException("an unchanged observation produced a delta");
        }
    }

    private static SiteDelta requireDelta(FoldResult<?> result) {
        if (result.delta() == null) {
            throw new IllegalStateException("a changed observation produced no delta");
        }
        return result.delta();
    }

    @Benchmark
    public FoldResult<VmState> vmChanged() {
        return EntityFold.apply(vmRecord, vmChanged, VmState.class, later, rules);
    }

    @Benchmark
    public FoldResult<VmState> vmUnchanged() {
        return EntityFold.apply(vmRecord, vmUnchanged, VmState.class, later, rules);
    }

    @Benchmark
    public FoldResult<ReplicationStatus> replicationChanged() {
        return EntityFold.apply(replicationRecord, replicationChanged, ReplicationStatus.class, later, rules);
    }

    @Benchmark
    public FoldResult<ReplicationStatus> replicationUnchanged() {
        return EntityFold.apply(replicationRecord, replicationUnchanged, ReplicationStatus.class, later, rules);
    }

    /** A VM stopping: counters move, no problem. */
    @Benchmark
    public SiteAggregate aggregateCountsDelta() {
        return aggregator.apply(aggregate, vmDelta);
    }

    /** A replicated item failing: counters move and a 51st problem is listed. */
    @Benchmark
    public SiteAggregate aggregateProblemDelta() {
        return aggregator.apply(aggregate, problemDelta);
    }

    @Benchmark
    public SiteHealth evaluateHealth() {
        return SiteHealthEvaluator.evaluate(aggregate, later, rules);
    }
}
