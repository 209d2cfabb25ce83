/**
 * The KubeVirt / OpenShift Virtualization plug-in: a push source on fabric8 informers over
 * kubevirt.io VirtualMachines, VirtualMachineInstances and VirtualMachineInstanceMigrations and the
 * cluster's Nodes. Mapping ({@code *Mapper}, {@link org.sitewatch.collectors.kubevirt.RestartDetector})
 * is kept apart from the watching ({@code KubevirtCollector}) so it is tested without a server.
 */
package org.sitewatch.collectors.kubevirt;
