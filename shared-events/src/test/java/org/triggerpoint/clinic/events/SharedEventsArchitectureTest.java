package org.triggerpoint.clinic.events;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The published language of both sides stays plain: events and their values need nothing but the JDK, Axon's
 * {@code @Revision} and Jackson's annotations. Only the stored form ({@code storage}: serializer and table layout) and the upcasters
 * ({@code upcasting}) may use Axon's and Jackson's machinery.
 */
@AnalyzeClasses(packages = "org.triggerpoint.clinic.events", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedEventsArchitectureTest {

    private static final String STORAGE = "org.triggerpoint.clinic.events.storage..";
    private static final String UPCASTING = "org.triggerpoint.clinic.events.upcasting..";

    @ArchTest
    static final ArchRule eventsAndValuesDependOnlyOnTheJdkRevisionAndJacksonAnnotations = classes()
            .that().resideInAPackage("org.triggerpoint.clinic.events..")
            .and().resideOutsideOfPackages(STORAGE, UPCASTING)
            .should().onlyDependOnClassesThat(
                    resideInAnyPackage("java..", "org.axonframework.serialization", "com.fasterxml.jackson.annotation..")
                            .or(resideInAPackage("org.triggerpoint.clinic.events..")
                                    .and(resideOutsideOfPackages(STORAGE, UPCASTING))))
            .because("events are read by every service and stored for years: they carry facts, not frameworks");

    @ArchTest
    static final ArchRule noSpringAnywhere = noClasses()
            .that().resideInAPackage("org.triggerpoint.clinic.events..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .because("shared-events is a plain library that both Spring applications depend on, not the other way");
}
