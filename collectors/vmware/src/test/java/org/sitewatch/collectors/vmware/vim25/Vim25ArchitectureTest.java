package org.sitewatch.collectors.vmware.vim25;

import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.archunit.CollectorArchitecture;

/**
 * The vim25 client uses only the JDK (java.net.http, StAX), the SPI, the contract's data classes
 * and SLF4J: no SOAP or XML binding library. (The module-wide rule comes with the collector.)
 */
class Vim25ArchitectureTest {

    @Test
    void shouldDependOnlyOnTheJdkTheSpiAndSlf4j() {
        CollectorArchitecture.vendorModule("org.sitewatch.collectors.vmware.vim25..", "org.slf4j..")
                .check(CollectorArchitecture.mainClasses("org.sitewatch.collectors.vmware.vim25"));
    }
}
