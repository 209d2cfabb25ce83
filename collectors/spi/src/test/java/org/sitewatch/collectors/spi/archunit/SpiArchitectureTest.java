package org.sitewatch.collectors.spi.archunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The SPI stays free of Spring and Kafka: by its imports, and by what its class path can load. */
class SpiArchitectureTest {

    @Test
    void shouldKeepTheSpiFreeOfSpringKafkaAndKafkaBoundContractClasses() {
        CollectorArchitecture.spiIsFrameworkFree(CollectorArchitecture.SPI)
                .check(CollectorArchitecture.mainClasses("org.sitewatch.collectors.spi"));
    }

    @Test
    void shouldNotFindKafkaOnTheSpisClassPath() {
        // The pom excludes Kafka from the events contract; a dependency bringing it back fails here.
        assertThatThrownBy(() -> Class.forName("org.apache.kafka.clients.producer.Producer"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.apache.kafka.common.serialization.Serde"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void shouldFindTheContractsKafkaBoundClassesFromTheirBytecode() {
        assertThat(CollectorArchitecture.kafkaBoundContractClasses())
                .contains("org.sitewatch.events.Topics", "org.sitewatch.events.CloudEventSerde")
                .doesNotContain("org.sitewatch.events.VmState", "org.sitewatch.events.Platform");
    }

    @Test
    void shouldCatchSpringInSpiCode() {
        EvaluationResult result = CollectorArchitecture.spiIsFrameworkFree("org.sitewatch.collectors.spi.archunit.fixture..")
                .evaluate(new ClassFileImporter().importPackages("org.sitewatch.collectors.spi.archunit.fixture"));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("SpringLeak").contains("org.springframework.util.StringUtils");
    }
}
