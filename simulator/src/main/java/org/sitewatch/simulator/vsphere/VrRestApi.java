package org.sitewatch.simulator.vsphere;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.sitewatch.simulator.ClusterSpec;
import org.sitewatch.simulator.engine.ClusterState;

/**
 * vSphere Replication's REST gateway at {@code /api/rest/vr/v2}: {@code GET /pairings} and
 * {@code GET /pairings/{id}/replications}, worded by {@link VrReplications}.
 */
public final class VrRestApi extends DrGateway {

    public VrRestApi() {
        super(List.of("vr", "v2"));
    }

    @Override
    List<Map<String, Object>> listing(ClusterState state, List<ClusterSpec> estate, List<String> path, Instant now) {
        if (path.equals(List.of("pairings"))) {
            return VrReplications.pairings(state.spec(), estate);
        }
        if (path.size() == 3 && path.get(0).equals("pairings") && path.get(2).equals("replications")) {
            return VrReplications.replications(state, estate, path.get(1), now);
        }
        return null;
    }
}
