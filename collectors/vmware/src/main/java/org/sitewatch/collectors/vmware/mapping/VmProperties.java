package org.sitewatch.collectors.vmware.mapping;

/**
 * The properties of one {@code VirtualMachine} the collector reads, as wire values.
 *
 * @param moRef e.g. {@code vm-42}
 * @param powerState {@code runtime.powerState}: {@code poweredOn}, {@code poweredOff}, {@code suspended}
 * @param connectionState {@code runtime.connectionState}: {@code connected}, {@code disconnected},
 *     {@code orphaned}, {@code inaccessible}, {@code invalid}; null when not read
 * @param dasProtected {@code runtime.dasVmProtection.dasProtected}; null when the whole
 *     {@code dasVmProtection} object is unset, which vCenter does when HA is not enabled
 * @param host {@code runtime.host}
 * @param cluster the cluster of the VM's host (or resource pool); null for a standalone host
 */
public record VmProperties(String moRef, String name, String powerState, String connectionState,
                           Boolean dasProtected, EntityRef host, EntityRef cluster) {
}
