package org.sitewatch.simulator.vsphere;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.ReplicationJobSpec;

/**
 * The vCenter that holds a replication's copy, as the VR and SRM views name it. A link whose target
 * node stands in the cluster's home site replicates inside this vCenter; one whose target node
 * stands in another site (a DR host, {@code site:} on the node) goes to that site's vCenter: the
 * scenario's vSphere cluster whose home is that site (its name and instance UUID, as its own front
 * shows them), else one named after the site with an instance UUID derived from the site name, so
 * it is stable across restarts.
 *
 * @param site the Sitewatch site of the target
 * @param vcId the target vCenter's instance UUID ({@code target_vc_id})
 * @param vcName its name, also the VR/SRM site name ({@code target_site_name})
 * @param local whether the target is this cluster's own vCenter
 */
record DrTarget(String site, String vcId, String vcName, boolean local) {

    /** The target of a copy sent to {@code targetNode} of {@code cluster}. */
    static DrTarget of(ClusterSpec cluster, String targetNode, List<ClusterSpec> estate) {
        String site = cluster.siteOf(targetNode);
        if (site.equals(cluster.site())) {
            return local(cluster);
        }
        for (ClusterSpec other : estate) {
            if (other.site().equals(site) && other.platform().equals("vsphere")) {
                return new DrTarget(site, Vcenter.instanceUuidOf(other), other.name(), false);
            }
        }
        return new DrTarget(site, UUID.nameUUIDFromBytes(("sitewatch-vcenter-site:" + site)
                .getBytes(StandardCharsets.UTF_8)).toString(), site, false);
    }

    /** This cluster's own vCenter. */
    static DrTarget local(ClusterSpec cluster) {
        return new DrTarget(cluster.site(), Vcenter.instanceUuidOf(cluster), cluster.name(), true);
    }

    /**
     * Every target the scenario's links may use, the local vCenter first: a link's target swaps with
     * its source when the guest moves onto the target, so the local one is always among them.
     */
    static List<DrTarget> all(ClusterSpec cluster, List<ClusterSpec> estate) {
        List<DrTarget> out = new ArrayList<>(List.of(local(cluster)));
        for (ReplicationJobSpec link : cluster.replication()) {
            DrTarget t = of(cluster, link.target(), estate);
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
