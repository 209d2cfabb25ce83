package org.sitewatch.simulator.kubevirt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The API discovery documents: the group list and each group version's resource list. */
final class Discovery {

    private Discovery() {
    }

    static ObjectNode groups() {
        ObjectNode out = Json.object().put("kind", "APIGroupList").put("apiVersion", "v1");
        ObjectNode kubevirt = out.putArray("groups").addObject().put("name", "kubevirt.io");
        ObjectNode v1 = Json.object().put("groupVersion", "kubevirt.io/v1").put("version", "v1");
        kubevirt.putArray("versions").add(v1);
        kubevirt.set("preferredVersion", v1.deepCopy());
        return out;
    }

    static ObjectNode resources(String groupVersion) {
        ObjectNode out = Json.object().put("kind", "APIResourceList").put("apiVersion", "v1").put("groupVersion", groupVersion);
        ArrayNode list = out.putArray("resources");
        for (KubeResource r : KubeResource.values()) {
            if (r.apiVersion().equals(groupVersion)) {
                ObjectNode o = list.addObject().put("name", r.plural()).put("singularName", r.kind().toLowerCase())
                        .put("namespaced", r.namespaced()).put("kind", r.kind());
                o.putArray("verbs").add("get").add("list").add("watch");
            }
        }
        return out;
    }
}
