package org.sitewatch.collectors.vmware.mapping;

/**
 * The properties of one {@code ClusterComputeResource} the collector reads, as wire values.
 *
 * @param moRef e.g. {@code domain-c8}
 * @param haEnabled {@code configurationEx.dasConfig.enabled}; null when not read
 * @param admissionControlEnabled {@code configurationEx.dasConfig.admissionControlEnabled}
 * @param failoverLevel {@code configurationEx.dasConfig.failoverLevel}: the configured number of
 *     host failures to tolerate (older field; the policy may carry its own)
 * @param policy {@code configurationEx.dasConfig.admissionControlPolicy}; null when unset
 * @param currentFailoverLevel {@code summary.currentFailoverLevel} (deprecated since API 4.0,
 *     used only when {@code summary.admissionControlInfo} is absent)
 * @param admissionControlInfo {@code summary.admissionControlInfo}; null when unset
 * @param numHosts {@code summary.numHosts}
 * @param numEffectiveHosts {@code summary.numEffectiveHosts}: hosts that can run VMs now
 * @param overallStatus {@code summary.overallStatus} (ManagedEntityStatus)
 */
public record ClusterProperties(String moRef, String name, Boolean haEnabled, Boolean admissionControlEnabled,
                                Integer failoverLevel, AdmissionControlPolicy policy, Integer currentFailoverLevel,
                                AdmissionControlInfo admissionControlInfo, Integer numHosts, Integer numEffectiveHosts,
                                String overallStatus) {
}
