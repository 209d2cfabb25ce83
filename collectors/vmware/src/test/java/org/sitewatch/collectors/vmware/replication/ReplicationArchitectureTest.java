package org.sitewatch.collectors.vmware.replication;

import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.archunit.CollectorArchitecture;

/**
 * The replication package sees the SPI, the contract's data classes, the JDK and Jackson (the SPI's
 * JsonHttpClient answers with Jackson trees): no vim25 or mapping type, so the collector plugs it in.
 */
class ReplicationArchitectureTest {

    @Test
    void shouldDependOnlyOnTheSpiTheContractAndJackson() {
        CollectorArchitecture.vendorModule("org.sitewatch.collectors.vmware.replication..", "com.fasterxml.jackson..")
                .check(CollectorArchitecture.mainClasses("org.sitewatch.collectors.vmware.replication"));
    }
}
