/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.submitted;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.DoorPolicy;
import org.leaddiversion.domain.policy.EligibilityAuthority;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SitePolicyHistory;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.referral.Referrer;
import org.quicktheories.generators.Generate;

/**
 * R07: submitting a community referral is not approving it. Only an actor holding one of the door's approver roles may
 * approve, never the person who submitted it — even when that person holds an approver role — and the referral is
 * accepted only after approval.
 */
class SubmissionIsNotApprovalTest {

    private static final SiteId SITE = new SiteId("approval-site");
    private static final Set<Role> APPROVERS = EnumSet.of(Role.SERGEANT, Role.PROJECT_MANAGER);
    private static final Instant REFERRED = Instant.parse("2025-05-06T17:00:00Z");

    private static SitePolicyHistory site() {
        SitePolicy p = SitePolicy.builder(SITE, ZoneId.of("America/Los_Angeles"))
                .version(1, LocalDate.of(2020, 1, 1))
                .door(new DoorPolicy(Door.COMMUNITY, EnumSet.of(Role.COMMUNITY_REFERRER, Role.PROJECT_MANAGER), Set.of(),
                        APPROVERS, EligibilityAuthority.OFFICER_ONLY, Set.of()))
                .build();
        return SitePolicyHistory.of(p);
    }

    @Test
    void only_an_approver_other_than_the_submitter_approves_and_acceptance_waits_for_it() {
        qt().forAll(Generate.pick(List.of(Role.values())), Generate.pick(List.of(Role.COMMUNITY_REFERRER,
                Role.PROJECT_MANAGER)), Generate.booleans()).checkAssert((approverRole, submitterRole, sameperson) -> {
                    var clock = new MutableClock(REFERRED);
                    var programme = programme(clock, site());
                    var desk = programme.desk();
                    Actor submitter = Actor.of("submitter-1", submitterRole);
                    ReferralSubmission s = ReferralSubmission.builder(SITE, Door.COMMUNITY, Referrer.trained(submitter),
                            Fixtures.anAdult("person-r07")).personConsents(true).build();
                    Referral r = submitted(desk, s);

                    // Given the referral is not approved yet, it cannot be accepted
                    assertTrue(desk.accept(r.id(), Fixtures.CASE_MANAGER).hasError(ErrorCode.APPROVAL_REQUIRED));

                    // When someone tries to approve it
                    Actor approver = sameperson ? new Actor(submitter.id(), approverRole, submitter.agency())
                            : Actor.of("approver-1", approverRole);
                    Outcome<Referral> approved = desk.approve(r.id(), approver);

                    // Then only an approver role held by someone other than the submitter succeeds
                    boolean allowed = APPROVERS.contains(approverRole) && !sameperson;
                    assertEquals(allowed, approved.isSuccess(), () -> approved.toString());
                    if (!allowed) {
                        assertTrue(approved.errors().stream().allMatch(e -> e.rule() == RuleId.R07));
                        assertEquals(sameperson, approved.hasError(ErrorCode.SUBMITTER_CANNOT_APPROVE));
                        assertEquals(r.version(), programme.referrals().find(r.id()).orElseThrow().version());
                        return;
                    }
                    Referral accepted = expect(desk.accept(r.id(), Fixtures.CASE_MANAGER), "accept after approval");
                    assertEquals(ReferralStatus.PENDING_INTAKE, accepted.status());
                });
    }
}
