/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.prosecution;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.completeIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.pendingIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.quicktheories.QuickTheory.qt;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.referral.Offence;
import org.quicktheories.core.Gen;

/**
 * R25: recording an arrest or charge after enrollment (flagging a case), consultations, case-manager input and any
 * charging decision — in any order, by any role, accepted or refused — never changes the enrollment: its version,
 * status and the programme's event log stay as they were. The prosecution package has no access to the enrollment
 * aggregate or its repositories at all.
 */
@DisplayName("R25 prosecution never changes the enrollment")
class ProsecutionNeverChangesEnrollmentTest {

    private static final List<Role> ROLES = List.of(Role.values());

    private static Gen<List<Integer>> commands() {
        return in -> {
            var out = new ArrayList<Integer>();
            int n = LeadGenerators.between(in, 1, 8);
            for (int i = 0; i < n; i++) {
                out.add(LeadGenerators.between(in, 0, 1_000_000));
            }
            return out;
        };
    }

    @Test
    void no_prosecution_command_changes_the_enrollment() {
        qt().withExamples(40).forAll(LeadGenerators.admissibleCases(), commands()).checkAssert((c, cmds) -> {
            var clock = new MutableClock(c.referredAt());
            var programme = programme(clock, history(c.policy()));
            Referral pending = pendingIntake(programme.desk(), c.policy(), c.submission());
            Referral done = completeIntake(programme.desk(), c.policy(), pending.id());
            Enrollment before = programme.enrollments().find(done.enrollment().orElseThrow()).orElseThrow();
            List<DomainEvent> eventsBefore = List.copyOf(programme.events());
            EnrollmentStatus status = before.status();

            clock.advance(Duration.ofDays(2));
            var ids = IdGenerator.sequential(25);
            List<PostEnrollmentCase> cases = new ArrayList<>();
            cases.add(expect(PostEnrollmentCase.flag(ids, before.person(), before.site(), Optional.of(before.id()),
                    List.of(new Offence(OffenceCode.of("DRUG_POSSESSION"), OffenceLevel.FELONY, false)), List.of(),
                    clock.instant(), clock.instant()), "flag"));
            for (int x : cmds) {
                clock.advance(Duration.ofHours(1 + x % 48));
                Actor actor = Actor.of("a" + x % 3, ROLES.get(x % ROLES.size()));
                int which = (x / 7) % cases.size();
                PostEnrollmentCase pc = cases.get(which);
                var out = switch ((x / 11) % 4) {
                    case 0 -> PostEnrollmentCase.flag(ids, before.person(), before.site(), Optional.of(before.id()),
                            pc.offences(), List.of(), clock.instant(), clock.instant());
                    case 1 -> pc.requestConsultation(actor, clock.instant(), c.policy().consultationWindowDays());
                    case 2 -> pc.recordCaseManagerInput(actor, "attending appointments", clock.instant());
                    default -> pc.recordDecision(actor, ChargingDecision.values()[x % ChargingDecision.values().length],
                            x % 2 == 0 ? Optional.of("in custody") : Optional.empty(), Optional.of("new arrest"),
                            x % 5 == 0, clock.instant());
                };
                if (out.isSuccess()) {
                    if ((x / 11) % 4 == 0) {
                        cases.add(out.value());
                    } else {
                        cases.set(which, out.value());
                    }
                }
                Enrollment now = programme.enrollments().find(before.id()).orElseThrow();
                assertEquals(before.version(), now.version());
                assertEquals(status, now.status());
                assertEquals(eventsBefore, programme.events());
            }
        });
    }

    @Test
    void the_prosecution_package_does_not_touch_the_enrollment_aggregate() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.leaddiversion.domain");
        noClasses().that().resideInAPackage("..prosecution..")
                .should().dependOnClassesThat().haveFullyQualifiedName(Enrollment.class.getName())
                .orShould().dependOnClassesThat().resideInAnyPackage("..memory..", "..intake..")
                .orShould().dependOnClassesThat().haveSimpleName("Enrollments")
                .because("rule R25: recording an arrest, charge or charging decision never changes the enrollment")
                .check(classes);
    }
}
