package org.sitewatch.bench.jmh;

import static org.sitewatch.bench.jmh.SampleEvents.T0;
import static org.sitewatch.bench.jmh.SampleEvents.event;

import java.time.Instant;
import org.sitewatch.core.fold.AggregateLimits;
import org.sitewatch.core.fold.EntityKind;
import org.sitewatch.core.fold.EntityRecord;
import org.sitewatch.core.fold.HealthRules;
import org.sitewatch.core.fold.InMemoryEstate;
import org.sitewatch.core.fold.SiteAggregate;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.VmState;

/**
 * One realistic site, folded event by event through core's {@link InMemoryEstate} (the same steps as
 * the topology): 2,000 VMs (100 stopped, 5 crashed), 16 HA hosts (one in maintenance, one failed),
 * the HA cluster, 500 replication jobs (40 failed, 4 with warnings), 3 collectors and 20 HA actions:
 * about 2,540 events, leaving an aggregate with 50 problems, 20 recent HA actions and some 20 counters.
 */
public final class SampleSite {

    public static final int VMS = 2_000;
    public static final int REPLICATED = 500;
    public static final int FIRST_VMID = 100;

    private final HealthRules rules = HealthRules.defaultRules();
    private final InMemoryEstate estate = new InMemoryEstate(rules, AggregateLimits.DEFAULTS);

    public SampleSite() {
        Instant t = T0;
        for (int i = 0; i < VMS; i++) {
            int vmid = FIRST_VMID + i;
            PowerState power = i < 5 ? PowerState.CRASHED : i % 20 == 0 ? PowerState.STOPPED : PowerState.RUNNING;
            estate.apply(event(SampleEvents.vm(vmid, power), t), t);
        }
        for (int n = 1; n <= 16; n++) {
            HaHostState state = n == 15 ? HaHostState.MAINTENANCE : n == 16 ? HaHostState.FAILED : HaHostState.HEALTHY;
            estate.apply(event(SampleEvents.host(n, state), t), t);
        }
        estate.apply(event(SampleEvents.cluster(16, 15), t), t);
        for (int i = 0; i < REPLICATED; i++) {
            estate.apply(event(replication(FIRST_VMID + i, i), t), t);
        }
        for (String collector : new String[] {"paris-pve", "paris-pve-backup", "paris-vsphere"}) {
            estate.apply(event(SampleEvents.heartbeat(collector), t), t);
        }
        for (int n = 0; n < 20; n++) {
            Instant at = t.minusSeconds(60L * (20 - n));
            estate.apply(event(SampleEvents.action(n, FIRST_VMID + 7 * n), at), t);
        }
    }

    private static ReplicationStatus replication(int vmid, int index) {
        if (index < 40) {
            return SampleEvents.replication(vmid, ReplicationState.FAILED, ReplicationHealth.CRITICAL, T0, 1200);
        }
        if (index < 44) {
            return SampleEvents.replication(vmid, ReplicationState.REPLICATING, ReplicationHealth.WARNING, T0, 600);
        }
        return SampleEvents.replication(vmid, ReplicationState.REPLICATING, ReplicationHealth.OK, T0, 300);
    }

    public HealthRules rules() {
        return rules;
    }

    public SiteAggregate aggregate() {
        return estate.site(SampleEvents.SITE).orElseThrow();
    }

    /** A running VM's stored record (no problem). */
    @SuppressWarnings("unchecked")
    public EntityRecord<VmState> vmRecord(int vmid) {
        return (EntityRecord<VmState>) estate.entity(EntityKind.VM, SampleEvents.SITE + "/" + vmid).orElseThrow();
    }

    /** A replicated item's stored record; the last 456 of the 500 are healthy. */
    @SuppressWarnings("unchecked")
    public EntityRecord<ReplicationStatus> replicationRecord(int vmid) {
        return (EntityRecord<ReplicationStatus>) estate.entity(EntityKind.REPLICATION, SampleEvents.SITE + "/" + vmid + "-0")
                .orElseThrow();
    }
}
