package org.sitewatch.collectors.kubevirt;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * The three KubeVirt kinds the collector watches, addressed without API discovery (which needs
 * rights the collector should not need, and which mock servers do not serve): group
 * {@code kubevirt.io}, version {@code v1}, namespaced.
 */
enum KubevirtResources {
    VIRTUAL_MACHINES("VirtualMachine", "virtualmachines"),
    VIRTUAL_MACHINE_INSTANCES("VirtualMachineInstance", "virtualmachineinstances"),
    MIGRATIONS("VirtualMachineInstanceMigration", "virtualmachineinstancemigrations");

    static final String GROUP = "kubevirt.io";
    static final String VERSION = "v1";

    private final String kind;
    private final String plural;

    KubevirtResources(String kind, String plural) {
        this.kind = kind;
        this.plural = plural;
    }

    String kind() {
        return kind;
    }

    String plural() {
        return plural;
    }

    ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder().withGroup(GROUP).withVersion(VERSION).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    /** {@code /apis/kubevirt.io/v1/<plural>}, for messages. */
    String path() {
        return "/apis/" + GROUP + "/" + VERSION + "/" + plural;
    }
}
