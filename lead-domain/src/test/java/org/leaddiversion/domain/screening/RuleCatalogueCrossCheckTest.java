/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.LeadGenerators.ScreeningCase;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.memory.InMemorySitePolicies;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.SitePolicyHistory;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.rules.Invariant;
import org.leaddiversion.domain.rules.ProgrammeRecord;
import org.leaddiversion.domain.rules.RuleCatalogue;
import org.leaddiversion.domain.rules.Violation;
import org.quicktheories.core.Gen;

/**
 * Cross-check of the screening rules R04–R06, R08–R15, R17 and R40 against the engine-neutral statements of
 * {@link RuleCatalogue}: every referral that screening lets through the door, recorded as a {@link Referral}, satisfies
 * each of those invariants. The rule-by-rule property tests of this package state the rules themselves; this test
 * makes sure the two statements of each rule agree.
 */
class RuleCatalogueCrossCheckTest {

    private static final List<RuleId> SCREENING_RULES = List.of(RuleId.R04, RuleId.R05, RuleId.R06, RuleId.R08,
            RuleId.R09, RuleId.R10, RuleId.R11, RuleId.R12, RuleId.R13, RuleId.R14, RuleId.R15, RuleId.R17, RuleId.R40);

    record Recorded(ScreeningCase c, ScreeningContext context) {
    }

    @Test
    void screened_referrals_satisfy_the_catalogue_statements_of_the_screening_rules() {
        Gen<ScreeningCase> admitted = ScreeningCases.admittedCases(Door.values());
        Gen<ScreeningCase> any = LeadGenerators.screeningCases();
        Gen<Recorded> cases = in -> new Recorded(ScreeningCases.chance(in, 60) ? admitted.generate(in) : any.generate(in),
                ScreeningCases.context(in));
        long[] seen = new long[1];
        qt().withExamples(1500).forAll(cases).checkAssert(r -> {
            ScreeningCase c = r.c();
            ScreeningDecision d = EligibilityScreening.of(c.policy()).screen(c.submission(), c.referredAt(), r.context());
            var submitted = Referral.submit(new ReferralId(new UUID(7, seen[0]++)), c.submission(), c.referredAt(),
                    c.policy(), d, List.of());
            if (!submitted.isSuccess()) {
                return;
            }
            var policies = new InMemorySitePolicies(Clock.fixed(c.referredAt(), ZoneOffset.UTC))
                    .put(SitePolicyHistory.of(c.policy()));
            var record = new ProgrammeRecord(policies, List.of(submitted.value()), List.of(), submitted.events(),
                    c.referredAt());
            var violations = new ArrayList<Violation>();
            for (RuleId rule : SCREENING_RULES) {
                Invariant invariant = RuleCatalogue.invariant(rule).orElseThrow();
                violations.addAll(invariant.check(record));
            }
            assertEquals(List.of(), violations);
        });
    }
}
