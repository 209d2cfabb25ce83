package org.sitewatch.core.support;

import java.net.URI;
import java.time.Instant;
import org.sitewatch.events.CollectorErrorKind;
import org.sitewatch.events.CollectorHeartbeat;
import org.sitewatch.events.CollectorStatus;
import org.sitewatch.events.EventData;
import org.sitewatch.events.HaAction;
import org.sitewatch.events.HaActionKind;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;
import org.sitewatch.events.PowerState;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;
import org.sitewatch.events.SitewatchEvent;
import org.sitewatch.events.VmState;

/** Realistic events for the tests, Proxmox-flavoured, all at explicit event times. */
public final class TestEvents {

    public static final String PARIS = "paris-dc1";
    public static final String LYON = "lyon-dc2";
    public static final String LONDON = "london-dr";
    public static final Instant T0 = Instant.parse("2025-01-07T10:00:00Z");

    private TestEvents() {
    }

    public static URI source(String site) {
        return URI.create("/sitewatch/collectors/proxmox/" + site);
    }

    public static SitewatchEvent event(EventData data, Instant time) {
        return SitewatchEvent.observed(source(data.site()), time, data);
    }

    public static VmState vm(String site, String id, PowerState power) {
        return new VmState(site, Platform.PROXMOX, id, "vm-" + id, "pve1", "paris", power, power.name().toLowerCase(),
                true, "started", false);
    }

    public static VmState vmRemoved(String site, String id) {
        return new VmState(site, Platform.PROXMOX, id, "vm-" + id, "pve1", "paris", PowerState.STOPPED, "stopped",
                true, null, true);
    }

    public static HaHost host(String site, String id, String cluster, HaHostState state) {
        return new HaHost(site, Platform.PROXMOX, id, id, cluster, state, state.name().toLowerCase(), null, false);
    }

    public static HaCluster cluster(String site, String id, Integer failoverCapacity, Boolean quorate) {
        return new HaCluster(site, Platform.PROXMOX, id, id, true, 3, 3, failoverCapacity, quorate, "OK");
    }

    public static ReplicationStatus replication(String site, String item, ReplicationState state, ReplicationHealth health,
                                                Long targetRpoSeconds, Instant lastRecoveryPoint) {
        return new ReplicationStatus(site, Platform.PROXMOX, item, "100", "db-01", site, site, "pve1", "pve2", "pvesr",
                state, health, state.name().toLowerCase(), targetRpoSeconds, lastRecoveryPoint, null, null, 0,
                state == ReplicationState.FAILED ? "command 'zfs recv' failed: exit code 1" : null, false);
    }

    /** A replicated item of the pair {@code source -> target}, reported by {@code site}. */
    public static ReplicationStatus replicated(String site, String item, String source, String target, ReplicationState state,
                                               ReplicationHealth health, Long targetRpoSeconds, Instant lastRecoveryPoint,
                                               Instant lastTestFailover) {
        return new ReplicationStatus(site, Platform.PROXMOX, item, item.split("-")[0], "vm-" + item, source, target, "pve1",
                "pve2", "pvesr", state, health, state.name().toLowerCase(), targetRpoSeconds, lastRecoveryPoint, null,
                lastTestFailover, 0, state == ReplicationState.FAILED ? "sync failed" : null, false);
    }

    public static ReplicationStatus replicatedRemoved(String site, String item, String source, String target) {
        return new ReplicationStatus(site, Platform.PROXMOX, item, item.split("-")[0], "vm-" + item, source, target, "pve1",
                "pve2", "pvesr", ReplicationState.REPLICATING, ReplicationHealth.OK, null, 900L, null, null, null, 0, null, true);
    }

    public static ReplicationStatus replicating(String site, String item, long targetRpoSeconds, Instant lastRecoveryPoint) {
        return replication(site, item, ReplicationState.REPLICATING, ReplicationHealth.OK, targetRpoSeconds, lastRecoveryPoint);
    }

    public static CollectorHeartbeat heartbeat(String site, CollectorStatus status, CollectorErrorKind kind, String error) {
        return new CollectorHeartbeat(site, Platform.PROXMOX, site, "https://pve1." + site + ".example:8006/api2/json",
                status, kind, error, 120L, null, 15, null);
    }

    public static CollectorHeartbeat heartbeatOk(String site) {
        return heartbeat(site, CollectorStatus.OK, null, null);
    }

    public static HaAction action(String site, String actionId, String vmId, HaActionKind kind) {
        return new HaAction(site, Platform.PROXMOX, actionId, vmId, "paris", kind, "pve2", "pve1", kind.name().toLowerCase(),
                "HA " + kind.name().toLowerCase() + " of VM " + vmId);
    }
}
