package org.sitewatch.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The core is plain Java over the event contract: no Kafka (Streams or clients), no Spring, so that
 * the streams app and the audit replay run the very same functions. Checked on the compiled classes.
 */
class CoreDependencyRulesTest {

    static final ArchRule PURE_CORE = noClasses().that().resideInAPackage("org.sitewatch.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework..",
                    "io.cloudevents..")
            .because("the core holds the folding, rules and views as plain functions over values");

    @Test
    void shouldKeepKafkaAndSpringOutOfTheCore() {
        JavaClasses core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sitewatch.core");

        assertThat(core).as("the rule must see the core's classes").hasSizeGreaterThan(50);
        PURE_CORE.check(core);
    }

    @Test
    void shouldCatchACoreClassThatUsesKafkaOrSpring() {
        JavaClasses leaky = new ClassFileImporter().importPackages("org.sitewatch.core.archfixture");

        assertThatThrownBy(() -> PURE_CORE.check(leaky)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.apache.kafka.common.serialization.StringSerializer")
                .hasMessageContaining("org.springframework.util.StringUtils");
    }
}
