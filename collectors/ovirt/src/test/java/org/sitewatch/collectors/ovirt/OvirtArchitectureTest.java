package org.sitewatch.collectors.ovirt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.archunit.CollectorArchitecture;

/**
 * The oVirt plug-in depends only on the SPI, the events contract's data classes, the JDK, Jackson and
 * SLF4J; its mappers read JSON trees and do no I/O.
 */
class OvirtArchitectureTest {

    private static final JavaClasses MAIN = CollectorArchitecture.mainClasses("org.sitewatch.collectors.ovirt");

    @Test
    void shouldDependOnlyOnTheSpiTheContractAndItsOwnLibraries() {
        CollectorArchitecture.vendorModule("org.sitewatch.collectors.ovirt..", "com.fasterxml.jackson..", "org.slf4j..")
                .check(MAIN);
    }

    @Test
    void shouldKeepTheMappersAndWordsFreeOfTheNetwork() {
        noClasses().that().haveSimpleNameEndingWith("Mapper").or().haveSimpleName("OvirtWords").or().haveSimpleName("OvirtJson")
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "org.sitewatch.collectors.spi.http..")
                .check(MAIN);
    }
}
