package org.sitewatch.testsupport;

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

/**
 * Realistic Proxmox-flavoured events for tests, each wrapped at an explicit event time, as a
 * Proxmox collector would publish them. Values not named by a builder's parameters are fixed
 * (node {@code pve1}, engine {@code pvesr}, ...), so tests assert only what they chose.
 *
 * <p>Limit: Proxmox only; a vendor's own tests build their records directly.
 */
public final class TestEvents {

    public static final String PARIS = "paris-dc1";
    public static final String LYON = "lyon-dc2";
    public static final String FRANKFURT = "frankfurt-dc2";
    public static final String LONDON = "london-dr";
    public static final Instant T0 = Instant.parse("2025-01-07T10:00:00Z");

    private static final String FAILED_SYNC = "command 'zfs recv' failed: exit code 1";

    private TestEvents() {
    }

    public static URI source(String site) {
        return URI.create("/sitewatch/collectors/proxmox/" + site);
    }

    /** The event a collector of {@code data.site()} publishes for {@code data} at {@code time}. */
    public static SitewatchEvent event(EventData data, Instant time) {
        return SitewatchEvent.observed(source(data.site()), time, data);
    }

    /** {@link #event} with the time first, which reads better in long timelines. */
    public static SitewatchEvent at(Instant time, EventData data) {
        return event(data, time);
    }

    public static VmState vm(String site, String id, PowerState power) {
        return new VmState(site, Platform.PROXMOX, id, "vm-" + id, "pve1", site, power, power.name().toLowerCase(),
                true, "started", false);
    }

    public static VmState vmRemoved(String site, String id) {
        return new VmState(site, Platform.PROXMOX, id, "vm-" + id, "pve1", site, PowerState.STOPPED, "stopped",
                true, null, true);
    }

    /** An HA host of {@code cluster}, with no detail. */
    public static HaHost host(String site, String id, String cluster, HaHostState state) {
        return new HaHost(site, Platform.PROXMOX, id, id, cluster, state, state.name().toLowerCase(), null, false);
    }

    /** An HA host of the site's own cluster, with Proxmox's kind of detail when it is not healthy. */
    public static HaHost host(String site, String id, HaHostState state) {
        return new HaHost(site, Platform.PROXMOX, id, id, site, state, state.name().toLowerCase(),
                state == HaHostState.HEALTHY ? null : "node '" + id + "' is " + state.name().toLowerCase(), false);
    }

    /** A three-node cluster, all nodes online. */
    public static HaCluster cluster(String site, String id, Integer failoverCapacity, Boolean quorate) {
        return new HaCluster(site, Platform.PROXMOX, id, id, true, 3, 3, failoverCapacity, quorate, "OK");
    }

    /** The site's own three-node cluster, with as many nodes online as {@code failoverCapacity} implies. */
    public static HaCluster cluster(String site, Integer failoverCapacity, Boolean quorate) {
        return new HaCluster(site, Platform.PROXMOX, site, site, true, 3,
                failoverCapacity == null ? 3 : failoverCapacity + 2, failoverCapacity, quorate, "OK");
    }

    /** A replication job of VM 100 inside {@code site} (source and target are the site). */
    public static ReplicationStatus replication(String site, String item, ReplicationState state, ReplicationHealth health,
                                                Long targetRpoSeconds, Instant lastRecoveryPoint) {
        return new ReplicationStatus(site, Platform.PROXMOX, item, "100", "db-01", site, site, "pve1", "pve2", "pvesr",
                state, health, state.name().toLowerCase(), targetRpoSeconds, lastRecoveryPoint, null, null, 0,
                state == ReplicationState.FAILED ? FAILED_SYNC : null, false);
    }

    /** A replication job of {@code site} to {@code target}, held to {@code rpoSeconds}. */
    public static ReplicationStatus replication(String site, String item, String target, ReplicationState state,
                                                ReplicationHealth health, Long rpoSeconds, Instant lastRecoveryPoint) {
        return new ReplicationStatus(site, Platform.PROXMOX, item, item.split("-")[0], "vm-" + item, site, target, "pve1",
                "pve2", "pvesr", state, health, state.name().toLowerCase(), rpoSeconds, lastRecoveryPoint, null, null, 0,
                state == ReplicationState.FAILED ? FAILED_SYNC : null, false);
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

    public static ReplicationStatus replicating(String site, String item, String target, long rpoSeconds, Instant lrp) {
        return replication(site, item, target, ReplicationState.REPLICATING, ReplicationHealth.OK, rpoSeconds, lrp);
    }

    public static ReplicationStatus failed(String site, String item, String target, long rpoSeconds, Instant lrp) {
        return replication(site, item, target, ReplicationState.FAILED, ReplicationHealth.CRITICAL, rpoSeconds, lrp);
    }

    /** A heartbeat of the collector named after the site, polling every 15 s. */
    public static CollectorHeartbeat heartbeat(String site, CollectorStatus status, CollectorErrorKind kind, String error) {
        return new CollectorHeartbeat(site, Platform.PROXMOX, site, "https://pve1." + site + ".example:8006/api2/json",
                status, kind, error, 120L, null, 15, null);
    }

    public static CollectorHeartbeat heartbeatOk(String site) {
        return heartbeat(site, CollectorStatus.OK, null, null);
    }

    /** A healthy heartbeat of the collector {@code <site>-pve}, polling every {@code intervalSeconds}. */
    public static CollectorHeartbeat heartbeat(String site, long intervalSeconds) {
        return new CollectorHeartbeat(site, Platform.PROXMOX, site + "-pve", "https://pve1." + site + ".example:8006/api2/json",
                CollectorStatus.OK, null, null, 42L, null, intervalSeconds, null);
    }

    /** The heartbeat of {@code <site>-pve} after an HTTP 500 from {@code /cluster/resources}. */
    public static CollectorHeartbeat failingHeartbeat(String site, long intervalSeconds) {
        return new CollectorHeartbeat(site, Platform.PROXMOX, site + "-pve", "https://pve1." + site + ".example:8006/api2/json",
                CollectorStatus.ERROR, CollectorErrorKind.HTTP_5XX, "HTTP 500 from /cluster/resources", 42L, null,
                intervalSeconds, null);
    }

    /** An HA action on VM {@code vmId} moving it from pve2 to pve1. */
    public static HaAction action(String site, String actionId, String vmId, HaActionKind kind) {
        return action(site, actionId, vmId, kind, "pve2", "pve1");
    }

    public static HaAction action(String site, String actionId, String vmId, HaActionKind kind, String from, String to) {
        return new HaAction(site, Platform.PROXMOX, actionId, vmId, site, kind, from, to, kind.name().toLowerCase(),
                "HA " + kind.name().toLowerCase() + " of VM " + vmId);
    }
}
