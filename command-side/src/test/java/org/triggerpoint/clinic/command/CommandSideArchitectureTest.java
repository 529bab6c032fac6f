package org.triggerpoint.clinic.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Aggregates hold the record's rules and nothing else: no web, no SQL, no clock or randomness of their own. */
@AnalyzeClasses(packages = "org.triggerpoint.clinic.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandSideArchitectureTest {

    @ArchTest
    static final ArchRule aggregatesKnowNothingOfHttpOrSql = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.jdbc..",
                    "jakarta.servlet..", "java.sql..", "org.triggerpoint.clinic.command.web..")
            .because("a rule enforced in a controller or a query is a rule a second caller can skip");

    @ArchTest
    static final ArchRule aggregatesTakeTimeAndIdsFromTheirCommands = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(UUID.class, "randomUUID")
            .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
            .because("handlers given the same command and history must give the same events");

    @ArchTest
    static final ArchRule commandsAreRecords = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .that().resideInAnyPackage("..command.client..", "..command.therapist..", "..command.session..",
                    "..command.user..")
            .and().haveSimpleNameNotEndingWith("Test")
            .and().areNotInterfaces().and().areNotEnums().and().areNotAnnotatedWith(Aggregate.class)
            .and().areNotAnnotatedWith(org.springframework.stereotype.Component.class)
            .and().areNotAnnotatedWith(org.springframework.stereotype.Service.class)
            .and().areNotAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .and().areTopLevelClasses()
            .should().beAssignableTo(Record.class)
            .because("commands are immutable messages");
}
