/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import java.time.LocalDate;
import java.util.List;
import org.leaddiversion.domain.policy.ExclusionSetting;
import org.leaddiversion.domain.referral.OfficerJudgement;
import org.leaddiversion.domain.referral.ReferralSubmission;

/**
 * E3, E5 and E6: the officer's recorded judgements — not amenable (always a discretionary note), exploits minors,
 * promotes prostitution.
 */
final class OfficerJudgementCriterion extends ConfiguredCriterion {

    OfficerJudgementCriterion(ExclusionSetting setting) {
        super(setting);
    }

    @Override
    public void evaluate(ReferralSubmission referral, LocalDate referralDate, ScreeningContext context, List<Finding> out) {
        OfficerJudgement j = referral.judgement();
        switch (kind()) {
            case NOT_AMENABLE -> {
                if (j.notAmenable()) {
                    hit(out, "officerJudgement.notAmenable", "officer judges the person not amenable");
                }
            }
            case EXPLOITS_MINORS -> {
                if (j.exploitsMinors()) {
                    hit(out, "officerJudgement.exploitsMinors", "officer recorded exploitation of minors or others");
                }
            }
            case PROMOTES_PROSTITUTION -> {
                if (j.promotesProstitution()) {
                    hit(out, "officerJudgement.promotesProstitution", "officer recorded promotion of prostitution");
                }
            }
            default -> throw new IllegalStateException("not an officer-judgement criterion: " + kind());
        }
    }
}
