package org.sitewatch.collectors.vmware.mapping;

import java.util.List;

/**
 * {@code summary.admissionControlInfo}, the run-time view of admission control: its
 * {@code xsi:type} and the fields of the three documented subtypes.
 *
 * @param xsiType {@code ClusterFailoverLevelAdmissionControlInfo},
 *     {@code ClusterFailoverResourcesAdmissionControlInfo} or {@code ClusterFailoverHostAdmissionControlInfo}
 * @param currentFailoverLevel host failures the cluster tolerates now (level subtype)
 * @param currentCpuFailoverResourcesPercent CPU available for failover now, in percent (resources subtype)
 * @param currentMemoryFailoverResourcesPercent memory available for failover now, in percent (resources subtype)
 * @param hostStatus the dedicated failover hosts and their ManagedEntityStatus (host subtype)
 */
public record AdmissionControlInfo(String xsiType, Integer currentFailoverLevel,
                                   Integer currentCpuFailoverResourcesPercent,
                                   Integer currentMemoryFailoverResourcesPercent, List<FailoverHostStatus> hostStatus) {

    public AdmissionControlInfo {
        hostStatus = hostStatus == null ? List.of() : List.copyOf(hostStatus);
    }

    /** One {@code hostStatus} entry: a failover host and its {@code status} word. */
    public record FailoverHostStatus(String host, String status) {
    }
}
