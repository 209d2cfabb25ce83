package org.sitewatch.collectors.vmware.mapping;

/**
 * The properties of one {@code HostSystem} the collector reads, as wire values.
 *
 * @param moRef e.g. {@code host-12}
 * @param dasHostState {@code runtime.dasHostState.state} (ClusterDasFdmAvailabilityState); null when
 *     unset: HA disabled, the host in maintenance or standby mode, or disconnected from vCenter
 * @param dasStateReporter {@code runtime.dasHostState.stateReporter}: the HA primary host that
 *     reported the state; null when vCenter itself reported it
 * @param connectionState {@code runtime.connectionState}: {@code connected}, {@code notResponding},
 *     {@code disconnected}
 * @param powerState {@code runtime.powerState}: {@code poweredOn}, {@code poweredOff},
 *     {@code standBy}, {@code unknown}
 * @param inMaintenanceMode {@code runtime.inMaintenanceMode}; null when not read
 * @param overallStatus {@code overallStatus} (ManagedEntityStatus): {@code gray}, {@code green},
 *     {@code yellow}, {@code red}
 * @param cluster the host's parent when it is a {@code ClusterComputeResource}; null for a standalone host
 */
public record HostProperties(String moRef, String name, String dasHostState, String dasStateReporter,
                             String connectionState, String powerState, Boolean inMaintenanceMode,
                             String overallStatus, EntityRef cluster) {
}
