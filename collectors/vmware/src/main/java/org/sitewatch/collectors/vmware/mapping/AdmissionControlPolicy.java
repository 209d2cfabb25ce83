package org.sitewatch.collectors.vmware.mapping;

import java.util.List;

/**
 * {@code dasConfig.admissionControlPolicy}: its {@code xsi:type} and the fields of the three
 * documented subtypes (a field a subtype does not have stays null).
 *
 * @param xsiType {@code ClusterFailoverLevelAdmissionControlPolicy},
 *     {@code ClusterFailoverResourcesAdmissionControlPolicy} or {@code ClusterFailoverHostAdmissionControlPolicy}
 * @param failoverLevel host failures to tolerate (all three subtypes, the host one since 6.5)
 * @param cpuFailoverResourcesPercent reserved CPU in percent (resources subtype)
 * @param memoryFailoverResourcesPercent reserved memory in percent (resources subtype)
 * @param autoComputePercentages whether vCenter derives the percentages from {@code failoverLevel}
 * @param failoverHosts the dedicated failover hosts' moRefs (host subtype); empty when none
 */
public record AdmissionControlPolicy(String xsiType, Integer failoverLevel, Integer cpuFailoverResourcesPercent,
                                     Integer memoryFailoverResourcesPercent, Boolean autoComputePercentages,
                                     List<String> failoverHosts) {

    public AdmissionControlPolicy {
        failoverHosts = failoverHosts == null ? List.of() : List.copyOf(failoverHosts);
    }
}
