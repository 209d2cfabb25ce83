package org.sitewatch.collectors.hyperv;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.sitewatch.collectors.hyperv.HypervEnums.ReplicationMode;

/**
 * Test failovers seen in one report, by the replicated VM's id. A test failover
 * ({@code Start-VMFailover -AsTest}) runs on the replica host: it creates a test VM
 * ({@code <name> - Test}, mode TestReplica) which the replica's Get-VMReplication names as
 * {@code TestVirtualMachine}. So a replica-side record gives evidence for its VM:
 * <ul>
 *   <li>a test VM that still exists: its {@code CreationTime} (when the test started), or the
 *       report's time when that is missing (a test is running now);</li>
 *   <li>Measure-VMReplication's {@code LastTestFailoverInitiatedTime}, when reported.</li>
 * </ul>
 * The item itself is published by the primary's collector, usually another endpoint; the
 * collector that runs both carries this map from the replica's report to the primary's mapping.
 * Within one report the evidence also serves a host that is primary for some VMs and replica for
 * others. What it cannot see: a test VM already deleted before any poll, when the statistics
 * (over their monitoring interval) do not report the test either.
 */
final class TestFailoverEvidence {

    private TestFailoverEvidence() {
    }

    static Map<String, Instant> from(HypervReport report) {
        Map<String, HypervReport.Vm> vmsById = new HashMap<>();
        report.vms().forEach(vm -> vmsById.put(vm.id(), vm));
        Map<String, Instant> newest = new HashMap<>();
        for (HypervReport.Replication r : report.replications()) {
            if (r.mode().known() == ReplicationMode.Primary) {
                continue;
            }
            if (r.testVmId() != null) {
                HypervReport.Vm testVm = vmsById.get(r.testVmId());
                Instant started = testVm != null && testVm.creationTime() != null ? testVm.creationTime()
                        : report.collectedAt();
                keepNewest(newest, r.vmId(), started);
            }
            if (r.statistics() != null) {
                keepNewest(newest, r.vmId(), r.statistics().lastTestFailoverInitiated());
            }
        }
        return newest;
    }

    private static void keepNewest(Map<String, Instant> newest, String vmId, Instant time) {
        if (time != null) {
            newest.merge(vmId, time, (a, b) -> a.isAfter(b) ? a : b);
        }
    }
}
