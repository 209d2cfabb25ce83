package org.sitewatch.collectors.hyperv;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.archunit.CollectorArchitecture;

/**
 * The Hyper-V plug-in depends only on the SPI, the events contract's data classes, the JDK,
 * Jackson and SLF4J; its WS-Management client knows nothing of Hyper-V (the mapping uses the
 * client, never the other way round).
 */
class HypervArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importOnce() {
        classes = CollectorArchitecture.mainClasses("org.sitewatch.collectors.hyperv");
    }

    @Test
    void shouldDependOnlyOnTheSpiTheContractAndItsOwnLibraries() {
        CollectorArchitecture.vendorModule("org.sitewatch.collectors.hyperv..", "com.fasterxml.jackson..",
                "org.ietf.jgss..", // the JDK's GSS-API, for Kerberos
                "org.slf4j..").check(classes);
    }

    @Test
    void shouldKeepTheWsmanClientFreeOfHyperV() {
        noClasses().that().resideInAPackage("org.sitewatch.collectors.hyperv.wsman..")
                // the mapping lives in the module's root package; wsman is below it
                .should().dependOnClassesThat().resideInAPackage("org.sitewatch.collectors.hyperv")
                .check(classes);
    }
}
