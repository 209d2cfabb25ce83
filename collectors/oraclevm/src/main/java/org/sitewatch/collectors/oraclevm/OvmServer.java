package org.sitewatch.collectors.oraclevm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of one {@code Server} that Sitewatch reads.
 *
 * @param runState {@code serverRunState} as sent (null when missing)
 * @param maintenanceMode {@code maintenanceMode}; null when missing
 * @param pool {@code serverPoolId}; null for a server in no pool
 * @param cluster {@code clusterId}; null when its pool is not clustered
 */
record OvmServer(OvmRef id, String name, String runState, Boolean maintenanceMode, OvmRef pool, OvmRef cluster) {

    /** @throws OvmRecordException when a field it needs is missing or of the wrong kind */
    static OvmServer parse(JsonNode server) {
        if (!server.isObject()) {
            throw new OvmRecordException("not a JSON object: " + server.getNodeType());
        }
        OvmRef id = OvmFields.id(server);
        String name = OvmFields.text(server, "name");
        return new OvmServer(id, name != null ? name : id.name(), OvmFields.text(server, "serverRunState"),
                OvmFields.bool(server, "maintenanceMode"), OvmFields.ref(server, "serverPoolId"),
                OvmFields.ref(server, "clusterId"));
    }

    String label() {
        return name != null ? name : id.label();
    }

    boolean running() {
        return "RUNNING".equalsIgnoreCase(runState);
    }
}
