package org.sitewatch.collectors.vmware.mapping;

import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.archunit.CollectorArchitecture;

/**
 * The mapping layer sees only the SPI, the contract's data classes and the JDK: no vim25 client
 * type, so its tests need no SOAP and the client can change without touching a mapping.
 */
class MappingArchitectureTest {

    @Test
    void shouldDependOnlyOnTheSpiAndTheContract() {
        CollectorArchitecture.vendorModule("org.sitewatch.collectors.vmware.mapping..")
                .check(CollectorArchitecture.mainClasses("org.sitewatch.collectors.vmware.mapping"));
    }
}
