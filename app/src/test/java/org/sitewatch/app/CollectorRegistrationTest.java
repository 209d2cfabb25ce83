package org.sitewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.runtime.CollectorRegistry;
import org.sitewatch.events.Platform;

/**
 * The collectors the application ships: each vendor module in {@code app/pom.xml} must be found by
 * the runtime's ServiceLoader discovery on the application's class path, else its endpoints would
 * be refused at start-up as an unknown platform. Add a platform here with its module.
 */
class CollectorRegistrationTest {

    @Test
    void shouldFindTheCollectorOfEveryShippedVendorModule() {
        CollectorRegistry registry = CollectorRegistry.discover();

        assertThat(registry.platforms()).contains(Platform.PROXMOX, Platform.VSPHERE, Platform.HYPERV, Platform.AZURE,
                Platform.LIBVIRT);
        assertThat(registry.find(Platform.HYPERV)).get().satisfies(f ->
                assertThat(f.getClass().getName()).isEqualTo("org.sitewatch.collectors.hyperv.HypervCollectorFactory"));
        assertThat(registry.find(Platform.AZURE)).get().satisfies(f ->
                assertThat(f.getClass().getName()).isEqualTo("org.sitewatch.collectors.azure.AzureCollectorFactory"));
        assertThat(registry.find(Platform.LIBVIRT)).get().satisfies(f ->
                assertThat(f.getClass().getName()).isEqualTo("org.sitewatch.collectors.libvirt.LibvirtCollectorFactory"));
        assertThat(registry.find(Platform.KUBEVIRT).map(f -> f.getClass().getName())).hasValue("org.sitewatch.collectors.kubevirt.KubevirtCollectorFactory");
        assertThat(registry.find(Platform.ORACLEVM).map(f -> f.getClass().getName())).hasValue("org.sitewatch.collectors.oraclevm.OracleVmCollectorFactory");
        assertThat(registry.find(Platform.CITRIX).map(f -> f.getClass().getName())).hasValue("org.sitewatch.collectors.citrix.CitrixCollectorFactory");
        assertThat(registry.find(Platform.OVIRT).map(f -> f.getClass().getName())).hasValue("org.sitewatch.collectors.ovirt.OvirtCollectorFactory");
    }
}
