package org.sitewatch.collectors.azure;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.archunit.CollectorArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The Azure plug-in depends only on the SPI, the events contract's data classes, the JDK and its
 * libraries (the Azure SDK, MSAL for its refusal type, Reactor under the SDK's transport interface,
 * Jackson); its mapping package does no I/O and knows nothing of the SDK.
 */
class AzureArchitectureTest {

    private static final JavaClasses MAIN = CollectorArchitecture.mainClasses("org.sitewatch.collectors.azure");
    private static final String[] LIBRARIES = {"com.azure..", "com.microsoft.aad.msal4j..", "reactor.core..",
        "com.fasterxml.jackson.."};

    @Test
    void shouldDependOnlyOnTheSpiTheContractAndItsOwnLibraries() {
        CollectorArchitecture.vendorModule("org.sitewatch.collectors.azure..", LIBRARIES)
                .check(MAIN);
    }

    @Test
    void shouldKeepTheMappingFreeOfTheSdkAndOfTheCollector() {
        noClasses().that().resideInAPackage("org.sitewatch.collectors.azure.mapping..")
                .should().dependOnClassesThat().resideInAnyPackage("com.azure..", "com.microsoft..", "reactor..",
                        "java.net..", "org.sitewatch.collectors.spi..")
                .check(MAIN);
        SlicesRuleDefinition.slices().matching("org.sitewatch.collectors.(azure).(**)").should().beFreeOfCycles()
                .check(MAIN);
    }
}
