package org.sitewatch.collectors.kubevirt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.archunit.CollectorArchitecture;

/**
 * The KubeVirt plug-in depends only on the SPI, the events contract's data classes, the JDK, the
 * fabric8 client and SLF4J; its mappers read objects and do no I/O.
 */
class KubevirtArchitectureTest {

    private static final JavaClasses MAIN = CollectorArchitecture.mainClasses("org.sitewatch.collectors.kubevirt");

    @Test
    void shouldDependOnlyOnTheSpiTheContractAndItsOwnLibraries() {
        CollectorArchitecture.vendorModule("org.sitewatch.collectors.kubevirt..", "io.fabric8.kubernetes..", "org.slf4j..")
                .check(MAIN);
    }

    @Test
    void shouldKeepTheMappersFreeOfTheClientAndOfTheNetwork() {
        noClasses().that().haveSimpleNameEndingWith("Mapper").or().haveSimpleName("RestartDetector")
                .or().haveSimpleName("ClusterModel")
                .should().dependOnClassesThat().resideInAnyPackage("io.fabric8.kubernetes.client..", "java.net..")
                .check(MAIN);
    }
}
