package org.sitewatch.collectors.oraclevm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.archunit.CollectorArchitecture;

class OracleVmArchitectureTest {

    private static final JavaClasses MAIN = CollectorArchitecture.mainClasses("org.sitewatch.collectors.oraclevm");

    @Test
    void shouldDependOnlyOnTheSpiTheContractAndItsOwnLibraries() {
        CollectorArchitecture.vendorModule("org.sitewatch.collectors.oraclevm..", "com.fasterxml.jackson..", "org.slf4j..")
                .check(MAIN);
    }

    @Test
    void shouldKeepTheMappingFreeOfTheNetwork() {
        noClasses().that().haveSimpleNameStartingWith("Ovm").or().haveSimpleName("OracleVmMapper")
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "org.sitewatch.collectors.spi.http..")
                .check(MAIN);
    }
}
