package org.sitewatch.collectors.kubevirt;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KubeVirt and Kubernetes objects for tests, composed from the field names in the vendor notes
 * (section 5): what the fabric8 generic client hands the collector.
 */
final class Kv {

    private Kv() {
    }

    /** A KubeVirt object under construction: metadata, then spec and status fields by path. */
    static final class Obj {
        private final GenericKubernetesResource resource = new GenericKubernetesResource();

        private Obj(String kind, String namespace, String name, String uid) {
            resource.setApiVersion("kubevirt.io/v1");
            resource.setKind(kind);
            resource.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).withUid(uid).build());
        }

        /** Sets {@code value} at {@code section.key} ({@code status.phase}), creating the blocks. */
        Obj set(String path, Object value) {
            String[] steps = path.split("\\.");
            Map<String, Object> block = resource.getAdditionalProperties();
            for (int i = 0; i < steps.length - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) block.computeIfAbsent(steps[i], k -> new LinkedHashMap<>());
                block = next;
            }
            block.put(steps[steps.length - 1], value);
            return this;
        }

        /** Adds a {@code status.conditions[]} entry. */
        Obj condition(String type, String status) {
            return condition(type, status, null, null);
        }

        @SuppressWarnings("unchecked")
        Obj condition(String type, String status, String reason, String message) {
            Map<String, Object> statusBlock = (Map<String, Object>) resource.getAdditionalProperties()
                    .computeIfAbsent("status", k -> new LinkedHashMap<>());
            List<Object> conditions = (List<Object>) statusBlock.computeIfAbsent("conditions", k -> new ArrayList<>());
            Map<String, Object> condition = new LinkedHashMap<>();
            condition.put("type", type);
            condition.put("status", status);
            if (reason != null) {
                condition.put("reason", reason);
            }
            if (message != null) {
                condition.put("message", message);
            }
            conditions.add(condition);
            return this;
        }

        /** Adds a {@code status.phaseTransitionTimestamps[]} entry. */
        @SuppressWarnings("unchecked")
        Obj phaseAt(String phase, Instant at) {
            Map<String, Object> statusBlock = (Map<String, Object>) resource.getAdditionalProperties()
                    .computeIfAbsent("status", k -> new LinkedHashMap<>());
            List<Object> transitions = (List<Object>) statusBlock.computeIfAbsent("phaseTransitionTimestamps",
                    k -> new ArrayList<>());
            transitions.add(Map.of("phase", phase, "phaseTransitionTimestamp", at.toString()));
            return this;
        }

        Obj created(Instant at) {
            resource.getMetadata().setCreationTimestamp(at.toString());
            return this;
        }

        GenericKubernetesResource build() {
            return resource;
        }
    }

    /** A kubeconfig with one cluster at {@code server} and a bearer token. */
    static String kubeconfig(String server) {
        return """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "%s"}}]
                contexts: [{name: c, context: {cluster: c, user: u}}]
                current-context: c
                users: [{name: u, user: {token: test-token}}]
                """.formatted(server);
    }

    static Obj vm(String namespace, String name) {
        return new Obj("VirtualMachine", namespace, name, null);
    }

    /** A VM with a run strategy and a printable status. */
    static GenericKubernetesResource vm(String namespace, String name, String runStrategy, String printableStatus) {
        Obj vm = vm(namespace, name).set("spec.runStrategy", runStrategy);
        return printableStatus == null ? vm.build() : vm.set("status.printableStatus", printableStatus).build();
    }

    static Obj vmi(String namespace, String name, String uid) {
        return new Obj("VirtualMachineInstance", namespace, name, uid);
    }

    /** A VMI in a phase on a node (either may be null). */
    static GenericKubernetesResource vmi(String namespace, String name, String uid, String phase, String node) {
        Obj vmi = vmi(namespace, name, uid);
        if (phase != null) {
            vmi.set("status.phase", phase);
        }
        if (node != null) {
            vmi.set("status.nodeName", node);
        }
        return vmi.build();
    }

    static Obj migration(String namespace, String name, String uid, String vmiName) {
        return new Obj("VirtualMachineInstanceMigration", namespace, name, uid).set("spec.vmiName", vmiName);
    }

    /** {@code status.migrationState} of a migration between two nodes. */
    static Map<String, Object> migrationState(String source, String target, boolean completed, boolean failed) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("sourceNode", source);
        state.put("targetNode", target);
        state.put("startTimestamp", "2025-01-07T09:59:40Z");
        state.put("completed", completed);
        state.put("failed", failed);
        return state;
    }

    /** A node whose Ready condition has this status ("True", "False", "Unknown"). */
    static Node node(String name, String ready) {
        return node(name, ready, null, null);
    }

    static Node node(String name, String ready, String reason, String message) {
        return new NodeBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewStatus().withConditions(new NodeConditionBuilder().withType("Ready").withStatus(ready)
                        .withReason(reason).withMessage(message).build()).endStatus()
                .build();
    }
}
