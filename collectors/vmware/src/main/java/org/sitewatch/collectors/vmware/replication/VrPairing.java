package org.sitewatch.collectors.vmware.replication;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A vSphere Replication pairing between the local vCenter (the one this endpoint watches) and a
 * remote one, or with itself for replication inside one vCenter. Ids are vCenter instance UUIDs.
 */
record VrPairing(String id, String localVcId, String localVcName, String remoteVcId, String remoteVcName) {

    /** From one item of {@code GET /pairings}; null when it has no {@code pairing_id}. */
    static VrPairing of(JsonNode pairing) {
        String id = Json.text(pairing, "pairing_id");
        if (id == null) {
            return null;
        }
        JsonNode local = pairing.path("local_vc_server");
        JsonNode remote = pairing.path("remote_vc_server");
        return new VrPairing(id, Json.text(local, "id"), Json.text(local, "name"), Json.text(remote, "id"),
                Json.text(remote, "name"));
    }

    /** Whether the id or name is the local vCenter's, ignoring case. */
    boolean isLocal(String vcIdOrName) {
        return vcIdOrName != null && (vcIdOrName.equalsIgnoreCase(localVcId) || vcIdOrName.equalsIgnoreCase(localVcName));
    }
}
