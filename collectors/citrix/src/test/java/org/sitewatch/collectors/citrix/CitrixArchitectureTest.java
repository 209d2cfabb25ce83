package org.sitewatch.collectors.citrix;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.archunit.CollectorArchitecture;

/**
 * The Citrix plug-in depends only on the SPI, the events contract's data classes, the JDK and
 * Jackson and SLF4J; its mapping package does no I/O and knows nothing of the collector or the SPI.
 */
class CitrixArchitectureTest {

    private static final JavaClasses MAIN = CollectorArchitecture.mainClasses("org.sitewatch.collectors.citrix");

    @Test
    void shouldDependOnlyOnTheSpiTheContractJacksonAndSlf4j() {
        CollectorArchitecture.vendorModule("org.sitewatch.collectors.citrix..", "com.fasterxml.jackson..", "org.slf4j..")
                .check(MAIN);
    }

    @Test
    void shouldKeepTheMappingFreeOfIoAndOfTheCollector() {
        noClasses().that().resideInAPackage("org.sitewatch.collectors.citrix.mapping..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.io..", "org.sitewatch.collectors.spi..")
                .check(MAIN);
        SlicesRuleDefinition.slices().matching("org.sitewatch.collectors.(citrix).(**)").should().beFreeOfCycles()
                .check(MAIN);
    }
}
