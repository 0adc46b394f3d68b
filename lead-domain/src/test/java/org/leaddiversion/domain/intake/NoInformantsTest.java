/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.CASE_MANAGER;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.assertRulesHold;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.events;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.LeadGenerators.ScreeningCase;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.DoorPolicy;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.RuleStrength;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * R37 (core): LEAD is not a confidential-informant programme. A person flagged as an active confidential informant
 * never reaches PENDING_INTAKE, never has a held charge and is never enrolled — whatever the site policy, including
 * one whose informant criterion (E16) has been configured for some doors only. Screening (E16, always HARD) and
 * acceptance both refuse an informant, so either alone keeps the rule.
 */
@DisplayName("R37 no informants")
class NoInformantsTest {

    /**
     * Generated sites and an informant referred through one of their doors. Half the time the site tries to narrow E16
     * to some doors; where the policy accepts that (a narrowing that still covers every enabled door), it is used.
     */
    static Gen<ScreeningCase> informants() {
        return LeadGenerators.admissibleCases().zip(Generate.booleans(), Generate.range(1, 15), (c, narrow, mask) -> {
            SitePolicy p = c.policy();
            if (narrow) {
                var doors = EnumSet.noneOf(Door.class);
                for (Door d : Door.values()) {
                    if ((mask & (1 << d.ordinal())) != 0) {
                        doors.add(d);
                    }
                }
                try {
                    p = p.toBuilder().version(p.version(), p.effectiveFrom())
                            .exclusion(ExclusionKind.ACTIVE_CONFIDENTIAL_INFORMANT, RuleStrength.HARD, doors, Set.of())
                            .build();
                } catch (InvalidValueException refused) {
                    // the policy refuses to narrow E16 away from an enabled door: that site cannot exist
                }
            }
            Person x = c.submission().person();
            ReferralSubmission s = c.submission().toBuilder()
                    .person(new Person(x.id(), x.dateOfBirth(), x.demographics(), x.residence(), true))
                    .personConsents(true).build();
            return new ScreeningCase(p, c.referredAt(), s);
        });
    }

    @Test
    void an_active_confidential_informant_is_never_accepted_held_or_enrolled() {
        qt().withExamples(300).forAll(informants()).checkAssert(c -> {
            var clock = new MutableClock(c.referredAt());
            var programme = programme(clock, history(c.policy()));
            var desk = programme.desk();
            SitePolicy p = c.policy();
            Outcome<Referral> submitted = desk.submit(c.submission());
            if (!submitted.isSuccess()) {
                return;
            }
            Referral r = submitted.value();
            DoorPolicy door = p.door(r.door()).orElseThrow();
            // everyone tries everything, in the order that would otherwise take the referral into LEAD
            var attempts = new ArrayList<Outcome<Referral>>();
            clock.advance(Duration.ofMinutes(5));
            attempts.add(desk.recordConsent(r.id(), CASE_MANAGER));
            attempts.add(desk.recordHandoff(r.id(), CASE_MANAGER, c.referredAt(), clock.instant()));
            for (Role role : door.approvalRoles()) {
                attempts.add(desk.approve(r.id(), Actor.of("approver", role)));
            }
            for (Role role : door.authorityRoles()) {
                attempts.add(desk.decideEligibility(r.id(), Actor.of("authority-" + role, role), true, null));
            }
            for (Role role : List.of(Role.values())) {
                attempts.add(desk.override(r.id(), Actor.of("override-" + role, role), "overridden"));
                attempts.add(desk.accept(r.id(), Actor.of("accept-" + role, role)));
                attempts.add(desk.completeIntake(r.id(), Actor.of("intake-" + role, role)));
                attempts.add(desk.recordRoiSignature(r.id(), Actor.of("roi-" + role, role)));
            }
            Referral after = programme.referrals().find(r.id()).orElseThrow();
            assertTrue(after.acceptedAt().isEmpty(), () -> "accepted after " + attempts);
            assertNotEquals(ReferralStatus.PENDING_INTAKE, after.status());
            assertNotEquals(ReferralStatus.INTAKE_COMPLETED, after.status());
            assertTrue(after.divertedCase().isEmpty());
            assertTrue(events(programme, ReferralEvent.ReferralAccepted.class).isEmpty());
            assertTrue(programme.enrollments().all().isEmpty());
            assertRulesHold(programme, clock.instant());
        });
    }
}
