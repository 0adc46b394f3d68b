/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.assertRulesHold;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.completeIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.pendingIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.policy.IntakePolicy;
import org.leaddiversion.domain.policy.LapsePolicy;
import org.leaddiversion.domain.policy.LapseRecipient;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.quicktheories.generators.Generate;

/**
 * R40: a referral is screened and timed against the policy version in force at {@code referredAt} — the version
 * whose effective local midnight, in the site zone, is not after it — and a newer version changes nothing about it.
 */
@DisplayName("R40 policy version at referral")
class PolicyVersionAtReferralTest {

    @Test
    void either_side_of_a_new_versions_local_midnight_and_after_a_later_version_is_appended() {
        qt().forAll(LeadGenerators.admissibleCases(), Generate.range(1, 30), Generate.range(1, 30),
                Generate.pick(List.of(LapseRecipient.values()))).checkAssert((c, oldDays, newDays, recipient) -> {
                    SitePolicy base = c.policy();
                    LocalDate effective = LocalDate.ofInstant(c.referredAt(), base.zone()).plusDays(1);
                    SitePolicy v1 = base.toBuilder().version(1, base.effectiveFrom())
                            .intake(new IntakePolicy(oldDays, OptionalInt.empty(), false, false, Set.of())).build();
                    SitePolicy v2 = base.toBuilder().version(2, effective)
                            .intake(new IntakePolicy(newDays, OptionalInt.empty(), false, false, Set.of()))
                            .lapse(new LapsePolicy(recipient, false, Optional.empty())).build();
                    Instant midnight = effective.atStartOfDay(base.zone()).toInstant();
                    var clock = new MutableClock(midnight.minusNanos(1));
                    var programme = programme(clock, history(v1, v2));
                    var desk = programme.desk();

                    // Given one referral a nanosecond before the new version's local midnight, one at midnight
                    Referral before = pendingIntake(desk, v1, as(c.submission(), "BEFORE"));
                    clock.set(midnight);
                    Referral after = pendingIntake(desk, v2, as(c.submission(), "AFTER"));

                    // Then each is screened and timed under the version in force at its own instant
                    assertEquals(1, before.policyVersion());
                    assertEquals(1, before.screening().policyVersion());
                    assertEquals(effective.minusDays(1).plusDays(oldDays), before.intakeDeadline().date());
                    assertEquals(2, after.policyVersion());
                    assertEquals(2, after.screening().policyVersion());
                    assertEquals(effective.plusDays(newDays), after.intakeDeadline().date());

                    // When a third version is appended (for the future), with other deadlines
                    SitePolicy v3 = v2.toBuilder().version(3, effective.plusDays(2))
                            .intake(new IntakePolicy(1, OptionalInt.of(1), false, false, Set.of())).build();
                    programme.policies().append(v3);

                    // Then the stored decisions keep their versions and deadlines, and commands still use them
                    Referral storedBefore = programme.referrals().find(before.id()).orElseThrow();
                    Referral storedAfter = programme.referrals().find(after.id()).orElseThrow();
                    assertEquals(before.screening(), storedBefore.screening());
                    assertEquals(before.intakeDeadline(), storedBefore.intakeDeadline());
                    assertEquals(after.screening(), storedAfter.screening());
                    assertEquals(after.intakeDeadline(), storedAfter.intakeDeadline());
                    assertEquals(1, completeIntake(desk, v1, before.id()).policyVersion());
                    assertEquals(2, completeIntake(desk, v2, after.id()).policyVersion());
                    assertRulesHold(programme, clock.instant());
                });
    }

    private static ReferralSubmission as(ReferralSubmission s, String id) {
        Person p = s.person();
        return s.toBuilder().person(new Person(new PersonId(id), p.dateOfBirth(), p.demographics(), p.residence(),
                false)).build();
    }
}
