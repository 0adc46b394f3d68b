/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import java.util.List;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.policy.RuleStrength;
import org.leaddiversion.domain.policy.SiteId;

/**
 * The outcome of screening a referral against one policy version, with every reason.
 *
 * @param result        eligible, presumptively ineligible, ineligible, rejected or deferred
 * @param findings      HARD and PRESUMPTIVE criteria that apply, ordered by criterion id
 * @param notes         DISCRETIONARY factors recorded (never decisive)
 * @param rejections    why the referral was refused before eligibility (door, referrer, preconditions, capacity)
 * @param site          the site
 * @param policyVersion the policy version applied (the one in force at {@code referredAt}, rule R40)
 * @param context       the programme context used, for replay
 */
public record ScreeningDecision(EligibilityResult result, List<Finding> findings, List<Finding> notes,
                                List<DomainError> rejections, SiteId site, int policyVersion, ScreeningContext context) {

    public ScreeningDecision {
        Require.present(result, "result");
        findings = Require.immutableList(findings, "findings");
        notes = Require.immutableList(notes, "notes");
        rejections = Require.immutableList(rejections, "rejections");
        Require.present(site, "site");
        Require.atLeast(policyVersion, 1, "policyVersion");
        Require.present(context, "context");
    }

    /**
     * Whether the referral was refused at the door (door, referrer, diversion window or a missing precondition), as
     * opposed to a capacity rejection after it was found eligible.
     */
    public boolean refusedAtTheDoor() {
        return result == EligibilityResult.REJECTED
                && rejections.stream().noneMatch(e -> e.code() == ErrorCode.CAPACITY_EXHAUSTED);
    }

    /** Whether any HARD criterion applies. */
    public boolean hasHardFinding() {
        return findings.stream().anyMatch(f -> f.strength() == RuleStrength.HARD);
    }
}
