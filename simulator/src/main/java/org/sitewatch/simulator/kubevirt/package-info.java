/**
 * The KubeVirt / OpenShift Virtualization front: a scenario cluster served as one Kubernetes API
 * server with KubeVirt's {@code kubevirt.io/v1} resources, lists and watches included.
 */
package org.sitewatch.simulator.kubevirt;
