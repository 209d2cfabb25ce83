package org.sitewatch.collectors.hyperv;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sitewatch.collectors.spi.Scope;
import org.sitewatch.collectors.spi.Snapshot;
import org.sitewatch.events.EventType;
import org.sitewatch.events.ReplicationStatus;

/**
 * Turns one host's {@link HypervReport} into the parts of a {@link Snapshot}: its VMs, the
 * replications it sends, and, on a cluster node, the cluster's nodes, the cluster and the
 * actions derived from its VM roles ({@link ClusterGroupTracker}, which is why one mapper serves
 * one endpoint for its whole life).
 *
 * <p>What is not read is said, never taken as removed: a record that could not be read is
 * skipped and its type marked partial; a Get-VMReplication or Measure-VMReplication failure makes
 * the node's replications unreadable; a cluster whose cmdlets failed, whose service is stopped on
 * the node, or whose PowerShell module is missing makes the cluster's hosts and the cluster
 * unreadable, with the reason. A host without the cluster service is a standalone host: no
 * cluster records, and its VMs are not HA protected.
 */
public final class HypervSnapshotMapper {

    private final String site;
    private final HypervReplicationMapper replications;
    private final ClusterGroupTracker groups = new ClusterGroupTracker();

    /**
     * @param site the endpoint's Sitewatch site
     * @param block the settings block's full key, e.g. {@code sitewatch.collectors.endpoints[0].hyperv}
     */
    public HypervSnapshotMapper(String site, HypervSettings settings, String block) {
        this.site = site;
        this.replications = new HypervReplicationMapper(site, settings, block);
    }

    /**
     * The test failovers this report shows (it is a replica host for them), by VM id, to hand to
     * the mapping of the primary's report ({@link TestFailoverEvidence}).
     */
    public static Map<String, Instant> testFailovers(HypervReport report) {
        return TestFailoverEvidence.from(report);
    }

    /**
     * Maps one host's report (a standalone host, or one cluster node read alone).
     *
     * @param testFailoversElsewhere test failovers other endpoints' reports showed, by VM id
     */
    public void map(HypervReport report, Snapshot.Builder snapshot, Map<String, Instant> testFailoversElsewhere) {
        map(List.of(report), snapshot, testFailoversElsewhere);
    }

    /**
     * Maps the reports of one endpoint's hosts read in the same poll: every node of a failover
     * cluster (Get-VM and Get-VMReplication see only the node they run on). The first report's
     * clustering stands for the cluster (every node reports the same cluster); a VM or
     * replication reported by two nodes (while it moves) is mapped once, from the first. Test
     * failovers any of the reports shows are given to all of them.
     *
     * @param testFailoversElsewhere test failovers other endpoints' reports showed, by VM id
     */
    public void map(List<HypervReport> reports, Snapshot.Builder snapshot, Map<String, Instant> testFailoversElsewhere) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("no report to map");
        }
        Instant now = snapshot.observedAt();
        HypervReport first = reports.get(0);
        HypervReport.Clustering clustering = first.clustering();
        String cluster = clustering.ok() ? clustering.name() : null;
        Map<String, String> groupStateByVm = new HashMap<>();
        if (clustering.ok()) {
            for (HypervReport.Group group : clustering.groups()) {
                groupStateByVm.put(group.vmId() != null ? group.vmId() : "name:" + group.name(), group.state().raw());
            }
        }
        Map<String, Instant> tests = new HashMap<>(testFailoversElsewhere);
        for (HypervReport report : reports) {
            TestFailoverEvidence.from(report).forEach((vm, time) -> tests.merge(vm, time, HypervSnapshotMapper::later));
        }
        Map<String, String> vmIdsByName = new HashMap<>();
        Set<String> mappedVms = new HashSet<>();
        Set<String> mappedReplications = new HashSet<>();
        for (HypervReport report : reports) {
            for (HypervReport.Vm vm : report.vms()) {
                if (!mappedVms.add(vm.id())) {
                    continue;
                }
                vmIdsByName.putIfAbsent(vm.name(), vm.id());
                String groupState = groupStateByVm.getOrDefault(vm.id(), groupStateByVm.get("name:" + vm.name()));
                snapshot.state(HypervVmMapper.map(site, vm, cluster, groupState));
            }
            for (HypervReport.Skip skip : report.skipped()) {
                snapshot.skipped(skip.reason()).partial(switch (skip.part()) {
                    case VM -> EventType.VM_STATE;
                    case REPLICATION -> EventType.REPLICATION_STATUS;
                    case CLUSTER -> EventType.HA_HOST;
                });
            }
            mapReplications(report, snapshot, tests, mappedReplications, now);
        }
        mapCluster(first, snapshot, vmIdsByName, now);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private void mapReplications(HypervReport report, Snapshot.Builder snapshot, Map<String, Instant> tests,
                                 Set<String> mapped, Instant now) {
        for (HypervReport.Replication r : report.replications()) {
            try {
                ReplicationStatus item = replications.map(r, tests, now);
                if (item != null && mapped.add(item.itemId())) {
                    snapshot.state(item);
                }
            } catch (IllegalArgumentException e) {
                snapshot.skipped(e.getMessage()).partial(EventType.REPLICATION_STATUS);
            }
        }
        if (report.replicationError() != null) {
            snapshot.unreadable(EventType.REPLICATION_STATUS, Scope.node(host(report)),
                    "Hyper-V Replica could not be read: " + report.replicationError());
        }
    }

    private void mapCluster(HypervReport report, Snapshot.Builder snapshot, Map<String, String> vmIdsByName,
                            Instant now) {
        HypervReport.Clustering clustering = report.clustering();
        String status = clustering.status().toLowerCase(Locale.ROOT);
        String reason = switch (status) {
            case "ok" -> clustering.name() == null ? "the cluster on " + host(report) + " reported no name" : null;
            case "notinstalled" -> null;
            case "servicestopped" -> "the cluster service is not running on " + host(report);
            case "nocmdlets" -> "the FailoverClusters PowerShell module is missing on " + host(report)
                    + " (install the RSAT-Clustering-PowerShell feature)";
            case "error" -> "the cluster could not be read on " + host(report) + ": " + clustering.error();
            default -> "unknown clustering status '" + clustering.status() + "' from " + host(report);
        };
        if (reason != null) {
            Scope scope = clustering.name() != null ? Scope.cluster(clustering.name()) : Scope.node(host(report));
            snapshot.unreadable(EventType.HA_HOST, scope, reason);
            snapshot.unreadable(EventType.HA_CLUSTER, scope, reason);
            return;
        }
        if (!clustering.ok()) {
            return;
        }
        clustering.nodes().forEach(node -> snapshot.state(HypervClusterMapper.host(site, clustering.name(), node)));
        snapshot.state(HypervClusterMapper.cluster(site, clustering));
        groups.update(site, clustering, vmIdsByName, now).forEach(snapshot::action);
    }

    private static String host(HypervReport report) {
        return report.computerName() == null ? "(unnamed host)" : report.computerName();
    }
}
