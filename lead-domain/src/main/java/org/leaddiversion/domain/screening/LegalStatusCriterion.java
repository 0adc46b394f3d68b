/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import java.time.LocalDate;
import java.util.List;
import org.leaddiversion.domain.policy.ExclusionSetting;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.referral.CourtOrder;
import org.leaddiversion.domain.referral.PendingCase;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.referral.Supervision;

/**
 * The person's current legal status: E8 pending treatment-court case of a listed court type, E9 an order barring
 * contact with someone who is a participant right now (rule R15), E10 supervision (optionally only for listed
 * categories), E11 a pending felony, E12 an outstanding warrant.
 */
final class LegalStatusCriterion extends ConfiguredCriterion {

    LegalStatusCriterion(ExclusionSetting setting) {
        super(setting);
    }

    @Override
    public void evaluate(ReferralSubmission referral, LocalDate referralDate, ScreeningContext context, List<Finding> out) {
        var history = referral.history();
        switch (kind()) {
            case PENDING_TREATMENT_COURT_CASE -> {
                for (PendingCase c : history.pendingCases()) {
                    if (c.court().isPresent() && setting.scope().contains(c.court().get())) {
                        hit(out, "criminalHistory.pendingCases", () -> "pending case in " + c.court().get());
                    }
                }
            }
            case NO_CONTACT_ORDER_WITH_PARTICIPANT -> {
                for (CourtOrder o : history.orders()) {
                    if (context.currentParticipants().contains(o.protectedPerson())) {
                        hit(out, "criminalHistory.orders", () -> o.kind() + " order protecting a current participant");
                    }
                }
            }
            case ON_SUPERVISION -> {
                for (Supervision s : history.supervisions()) {
                    if (setting.scope().isEmpty()) {
                        hit(out, "criminalHistory.supervisions", () -> "on " + s.kind());
                    } else if (s.categories().stream().anyMatch(c -> setting.scope().contains(c.value()))) {
                        hit(out, "criminalHistory.supervisions", () -> "on " + s.kind() + " for " + setting.scope());
                    }
                }
            }
            case PENDING_FELONY -> {
                for (PendingCase c : history.pendingCases()) {
                    if (c.level() == OffenceLevel.FELONY) {
                        hit(out, "criminalHistory.pendingCases", () -> "pending felony " + c.offence());
                    }
                }
            }
            case OUTSTANDING_WARRANT -> {
                if (history.outstandingWarrants() > 0) {
                    hit(out, "criminalHistory.outstandingWarrants", () -> history.outstandingWarrants() + " outstanding warrant(s)");
                }
            }
            default -> throw new IllegalStateException("not a legal-status criterion: " + kind());
        }
    }
}
