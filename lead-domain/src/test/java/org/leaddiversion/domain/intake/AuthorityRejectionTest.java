/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.CASE_MANAGER;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.assertRulesHold;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.eventsOf;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.pendingIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.withAuthority;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.LeadGenerators.ScreeningCase;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.EligibilityAuthority;
import org.leaddiversion.domain.policy.SitePolicy;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * R16: if the door's eligibility authority rejects an arrest diversion that is PENDING_INTAKE, the referral is
 * INELIGIBLE and the diverted case goes to RELEASED_FOR_ORDINARY_REVIEW (reason AUTHORITY_REJECTED) even if intake was
 * under way; no enrollment is created. Only the authority's roles may reject, and only with a written reason.
 */
@DisplayName("R16 authority rejection releases the hold")
class AuthorityRejectionTest {

    private static final List<EligibilityAuthority> AUTHORITIES = List.of(EligibilityAuthority.PROSECUTOR,
            EligibilityAuthority.PM_OR_LE_APPROVER, EligibilityAuthority.COMMITTEE, EligibilityAuthority.ALL_PARTNERS);

    /** Arrest diversions at sites where an authority other than the officer has the final say. */
    static Gen<ScreeningCase> withAnAuthority() {
        return LeadGenerators.admissibleCases(Door.ARREST_DIVERSION).zip(Generate.pick(AUTHORITIES),
                (c, a) -> new ScreeningCase(withAuthority(c.policy(), Door.ARREST_DIVERSION, a), c.referredAt(),
                        c.submission()));
    }

    @Test
    void the_authority_rejecting_a_pending_arrest_diversion_releases_the_held_charge_and_nothing_enrolls() {
        qt().forAll(withAnAuthority(), Generate.range(0, 1000), Generate.booleans()).checkAssert((c, die, assessed) -> {
            var clock = new MutableClock(c.referredAt());
            var programme = programme(clock, history(c.policy()));
            var desk = programme.desk();
            SitePolicy p = c.policy();
            List<Role> authority = new ArrayList<>(p.door(Door.ARREST_DIVERSION).orElseThrow().authorityRoles());
            // Given an arrest diversion pending intake, its charge held — perhaps with the assessment already done
            Referral pending = pendingIntake(desk, p, c.submission());
            if (assessed && p.intake().requiresRoi()) {
                expect(desk.completeIntake(pending.id(), CASE_MANAGER), "assessment (ROI still missing)");
            }

            // When an actor of the authority rejects it, with a reason
            Role role = authority.get(die % authority.size());
            Referral rejected = expect(desk.decideEligibility(pending.id(), Actor.of("authority", role), false,
                    "prior conduct outside the programme's remit"), "rejection by " + role);

            // Then the referral is ineligible and the charge is back with the ordinary charging review, once
            assertEquals(ReferralStatus.INELIGIBLE, rejected.status());
            assertEquals(role, rejected.authorityRejection().orElseThrow().role());
            DivertedCase held = rejected.divertedCase().orElseThrow();
            assertEquals(DivertedCaseStatus.RELEASED_FOR_ORDINARY_REVIEW, held.status());
            assertEquals(ReleaseReason.AUTHORITY_REJECTED, held.releaseReason().orElseThrow());
            assertEquals(p.lapse().recipient(), held.notified().orElseThrow());
            var releases = eventsOf(programme, pending.id(), ReferralEvent.DivertedCaseReleased.class);
            assertEquals(1, releases.size());
            assertEquals(ReleaseReason.AUTHORITY_REJECTED, releases.get(0).reason());
            assertEquals(1, eventsOf(programme, pending.id(), ReferralEvent.EligibilityRejectedByAuthority.class).size());

            // and intake can no longer bring it into LEAD, nor a sweep release it again
            assertFalse(desk.completeIntake(pending.id(), CASE_MANAGER).isSuccess());
            assertFalse(desk.recordRoiSignature(pending.id(), CASE_MANAGER).isSuccess());
            clock.set(pending.intakeDeadline().firstLateInstant().plus(Duration.ofHours(1)));
            assertTrue(desk.sweepDeadlines().lapsed().isEmpty());
            assertEquals(1, eventsOf(programme, pending.id(), ReferralEvent.DivertedCaseReleased.class).size());
            assertTrue(programme.enrollments().all().isEmpty());
            assertRulesHold(programme, clock.instant());
        });
    }

    @Test
    void only_the_authority_may_reject_and_only_with_a_written_reason() {
        qt().forAll(withAnAuthority(), Generate.pick(List.of(Role.values())), Generate.pick(List.of("", "  ")))
                .checkAssert((c, role, blank) -> {
                    var clock = new MutableClock(c.referredAt());
                    var programme = programme(clock, history(c.policy()));
                    var desk = programme.desk();
                    var authority = EnumSet.copyOf(c.policy().door(Door.ARREST_DIVERSION).orElseThrow().authorityRoles());
                    Referral pending = pendingIntake(desk, c.policy(), c.submission());
                    int events = programme.events().size();

                    Outcome<Referral> out = desk.decideEligibility(pending.id(), Actor.of("someone", role), false,
                            authority.contains(role) ? (blank.isEmpty() ? null : blank) : "a reason");

                    assertFalse(out.isSuccess());
                    assertTrue(out.hasError(authority.contains(role) ? ErrorCode.REASON_REQUIRED : ErrorCode.NOT_AUTHORISED),
                            () -> role + ": " + out.errors());
                    Referral still = programme.referrals().find(pending.id()).orElseThrow();
                    assertEquals(pending.version(), still.version());
                    assertEquals(ReferralStatus.PENDING_INTAKE, still.status());
                    assertEquals(DivertedCaseStatus.HELD, still.divertedCase().orElseThrow().status());
                    assertEquals(events, programme.events().size());
                });
    }

    @Test
    void where_the_officer_decides_there_is_no_authority_to_reject() {
        qt().forAll(LeadGenerators.admissibleCases(Door.ARREST_DIVERSION)).checkAssert(c -> {
            SitePolicy p = withAuthority(c.policy(), Door.ARREST_DIVERSION, EligibilityAuthority.OFFICER_ONLY);
            var clock = new MutableClock(c.referredAt());
            var programme = programme(clock, history(p));
            Referral pending = pendingIntake(programme.desk(), p, c.submission());
            Outcome<Referral> out = programme.desk().decideEligibility(pending.id(), Actor.of("pros", Role.PROSECUTOR),
                    false, "reason");
            assertTrue(out.hasError(ErrorCode.POLICY_FORBIDS), () -> out.errors().toString());
            assertEquals(ReferralStatus.PENDING_INTAKE, programme.referrals().find(pending.id()).orElseThrow().status());
        });
    }
}
