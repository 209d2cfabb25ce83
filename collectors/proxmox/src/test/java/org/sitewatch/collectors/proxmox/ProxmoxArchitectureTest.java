package org.sitewatch.collectors.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.proxmox.archfixture.VendorNamingRuntime;
import org.sitewatch.collectors.spi.archunit.CollectorArchitecture;

/**
 * The Proxmox plug-in depends only on the SPI, the events contract's data classes, the JDK,
 * Jackson and SLF4J; the runtime (on this module's test class path, next to a real vendor) names
 * no vendor. Each rule is also shown to catch a violation.
 */
class ProxmoxArchitectureTest {

    private static final String[] LIBRARIES = {"com.fasterxml.jackson..", "org.slf4j.."};

    private static ArchRule vendorRule(String vendorPackage) {
        return CollectorArchitecture.vendorModule(vendorPackage, LIBRARIES);
    }

    @Test
    void shouldDependOnlyOnTheSpiTheContractAndItsOwnLibraries() {
        vendorRule("org.sitewatch.collectors.proxmox..")
                .check(CollectorArchitecture.mainClasses("org.sitewatch.collectors.proxmox"));
    }

    @Test
    void shouldKeepTheRuntimeFreeOfVendors() {
        CollectorArchitecture.runtimeKnowsNoVendor("org.sitewatch.collectors.runtime..", "org.sitewatch.collectors.config..")
                .check(CollectorArchitecture.mainClasses("org.sitewatch.collectors.runtime",
                        "org.sitewatch.collectors.config"));
    }

    @Test
    void shouldCatchAVendorReachingIntoTheRuntimeKafkaTopicsOrSpring() {
        EvaluationResult result = vendorRule("org.sitewatch.collectors.proxmox.archfixture..")
                .evaluate(new ClassFileImporter().importPackages("org.sitewatch.collectors.proxmox.archfixture"));

        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("RetryPolicy"))
                .anyMatch(d -> d.contains("org.sitewatch.events.Topics"))
                .anyMatch(d -> d.contains("org.springframework.util.StringUtils"));
    }

    @Test
    void shouldCatchTheRuntimeNamingAVendor() {
        // The fixture package stands in for runtime code: it uses the Proxmox plug-in directly.
        EvaluationResult result = CollectorArchitecture.runtimeKnowsNoVendor("org.sitewatch.collectors.proxmox.archfixture..")
                .evaluate(new ClassFileImporter().importClasses(VendorNamingRuntime.class));

        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("ProxmoxCollectorFactory"));
    }
}
