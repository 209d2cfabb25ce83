/**
 * The vSphere front of the simulator: each cluster with {@code platform: vsphere} is one vCenter
 * whose vim25 SOAP API is at {@code /{cluster}/sdk}, answered from the shared engine's state
 * ({@link org.sitewatch.simulator.vsphere.VsphereFront}); REST appliances (vSphere Replication,
 * SRM) plug in below {@code /{cluster}/api/rest/} as
 * {@link org.sitewatch.simulator.vsphere.VsphereRestApi}s.
 *
 * <p>A scenario declares a vSphere cluster with the neutral keys (nodes are ESXi hosts, guests
 * VMs, {@code ha} the HA timing: {@code fenceDelay} is HA's failure detection time) and these
 * vendor keys, all optional: {@code username} and {@code password} (the login the front accepts
 * and the collector endpoint gets; default {@code sitewatch@vsphere.local} /
 * {@code sitewatch-simulated}), {@code datacenter} (default {@code DC-<cluster>}, or
 * {@code SDDC-Datacenter} in a cloud), {@code haEnabled} (default true), {@code failoverLevel}
 * (host failures admission control reserves for, default 1), {@code cloud: aws} and
 * {@code region} for a VMware Cloud on AWS SDDC:
 *
 * <pre>
 * clusters:
 *   - name: paris-vc            # endpoint id; the collector's url is http://host:port/paris-vc
 *     platform: vsphere
 *     site: paris-dc1
 *     cluster: CL-Paris
 *     username: monitor@vsphere.local
 *     password: "change-me"
 *     failoverLevel: 1
 *     ha: { fenceDelay: 15s, recoveryDelay: 5s }
 *     nodes: [ { name: esx-par-1 }, { name: esx-par-2 }, { name: esx-par-3 } ]
 *     vms:
 *       - { vmid: 100, name: par-web, node: esx-par-1, ha: true }
 *       - { vmid: 101, name: par-batch, node: esx-par-2 }
 *   - name: vmc-frankfurt
 *     platform: vsphere
 *     cloud: aws
 *     region: eu-central-1
 *     nodes: [ { name: esx-vmc-1 }, { name: esx-vmc-2 } ]
 * </pre>
 *
 * <p>Scenario faults ({@code api-fault}) pick what they hit by path: {@code /sdk/<method>} one SOAP
 * method, {@code /api/rest/vr} or {@code /api/rest/srm} an appliance, and
 * {@code /inventory/host/<host name>} or {@code /inventory/cluster/<cluster name>} one inventory
 * object, whose properties the property reads then report in their {@code missingSet}
 * ({@code NoPermission} for {@code auth}, else {@code SystemError}) until the fault ends:
 *
 * <pre>
 *   - { at: 10s, cluster: paris-vc, action: api-fault, kind: auth, path: /inventory/host/esx-par-2, duration: 30s }
 * </pre>
 *
 * <p>vSphere Replication and SRM ({@link org.sitewatch.simulator.vsphere.VrRestApi},
 * {@link org.sitewatch.simulator.vsphere.SrmRestApi}) serve the cluster's {@code replication} links:
 * a link to a host standing in another site ({@code site:} on the node) replicates to that site's
 * vCenter (the scenario's vSphere cluster at home there, else one named after the site) and gets an
 * SRM protection group and recovery plan; a link to a host of the home site replicates inside the
 * vCenter. The collector settings then carry the
 * {@code replication} block (the gateways are below the cluster's own URL):
 *
 * <pre>
 *     nodes: [ { name: esx-ber-1 }, { name: esx-ber-2 }, { name: esx-mad-1, site: madrid-dr } ]
 *     replication:
 *       - { guest: 100, target: esx-mad-1, syncEverySeconds: 15 }   # RPO 1 min; "*&#47;5": 5 min
 * </pre>
 */
package org.sitewatch.simulator.vsphere;
