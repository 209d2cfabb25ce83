package org.sitewatch.audit.support;

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

/** Realistic Proxmox-flavoured events for the audit tests, each at an explicit event time. */
public final class AuditEvents {

    public static final String PARIS = "paris-dc1";
    public static final String LONDON = "london-dr";
    public static final String FRANKFURT = "frankfurt-dc2";

    private AuditEvents() {
    }

    public static SitewatchEvent at(Instant time, EventData data) {
        return SitewatchEvent.observed(URI.create("/sitewatch/collectors/proxmox/" + data.site()), time, data);
    }

    public static VmState vm(String site, String id, PowerState power) {
        return new VmState(site, Platform.PROXMOX, id, "vm-" + id, "pve1", site, power, power.name().toLowerCase(),
                true, "started", false);
    }

    public static HaHost host(String site, String id, HaHostState state) {
        return new HaHost(site, Platform.PROXMOX, id, id, site, state, state.name().toLowerCase(),
                state == HaHostState.HEALTHY ? null : "node '" + id + "' is " + state.name().toLowerCase(), false);
    }

    public static HaCluster cluster(String site, Integer capacity, Boolean quorate) {
        return new HaCluster(site, Platform.PROXMOX, site, site, true, 3, capacity == null ? 3 : capacity + 2, capacity,
                quorate, "OK");
    }

    public static HaAction action(String site, String actionId, String vmId, HaActionKind kind, String from, String to) {
        return new HaAction(site, Platform.PROXMOX, actionId, vmId, site, kind, from, to, kind.name().toLowerCase(),
                "HA " + kind.name().toLowerCase() + " of VM " + vmId);
    }

    /** A replication job of {@code site} to {@code target}, held to {@code rpoSeconds}. */
    public static ReplicationStatus replication(String site, String item, String target, ReplicationState state,
                                                ReplicationHealth health, Long rpoSeconds, Instant lastRecoveryPoint) {
        return new ReplicationStatus(site, Platform.PROXMOX, item, item.split("-")[0], "vm-" + item, site, target, "pve1",
                "pve2", "pvesr", state, health, state.name().toLowerCase(), rpoSeconds, lastRecoveryPoint, null, null, 0,
                state == ReplicationState.FAILED ? "command 'zfs recv' failed: exit code 1" : null, false);
    }

    public static CollectorHeartbeat heartbeat(String site, long intervalSeconds) {
        return new CollectorHeartbeat(site, Platform.PROXMOX, site + "-pve", "https://pve1." + site + ".example:8006/api2/json",
                CollectorStatus.OK, null, null, 42L, null, intervalSeconds, null);
    }

    public static CollectorHeartbeat failingHeartbeat(String site, long intervalSeconds) {
        return new CollectorHeartbeat(site, Platform.PROXMOX, site + "-pve", "https://pve1." + site + ".example:8006/api2/json",
                CollectorStatus.ERROR, CollectorErrorKind.HTTP_5XX, "HTTP 500 from /cluster/resources", 42L, null,
                intervalSeconds, null);
    }

    public static ReplicationStatus replicating(String site, String item, String target, long rpoSeconds, Instant lrp) {
        return replication(site, item, target, ReplicationState.REPLICATING, ReplicationHealth.OK, rpoSeconds, lrp);
    }

    public static ReplicationStatus failed(String site, String item, String target, long rpoSeconds, Instant lrp) {
        return replication(site, item, target, ReplicationState.FAILED, ReplicationHealth.CRITICAL, rpoSeconds, lrp);
    }
}
