package org.sitewatch.events;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** One realistic data record per event type, used by the contract tests. */
final class SampleEvents {

    static final URI SOURCE = URI.create("/sitewatch/collectors/proxmox/paris-dc1");
    static final Instant TIME = Instant.parse("2025-01-07T10:00:00Z");

    static final VmState VM = new VmState("paris-dc1", Platform.PROXMOX, "100", "db-01", "pve1", "paris",
            PowerState.RUNNING, "running", true, "started", false);
    static final HaHost HOST = new HaHost("paris-dc1", Platform.PROXMOX, "pve2", "pve2", "paris",
            HaHostState.FAILED, "fence", "old timestamp - dead?", false);
    static final HaCluster CLUSTER = new HaCluster("paris-dc1", Platform.PROXMOX, "paris", "paris", true, 3, 2, 0,
            true, "OK");
    static final HaAction ACTION = new HaAction("paris-dc1", Platform.PROXMOX, "vm:100@1736244000", "100", "paris",
            HaActionKind.FENCE, "pve2", null, "fence", "waiting for pve2 to be fenced");
    static final ReplicationStatus REPLICATION = new ReplicationStatus("paris-dc1", Platform.PROXMOX, "100-0", "100",
            "db-01", "paris-dc1", "paris-dc1", "pve1", "pve2", "pvesr", ReplicationState.FAILED,
            ReplicationHealth.CRITICAL, "command 'zfs recv' failed", 900L, Instant.parse("2025-01-07T09:55:00Z"),
            300L, null, 2, "command 'zfs recv' failed: exit code 1", false);
    static final CollectorHeartbeat HEARTBEAT = new CollectorHeartbeat("paris-dc1", Platform.PROXMOX, "paris-dc1",
            "https://pve1.paris.example:8006/api2/json", CollectorStatus.ERROR, CollectorErrorKind.HTTP_5XX,
            "HTTP 500 from /cluster/status", 120L, Instant.parse("2025-01-07T09:59:00Z"), 15, null);

    static final CollectorHeartbeat PARTIAL_HEARTBEAT = new CollectorHeartbeat("paris-dc1", Platform.PROXMOX,
            "paris-dc1", "https://pve1.paris.example:8006/api2/json", CollectorStatus.OK, null, null, 80L,
            Instant.parse("2025-01-07T10:00:00Z"), 15, null, List.of(new UnreadableScope(
                    EventType.REPLICATION_STATUS.typeName(), "node pve2", "HTTP 500 from /nodes/pve2/replication")));

    /** A VMware Cloud on AWS SDDC's heartbeat: the endpoint is configured with its cloud and region. */
    static final CollectorHeartbeat LOCATED_HEARTBEAT = new CollectorHeartbeat("vmc-frankfurt", Platform.VSPHERE,
            "vmc-frankfurt", "https://vcenter.sddc-3-121-0-1.vmwarevmc.com/sdk", CollectorStatus.OK, null, null, 95L,
            Instant.parse("2025-01-07T10:00:00Z"), 15, null, List.of(), new SiteLocation("aws", "eu-central-1"));

    static final List<EventData> ALL = List.of(VM, HOST, CLUSTER, ACTION, REPLICATION, HEARTBEAT, PARTIAL_HEARTBEAT,
            LOCATED_HEARTBEAT);

    private SampleEvents() {
    }
}
