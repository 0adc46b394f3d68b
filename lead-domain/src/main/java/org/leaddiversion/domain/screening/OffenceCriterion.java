/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import java.time.LocalDate;
import java.util.List;
import org.leaddiversion.domain.policy.ExclusionSetting;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.Complainant;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.ReferralSubmission;

/**
 * Criteria about the held offences: E13 an identified complainant who has not agreed to forgo prosecution, for the
 * offences the site lists (rule R14); E14 an offence requiring restitution; E17 an offence that is not on the
 * divertible list (rule R04).
 */
final class OffenceCriterion extends ConfiguredCriterion {

    /** Scope value meaning "every offence with an identified complainant". */
    static final String ANY = "ANY";

    private final DivertibleCatalogue divertible;

    OffenceCriterion(ExclusionSetting setting, SitePolicy policy) {
        super(setting);
        this.divertible = new DivertibleCatalogue(policy);
    }

    @Override
    public void evaluate(ReferralSubmission referral, LocalDate referralDate, ScreeningContext context, List<Finding> out) {
        switch (kind()) {
            case COMPLAINANT_DOES_NOT_CONSENT -> {
                if (referral.complainant().isEmpty()) {
                    return;
                }
                Complainant c = referral.complainant().get();
                if (c.identified() && !c.consentsToForgoProsecution() && coveredByComplainantRule(referral)) {
                    hit(out, "complainant.consentsToForgoProsecution",
                            "identified complainant has not agreed to forgo prosecution");
                }
            }
            case RESTITUTION_OFFENCE -> {
                for (Offence o : referral.offences()) {
                    if (o.requiresRestitution()) {
                        hit(out, "offences", () -> o.code() + " requires restitution");
                    }
                }
            }
            case NOT_LEAD_ELIGIBLE_OFFENCE -> {
                for (Offence o : referral.offences()) {
                    if (!divertible.isDivertible(o.code(), o.level())) {
                        hit(out, "offences", () -> o.code() + " (" + o.level() + ") is not on the divertible list");
                    }
                }
            }
            default -> throw new IllegalStateException("not an offence criterion: " + kind());
        }
    }

    private boolean coveredByComplainantRule(ReferralSubmission referral) {
        if (setting.scope().contains(ANY)) {
            return true;
        }
        for (Offence o : referral.offences()) {
            if (setting.scope().contains(o.code().value())) {
                return true;
            }
        }
        return false;
    }
}
