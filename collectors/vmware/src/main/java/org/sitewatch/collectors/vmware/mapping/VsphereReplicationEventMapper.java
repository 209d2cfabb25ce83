package org.sitewatch.collectors.vmware.mapping;

import java.time.Duration;
import java.util.Map;
import org.sitewatch.events.EventData;
import org.sitewatch.events.ReplicationHealth;
import org.sitewatch.events.ReplicationState;
import org.sitewatch.events.ReplicationStatus;

/**
 * Maps vSphere Replication events about one VM to its replication's new {@link ReplicationStatus}.
 * The events of the replication extension ({@code com.vmware.vcHms.*}) and the host-side ones of
 * the stock catalogue ({@code hbr.primary.*}); a dash keeps the last known value:
 *
 * <table>
 *   <caption>event → state, health</caption>
 *   <tr><td>{@code vcHms.rpoViolatedEvent}</td><td>–, WARNING</td></tr>
 *   <tr><td>{@code vcHms.rpoRestoredEvent}</td><td>REPLICATING, OK</td></tr>
 *   <tr><td>{@code vcHms.replicationConfiguredEvent}</td><td>SYNCING (the initial full sync), OK</td></tr>
 *   <tr><td>{@code vcHms.replicationUnconfiguredEvent}, {@code vcHms.vmReplicationConfigurationRemovedEvent}</td>
 *       <td>NOT_CONFIGURED, OK, removed</td></tr>
 *   <tr><td>{@code vcHms.vmRecoveredEvent}</td><td>FAILED_OVER, OK</td></tr>
 *   <tr><td>{@code vcHms.hbrDisconnectedEvent}, {@code vcHms.datastoreInaccessibleEvent},
 *       {@code vcHms.vmConfigurationReplicationFailedEvent}, {@code vcHms.vmMissingReplicationConfigurationEvent},
 *       {@code hbr.primary.NoConnectionToHbrServerEvent}, {@code hbr.primary.InvalidVmReplicationConfigurationEvent},
 *       {@code hbr.primary.InvalidDiskReplicationConfigurationEvent}</td><td>FAILED, CRITICAL</td></tr>
 *   <tr><td>{@code vcHms.hbrReconnectedEvent}, {@code hbr.primary.ConnectionRestoredToHbrServerEvent}</td>
 *       <td>REPLICATING, OK</td></tr>
 *   <tr><td>{@code vcHms.hbrOutOfSyncEvent}, {@code vcHms.failedResolvingStoragePolicyEvent},
 *       {@code hbr.primary.NoProgressWithHbrServerEvent}, {@code hbr.primary.FailedToStartDeltaEvent},
 *       {@code hbr.primary.FailedToStartSyncEvent}, {@code hbr.primary.DeltaAbortedEvent},
 *       {@code hbr.primary.PrepareDeltaTimeExceedsRpoEvent}, {@code hbr.primary.RpoTooLowForServerEvent}</td>
 *       <td>–, WARNING</td></tr>
 *   <tr><td>{@code hbr.primary.RpoOkForServerEvent}</td><td>–, OK</td></tr>
 *   <tr><td>{@code hbr.primary.SystemPausedReplication}</td><td>PAUSED, WARNING</td></tr>
 * </table>
 * ({@code vcHms.} abbreviates {@code com.vmware.vcHms.}.) {@code hbr.primary.RpoViolatedEvent} is
 * not mapped: no vCenter catalogue has it. The routine delta and sync events are left out: they
 * come every few minutes per VM and say nothing the replication API does not.
 *
 * <p>The events name the VM only, not the replication's id or target site, so an event is mapped
 * only for a VM whose replication is known (from the replication API); the rest of the record is
 * kept from it. {@code error} is the event's message while FAILED or CRITICAL, cleared by an OK
 * event; {@code lagSeconds} is recomputed at the event's time.
 */
final class VsphereReplicationEventMapper extends EventKindMapper {

    /**
     * @param state the new state; null keeps the last known one
     * @param health the new health; null keeps the last known one
     * @param removed whether the replication is gone
     */
    private record Change(ReplicationState state, ReplicationHealth health, boolean removed) {
    }

    private static final String HMS = "com.vmware.vcHms.";
    private static final String HBR = "hbr.primary.";
    private static final Change WARN = new Change(null, ReplicationHealth.WARNING, false);
    private static final Change FAIL = new Change(ReplicationState.FAILED, ReplicationHealth.CRITICAL, false);
    private static final Change BACK = new Change(ReplicationState.REPLICATING, ReplicationHealth.OK, false);
    private static final Change GONE = new Change(ReplicationState.NOT_CONFIGURED, ReplicationHealth.OK, true);

    static final Map<String, Change> CHANGES = Map.ofEntries(
            Map.entry(HMS + "rpoViolatedEvent", WARN),
            Map.entry(HMS + "rpoRestoredEvent", BACK),
            Map.entry(HMS + "replicationConfiguredEvent", new Change(ReplicationState.SYNCING, ReplicationHealth.OK, false)),
            Map.entry(HMS + "replicationUnconfiguredEvent", GONE),
            Map.entry(HMS + "vmReplicationConfigurationRemovedEvent", GONE),
            Map.entry(HMS + "vmRecoveredEvent", new Change(ReplicationState.FAILED_OVER, ReplicationHealth.OK, false)),
            Map.entry(HMS + "hbrDisconnectedEvent", FAIL),
            Map.entry(HMS + "datastoreInaccessibleEvent", FAIL),
            Map.entry(HMS + "vmConfigurationReplicationFailedEvent", FAIL),
            Map.entry(HMS + "vmMissingReplicationConfigurationEvent", FAIL),
            Map.entry(HMS + "hbrReconnectedEvent", BACK),
            Map.entry(HMS + "hbrOutOfSyncEvent", WARN),
            Map.entry(HMS + "failedResolvingStoragePolicyEvent", WARN),
            Map.entry(HBR + "NoConnectionToHbrServerEvent", FAIL),
            Map.entry(HBR + "InvalidVmReplicationConfigurationEvent", FAIL),
            Map.entry(HBR + "InvalidDiskReplicationConfigurationEvent", FAIL),
            Map.entry(HBR + "ConnectionRestoredToHbrServerEvent", BACK),
            Map.entry(HBR + "NoProgressWithHbrServerEvent", WARN),
            Map.entry(HBR + "FailedToStartDeltaEvent", WARN),
            Map.entry(HBR + "FailedToStartSyncEvent", WARN),
            Map.entry(HBR + "DeltaAbortedEvent", WARN),
            Map.entry(HBR + "PrepareDeltaTimeExceedsRpoEvent", WARN),
            Map.entry(HBR + "RpoTooLowForServerEvent", WARN),
            Map.entry(HBR + "RpoOkForServerEvent", new Change(null, ReplicationHealth.OK, false)),
            Map.entry(HBR + "SystemPausedReplication", new Change(ReplicationState.PAUSED, ReplicationHealth.WARNING, false)));

    VsphereReplicationEventMapper() {
        super(CHANGES.keySet(), "a VM whose replication is known from the replication API");
    }

    @Override
    EventData map(VcenterEvent event, KnownStates known) {
        ReplicationStatus before = known.replicationOfVm(event.vmId());
        if (before == null) {
            return null;
        }
        Change change = CHANGES.get(event.typeName());
        ReplicationState state = change.state() != null ? change.state() : before.state();
        ReplicationHealth health = change.health() != null ? change.health() : before.health();
        String error = state == ReplicationState.FAILED || health == ReplicationHealth.CRITICAL
                ? (event.message() != null ? event.message() : event.typeName())
                : health == ReplicationHealth.OK ? null : before.error();
        Long lag = before.lastRecoveryPoint() == null ? null
                : Math.max(0, Duration.between(before.lastRecoveryPoint(), event.createdTime()).getSeconds());
        return new ReplicationStatus(before.site(), before.platform(), before.itemId(), before.vmId(), before.name(),
                before.sourceSite(), before.targetSite(), before.sourceHost(), before.targetHost(), before.technology(),
                state, health, event.typeName(), before.targetRpoSeconds(), before.lastRecoveryPoint(), lag,
                before.lastTestFailover(), before.failCount(), error, change.removed());
    }
}
