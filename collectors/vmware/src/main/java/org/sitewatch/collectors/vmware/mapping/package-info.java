/**
 * Maps what the VMware collector reads from vCenter (vim25 property values and events, as wire
 * words) to the events contract. The records here ({@link org.sitewatch.collectors.vmware.mapping.VmProperties},
 * {@link org.sitewatch.collectors.vmware.mapping.HostProperties},
 * {@link org.sitewatch.collectors.vmware.mapping.ClusterProperties},
 * {@link org.sitewatch.collectors.vmware.mapping.VcenterEvent}) hold the values as vCenter sent
 * them; the {@code Vsphere*Mapper} classes turn them into contract records, one mapper per kind.
 *
 * <p>Conventions shared by every mapper:
 * <ul>
 *   <li>ids are managed object references ({@code vm-42}, {@code host-12}, {@code domain-c8}); a
 *       record that names a host or a cluster names it by that id, so a host's {@code cluster}
 *       matches the cluster's {@code clusterId} (the views count failed hosts per cluster with it).
 *       Names travel in the entity's own record. Limit: moRefs are unique per vCenter only, so two
 *       vCenters of one site need distinct ids from the collector;</li>
 *   <li>every enum word the vendor documents is mapped explicitly; an unknown or absent word
 *       becomes UNKNOWN (or null where the contract says "unknown" that way) with the raw word
 *       kept in {@code vendorState}; no mapper throws on a word it does not know.</li>
 * </ul>
 * Depends only on the SPI and the event contract, no vim25 client types: the collector fills the
 * records.
 */
package org.sitewatch.collectors.vmware.mapping;
