package org.sitewatch.simulator.kubevirt;

import java.util.List;
import java.util.Optional;

/**
 * A resource path: {@code api/v1/nodes[/{name}]} or {@code apis/kubevirt.io/v1/[namespaces/{ns}/]{plural}[/{name}]}.
 *
 * @param resource  the resource
 * @param namespace the namespace, or null for every namespace (and for nodes)
 * @param name      one object's name, or null for the collection
 */
record ResourcePath(KubeResource resource, String namespace, String name) {

    static Optional<ResourcePath> parse(List<String> p) {
        String apiVersion;
        List<String> rest;
        if (p.size() >= 3 && p.get(0).equals("api") && p.get(1).equals("v1")) {
            apiVersion = "v1";
            rest = p.subList(2, p.size());
        } else if (p.size() >= 4 && p.get(0).equals("apis")) {
            apiVersion = p.get(1) + "/" + p.get(2);
            rest = p.subList(3, p.size());
        } else {
            return Optional.empty();
        }
        String namespace = null;
        if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        if (rest.isEmpty() || rest.size() > 2) {
            return Optional.empty();
        }
        String ns = namespace;
        String name = rest.size() == 2 ? rest.get(1) : null;
        return KubeResource.of(apiVersion, rest.get(0)).filter(r -> ns == null || r.namespaced())
                .map(r -> new ResourcePath(r, ns, name));
    }
}
