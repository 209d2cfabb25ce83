package org.sitewatch.bench.jmh;

import java.net.URI;
import java.time.Instant;
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

/**
 * Events as the Proxmox collector of one site publishes them, with realistic names and values (the
 * shapes of test-support's TestEvents, which benchmarks may not depend on). Every builder is
 * deterministic in its arguments.
 */
public final class SampleEvents {

    public static final String SITE = "paris-dc1";
    public static final String DR_SITE = "london-dr";
    public static final URI SOURCE = URI.create("/sitewatch/collectors/proxmox/" + SITE);
    public static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private SampleEvents() {
    }

    public static SitewatchEvent event(EventData data, Instant time) {
        return SitewatchEvent.observed(SOURCE, time, data);
    }

    public static VmState vm(int vmid, PowerState power) {
        String node = node(vmid);
        boolean ha = vmid % 4 == 0;
        return new VmState(SITE, Platform.PROXMOX, Integer.toString(vmid), "par-app-" + vmid, node, "paris", power,
                power.name().toLowerCase(), ha, ha ? "started" : null, false);
    }

    /** A pvesr job of VM {@code vmid} to the DR node, synced {@code lagSeconds} before {@code now}. */
    public static ReplicationStatus replication(int vmid, ReplicationState state, ReplicationHealth health, Instant now,
                                                long lagSeconds) {
        Instant lastSync = now.minusSeconds(lagSeconds);
        boolean failed = state == ReplicationState.FAILED;
        return new ReplicationStatus(SITE, Platform.PROXMOX, vmid + "-0", Integer.toString(vmid), "par-app-" + vmid,
                SITE, DR_SITE, node(vmid), "pve-par-dr1", "pvesr", state, health, failed
                ? "command 'zfs recv -F -- rpool/data/vm-" + vmid + "-disk-0' failed: exit code 1" : "OK",
                1800L, lastSync, lagSeconds, null, failed ? 3 : 0,
                failed ? "command 'zfs recv -F -- rpool/data/vm-" + vmid + "-disk-0' failed: exit code 1" : null, false);
    }

    public static HaHost host(int n, HaHostState state) {
        String id = "pve-par-" + n;
        return new HaHost(SITE, Platform.PROXMOX, id, id, "paris", state, state.name().toLowerCase(),
                state == HaHostState.HEALTHY ? null : "node '" + id + "' is " + state.name().toLowerCase(), false);
    }

    public static HaCluster cluster(int nodes, int online) {
        return new HaCluster(SITE, Platform.PROXMOX, "paris", "paris", true, nodes, online, online - nodes / 2 - 1,
                online > nodes / 2, "OK");
    }

    public static CollectorHeartbeat heartbeat(String collectorId) {
        return new CollectorHeartbeat(SITE, Platform.PROXMOX, collectorId, "https://pve-par-1.paris.example:8006/api2/json",
                CollectorStatus.OK, null, null, 412L, T0, 15, null);
    }

    public static HaAction action(int n, int vmid) {
        HaActionKind kind = HaActionKind.values()[n % HaActionKind.values().length];
        return new HaAction(SITE, Platform.PROXMOX, "paris:" + vmid + ":" + n, Integer.toString(vmid), "paris", kind,
                node(vmid), node(vmid + 1), kind.name().toLowerCase(), "HA " + kind.name().toLowerCase() + " of VM " + vmid);
    }

    /** The node a VM runs on: 16 nodes, round robin. */
    static String node(int vmid) {
        return "pve-par-" + (1 + vmid % 16);
    }
}
