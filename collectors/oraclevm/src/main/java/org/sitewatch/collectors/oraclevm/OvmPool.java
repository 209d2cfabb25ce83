package org.sitewatch.collectors.oraclevm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The fields of one {@code ServerPool} that Sitewatch reads.
 *
 * @param servers {@code serverIds}
 * @param master {@code masterServerId}; null when not sent
 * @param cluster {@code clusterId}: a pool with a cluster is an HA pool; null without
 */
record OvmPool(OvmRef id, String name, List<OvmRef> servers, OvmRef master, OvmRef cluster) {

    /** @throws OvmRecordException when a field it needs is missing or of the wrong kind */
    static OvmPool parse(JsonNode pool) {
        if (!pool.isObject()) {
            throw new OvmRecordException("not a JSON object: " + pool.getNodeType());
        }
        OvmRef id = OvmFields.id(pool);
        String name = OvmFields.text(pool, "name");
        return new OvmPool(id, name != null ? name : id.name(), List.copyOf(OvmFields.refs(pool, "serverIds")),
                OvmFields.ref(pool, "masterServerId"), OvmFields.ref(pool, "clusterId"));
    }

    String label() {
        return name != null ? name : id.label();
    }
}
