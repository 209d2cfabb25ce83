package org.sitewatch.collectors.vmware.replication;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.sitewatch.collectors.spi.CollectorException;
import org.sitewatch.collectors.spi.http.HttpRemedies;

/**
 * Reads the vSphere Replication REST gateway ({@code <url>/api/rest/vr/v2}): the pairings of the
 * local vCenter and the replications of each. Read-only: no action or task path is called.
 */
final class VrClient {

    static final String API_ROOT = "/api/rest/vr/v2";

    private final DrSession session;

    VrClient(DrSession session) {
        this.session = session;
    }

    /** The appliance URL with the API root appended, unless it already ends with it. */
    static URI apiRoot(URI appliance) {
        return DrPaths.apiRoot(appliance, API_ROOT);
    }

    /** @param block the settings block's full key, e.g. {@code sitewatch.collectors.endpoints[0].vsphere.replication} */
    static HttpRemedies remedies(String block, String vcenterLoginKey) {
        return DrRemedies.of(block, vcenterLoginKey, "vSphere Replication", "url", "https://vr-a.example.org", API_ROOT,
                "read access to replications in vSphere Replication (e.g. the VRM replication viewer role)");
    }

    List<VrPairing> pairings() throws CollectorException {
        List<VrPairing> pairings = new ArrayList<>();
        for (JsonNode item : session.list("/pairings")) {
            VrPairing pairing = VrPairing.of(item);
            if (pairing != null) {
                pairings.add(pairing);
            }
        }
        return pairings;
    }

    /** Every ReplicationInfo of a pairing, incoming and outgoing, over all pages. */
    List<JsonNode> replications(String pairingId) throws CollectorException {
        return session.list("/pairings/" + DrPaths.segment(pairingId) + "/replications");
    }
}
