package org.sitewatch.collectors.libvirt;

import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.archunit.CollectorArchitecture;

/**
 * The libvirt plug-in depends only on the SPI, the events contract's data classes, the JDK,
 * libvirt-java, JNA (which libvirt-java's types expose), SLF4J and the storage replication library
 * (DRBD and Ceph RBD mirroring readers). The rule itself is shown to catch
 * violations by the Proxmox module's architecture test.
 */
class LibvirtArchitectureTest {

    @Test
    void shouldDependOnlyOnTheSpiTheContractAndItsOwnLibraries() {
        CollectorArchitecture.vendorModule("org.sitewatch.collectors.libvirt..", "org.libvirt..", "com.sun.jna..",
                        "org.slf4j..", "org.sitewatch.collectors.storage..")
                .check(CollectorArchitecture.mainClasses("org.sitewatch.collectors.libvirt"));
    }
}
