package org.sitewatch.collectors.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.sitewatch.collectors.spi.archunit.CollectorArchitecture;

/**
 * The library depends only on the SPI, the events contract's data classes, the JDK, Jackson,
 * SLF4J and Apache MINA SSHD, like a vendor module; the rule is also shown to catch a breach.
 */
class StorageReplicationArchitectureTest {

    private static final String[] LIBRARIES = {"com.fasterxml.jackson..", "org.slf4j..", "org.apache.sshd.."};

    @Test
    void shouldDependOnlyOnTheSpiTheContractAndItsOwnLibraries() {
        CollectorArchitecture.vendorModule("org.sitewatch.collectors.storage..", LIBRARIES)
                .check(CollectorArchitecture.mainClasses("org.sitewatch.collectors.storage"));
    }

    @Test
    void shouldCatchAClassReachingOutsideThoseLibraries() {
        ArchRule rule = CollectorArchitecture.vendorModule("org.sitewatch.collectors.storage..", LIBRARIES);

        // The test classes use JUnit and AssertJ, which the library itself must not.
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(StorageSettingsTest.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("org.assertj"));
    }
}
