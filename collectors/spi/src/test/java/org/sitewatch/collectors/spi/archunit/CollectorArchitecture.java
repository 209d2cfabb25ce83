package org.sitewatch.collectors.spi.archunit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The dependency rules of the collector platform, written once for every module to apply to
 * itself (shipped in the SPI's test-jar):
 * <ul>
 *   <li>{@link #spiIsFrameworkFree}: the SPI uses no Spring, no Kafka, and none of the events
 *       contract's Kafka-bound classes;</li>
 *   <li>{@link #vendorModule}: a vendor plug-in depends only on the SPI, the events contract's
 *       data classes, the JDK and the libraries it names;</li>
 *   <li>{@link #runtimeKnowsNoVendor}: the runtime and its Spring wiring depend on no vendor.</li>
 * </ul>
 *
 * <p>The contract's Kafka-bound classes (serdes, {@code Topics}, topic provisioning: whatever uses
 * Kafka or CloudEvents' Kafka binding itself) are found from the bytecode, so the list cannot go
 * stale.
 */
public final class CollectorArchitecture {

    public static final String SPI = "org.sitewatch.collectors.spi..";
    public static final String EVENTS = "org.sitewatch.events";
    private static final List<String> KAFKA = List.of("org.apache.kafka", "io.cloudevents.kafka");

    private CollectorArchitecture() {
    }

    /** The main (non-test) classes of the given packages and their sub-packages, from the class path. */
    public static JavaClasses mainClasses(String... packages) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(packages);
    }

    /**
     * The events contract's classes that use Kafka or CloudEvents' Kafka binding themselves (serdes,
     * topics, provisioning, client settings). A data class that merely names one of them (an enum
     * mapping itself to its topic) stays usable without Kafka and is not counted.
     */
    public static Set<String> kafkaBoundContractClasses() {
        return KafkaBound.CLASSES;
    }

    /** Computed once per JVM: importing the contract is the slow part of these rules. */
    private static final class KafkaBound {
        static final Set<String> CLASSES = Set.copyOf(find());
    }

    private static Set<String> find() {
        Set<String> bound = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().importPackages(EVENTS)) {
            if (c.getDirectDependenciesFromSelf().stream().map(Dependency::getTargetClass)
                    .anyMatch(CollectorArchitecture::isKafka)) {
                bound.add(c.getName());
            }
        }
        return bound;
    }

    private static boolean isKafka(JavaClass c) {
        return KAFKA.stream().anyMatch(p -> c.getPackageName().equals(p) || c.getPackageName().startsWith(p + "."));
    }

    private static DescribedPredicate<JavaClass> kafkaBound() {
        Set<String> bound = kafkaBoundContractClasses();
        return DescribedPredicate.describe("a Kafka-bound class of the events contract " + bound,
                c -> bound.contains(c.getName()));
    }

    private static DescribedPredicate<JavaClass> kafka() {
        return DescribedPredicate.describe("Kafka", CollectorArchitecture::isKafka);
    }

    /** The SPI in {@code spiPackage} (normally {@link #SPI}) uses no Spring, no Kafka, no Kafka-bound contract class. */
    public static ArchRule spiIsFrameworkFree(String spiPackage) {
        return noClasses().that().resideInAPackage(spiPackage)
                .should().dependOnClassesThat(resideInAPackage("org.springframework..").or(kafka()).or(kafkaBound()))
                .because("the SPI must stay usable without Spring or Kafka: plug-ins and tests build on it alone");
    }

    /**
     * A vendor plug-in in {@code vendorPackage} (e.g. {@code org.sitewatch.collectors.proxmox..})
     * depends only on itself, the SPI, the events contract's data classes, {@code java..},
     * {@code javax..} and {@code libraries} (package patterns, e.g. {@code com.fasterxml.jackson..}).
     */
    public static ArchRule vendorModule(String vendorPackage, String... libraries) {
        String[] own = Stream.concat(Stream.of(vendorPackage, SPI, "java..", "javax.."), Stream.of(libraries))
                .toArray(String[]::new);
        DescribedPredicate<JavaClass> contractData = resideInAPackage(EVENTS).and(not(kafkaBound()))
                .as("a data class of the events contract");
        return classes().that().resideInAPackage(vendorPackage)
                .should().onlyDependOnClassesThat(resideInAnyPackage(own).or(contractData))
                .because("a vendor plug-in sees only the SPI and the event contract, never the runtime, Kafka, "
                        + "Spring or another vendor");
    }

    /** The runtime ({@code runtimePackages}) depends on no collector package but the SPI and its own. */
    public static ArchRule runtimeKnowsNoVendor(String... runtimePackages) {
        String[] allowed = Stream.concat(Stream.of(SPI), Stream.of(runtimePackages)).toArray(String[]::new);
        return noClasses().that().resideInAnyPackage(runtimePackages)
                .should().dependOnClassesThat(resideInAPackage("org.sitewatch.collectors..")
                        .and(not(resideInAnyPackage(allowed))))
                .because("vendors are plug-ins found with ServiceLoader; the runtime must not name one");
    }
}
