package org.sitewatch.collectors.vmware.mapping;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.sitewatch.events.HaCluster;
import org.sitewatch.events.HaHost;
import org.sitewatch.events.HaHostState;
import org.sitewatch.events.Platform;

/**
 * Maps a cluster's HA configuration and summary to {@link HaCluster}.
 *
 * <p>Failover capacity, the number of further host failures whose VMs HA can still restart, read
 * from {@code summary.admissionControlInfo} by its type:
 * <ul>
 *   <li>{@code ClusterFailoverLevelAdmissionControlInfo} (slot policy): {@code currentFailoverLevel};</li>
 *   <li>{@code ClusterFailoverResourcesAdmissionControlInfo} (percentage policy): 0 when the CPU
 *       or memory available for failover is below what the policy reserves; otherwise the
 *       policy's host failures to tolerate ({@code failoverLevel}, else the cluster's), null when
 *       neither is set (enough reserve, but vCenter does not say for how many hosts);</li>
 *   <li>{@code ClusterFailoverHostAdmissionControlInfo} (dedicated hosts): the failover hosts
 *       whose status is green or yellow (per the vim25 reference: connected and without HA
 *       errors, empty or running some VMs); red ones (down, in maintenance or standby, or with
 *       an HA error) do not count;</li>
 *   <li>no info, or a later type: the deprecated {@code summary.currentFailoverLevel}, else null.</li>
 * </ul>
 * The capacity is what vCenter measures whether or not admission control enforces it. With HA
 * off (or unknown) it is null rather than 0: no restart is promised, and {@code haEnabled=false}
 * already says so without raising a capacity alert on clusters that never had HA.
 *
 * <p>Hosts: counted from the mapped hosts of this cluster when given (healthy = HEALTHY), else
 * {@code summary.numHosts} and {@code numEffectiveHosts}. {@code vendorState} is the cluster's
 * {@code overallStatus} word; {@code quorate} is null (vSphere HA has no quorum to report).
 */
public final class VsphereClusterMapper {

    private final String site;

    public VsphereClusterMapper(String site) {
        this.site = site;
    }

    /**
     * @param hosts mapped hosts; those of other clusters are ignored, so all of an inventory may be passed
     */
    public HaCluster map(ClusterProperties cluster, Collection<HaHost> hosts) {
        List<HaHost> own = hosts.stream().filter(h -> !h.removed() && cluster.moRef().equals(h.cluster()))
                .collect(Collectors.toList());
        Integer total = own.isEmpty() ? cluster.numHosts() : Integer.valueOf(own.size());
        Integer healthy = own.isEmpty() ? cluster.numEffectiveHosts()
                : Integer.valueOf((int) own.stream().filter(h -> h.state() == HaHostState.HEALTHY).count());
        return new HaCluster(site, Platform.VSPHERE, cluster.moRef(), cluster.name(), cluster.haEnabled(), total, healthy,
                failoverCapacity(cluster), null, cluster.overallStatus());
    }

    static Integer failoverCapacity(ClusterProperties cluster) {
        if (!Boolean.TRUE.equals(cluster.haEnabled())) {
            return null;
        }
        AdmissionControlInfo info = cluster.admissionControlInfo();
        AdmissionControlKind kind = info == null ? AdmissionControlKind.UNKNOWN : AdmissionControlKind.ofInfo(info.xsiType());
        switch (kind) {
            case HOST_FAILURES:
                if (info.currentFailoverLevel() != null) {
                    return Math.max(0, info.currentFailoverLevel());
                }
                break;
            case RESOURCE_PERCENTAGE:
                return percentageCapacity(cluster, info);
            case DEDICATED_HOSTS:
                return (int) info.hostStatus().stream().map(s -> EntityStatus.of(s.status()))
                        .filter(s -> s == EntityStatus.OK || s == EntityStatus.WARNING).count();
            case UNKNOWN:
            default:
                break;
        }
        return cluster.currentFailoverLevel() == null ? null : Math.max(0, cluster.currentFailoverLevel());
    }

    private static Integer percentageCapacity(ClusterProperties cluster, AdmissionControlInfo info) {
        AdmissionControlPolicy policy = cluster.policy();
        if (policy == null || AdmissionControlKind.ofPolicy(policy.xsiType()) != AdmissionControlKind.RESOURCE_PERCENTAGE) {
            return null;
        }
        Boolean enough = covers(info.currentCpuFailoverResourcesPercent(), policy.cpuFailoverResourcesPercent());
        Boolean enoughMemory = covers(info.currentMemoryFailoverResourcesPercent(), policy.memoryFailoverResourcesPercent());
        if (Boolean.FALSE.equals(enough) || Boolean.FALSE.equals(enoughMemory)) {
            return 0;
        }
        if (enough == null || enoughMemory == null) {
            return null;
        }
        return policy.failoverLevel() != null ? policy.failoverLevel() : cluster.failoverLevel();
    }

    /** Whether the available percentage covers the reserved one; null when either is unknown. */
    private static Boolean covers(Integer available, Integer reserved) {
        return available == null || reserved == null ? null : available >= reserved;
    }
}
