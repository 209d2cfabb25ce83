package org.sitewatch.collectors.vmware.mapping;

/**
 * The kind of HA admission control, from the {@code xsi:type} of the configured policy
 * ({@code ClusterFailover*AdmissionControlPolicy}) or of its run-time info
 * ({@code ClusterFailover*AdmissionControlInfo}); an absent or later type is UNKNOWN.
 */
enum AdmissionControlKind {
    /** {@code ClusterFailoverLevel*}: slots, vCenter counts the host failures it can take now. */
    HOST_FAILURES,
    /** {@code ClusterFailoverResources*}: a percentage of CPU and memory kept free. */
    RESOURCE_PERCENTAGE,
    /** {@code ClusterFailoverHost*}: dedicated failover hosts kept empty. */
    DEDICATED_HOSTS,
    UNKNOWN;

    static AdmissionControlKind ofPolicy(String xsiType) {
        return of(xsiType, "AdmissionControlPolicy");
    }

    static AdmissionControlKind ofInfo(String xsiType) {
        return of(xsiType, "AdmissionControlInfo");
    }

    private static AdmissionControlKind of(String xsiType, String suffix) {
        if (xsiType == null || !xsiType.endsWith(suffix)) {
            return UNKNOWN;
        }
        switch (xsiType.substring(0, xsiType.length() - suffix.length())) {
            case "ClusterFailoverLevel":
                return HOST_FAILURES;
            case "ClusterFailoverResources":
                return RESOURCE_PERCENTAGE;
            case "ClusterFailoverHost":
                return DEDICATED_HOSTS;
            default:
                return UNKNOWN;
        }
    }
}
