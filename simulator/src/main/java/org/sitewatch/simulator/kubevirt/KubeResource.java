package org.sitewatch.simulator.kubevirt;

import java.util.Arrays;
import java.util.Optional;

/** The resources this API server serves: the core group's nodes and KubeVirt's three. */
enum KubeResource {
    NODES("v1", "nodes", "Node", false),
    VIRTUAL_MACHINES("kubevirt.io/v1", "virtualmachines", "VirtualMachine", true),
    VIRTUAL_MACHINE_INSTANCES("kubevirt.io/v1", "virtualmachineinstances", "VirtualMachineInstance", true),
    MIGRATIONS("kubevirt.io/v1", "virtualmachineinstancemigrations", "VirtualMachineInstanceMigration", true);

    private final String apiVersion;
    private final String plural;
    private final String kind;
    private final boolean namespaced;

    KubeResource(String apiVersion, String plural, String kind, boolean namespaced) {
        this.apiVersion = apiVersion;
        this.plural = plural;
        this.kind = kind;
        this.namespaced = namespaced;
    }

    String apiVersion() {
        return apiVersion;
    }

    String plural() {
        return plural;
    }

    String kind() {
        return kind;
    }

    boolean namespaced() {
        return namespaced;
    }

    static Optional<KubeResource> of(String apiVersion, String plural) {
        return Arrays.stream(values()).filter(r -> r.apiVersion.equals(apiVersion) && r.plural.equals(plural)).findFirst();
    }
}
