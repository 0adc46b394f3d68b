/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The domain is pure Java (STYLE.md habits 5 and 7): main code depends on {@code java.*} and itself only, takes time
 * from an injected {@link Clock} and identities from an injected generator, never writes to the console, and its
 * packages form no cycle.
 */
@AnalyzeClasses(packages = "org.leaddiversion.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String DOMAIN = "org.leaddiversion.domain..";

    @ArchTest
    static final ArchRule the_domain_depends_on_java_and_itself_only = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
            .because("lead-domain has no runtime dependencies: hosts embed it whatever their stack");

    @ArchTest
    static final ArchRule time_comes_from_the_injected_clock = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDate.class, "now", ZoneId.class)
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now", ZoneId.class)
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now", ZoneId.class)
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now", ZoneId.class)
            .orShould().callMethod(LocalTime.class, "now")
            .orShould().callMethod(LocalTime.class, "now", ZoneId.class)
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(Clock.class, "system", ZoneId.class)
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .because("every timestamp comes from the injected Clock (rule R29)");

    @ArchTest
    static final ArchRule identities_and_chance_come_from_injected_sources = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().callMethod(UUID.class, "randomUUID")
            .orShould().dependOnClassesThat().areAssignableTo(Random.class)
            .orShould().dependOnClassesThat().areAssignableTo(ThreadLocalRandom.class)
            .orShould().dependOnClassesThat().areAssignableTo(SecureRandom.class)
            .because("ids come from the injected IdGenerator and the domain is deterministic");

    @ArchTest
    static final ArchRule nothing_is_written_to_the_console = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("the library never logs personal or criminal-justice data; hosts decide what to record");

    @ArchTest
    static final ArchRule the_packages_form_no_cycle = slices()
            .matching("org.leaddiversion.domain.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule only_the_rules_and_the_wiring_read_the_work_group = noClasses()
            .that().resideOutsideOfPackages("org.leaddiversion.domain.workgroup..", "org.leaddiversion.domain.rules..",
                    "org.leaddiversion.domain.memory..")
            .should().dependOnClassesThat().resideInAPackage("org.leaddiversion.domain.workgroup..")
            .because("the OWG agenda reads intake, enrollment, prosecution and consent; only the rule catalogue "
                    + "(R38 checks agendas) and the in-memory wiring read it, so no command depends on it");
}
