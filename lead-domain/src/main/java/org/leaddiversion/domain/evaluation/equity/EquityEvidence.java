/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import java.util.Collection;
import java.util.List;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.evaluation.Encounter;
import org.leaddiversion.domain.evaluation.ReportScope;
import org.leaddiversion.domain.intake.Referral;

/**
 * What rule R39 is checked over: the data of one site's period (its referrals and its records-system encounters), the
 * equity policy, and the internal and published relative-rate tables a report produced from them. The
 * {@link org.leaddiversion.domain.rules.ProgrammeRecord} of the rule catalogue carries no encounter pool, which is why
 * R39 has its own evidence and its own {@link EquityInvariant}.
 *
 * @param scope      the site and period
 * @param policy     the equity policy applied
 * @param referrals  the referrals (of any site and date; the check selects the scope's)
 * @param encounters the encounters from the records system (any site and date)
 * @param table      the internal table the report gave
 * @param published  the public table the report gave
 */
public record EquityEvidence(ReportScope scope, EquityPolicy policy, List<Referral> referrals,
                             List<Encounter> encounters, RriTable table, PublishedRriTable published) {

    /** Validates and copies the parts. */
    public EquityEvidence {
        Require.present(scope, "evidence.scope");
        Require.present(policy, "evidence.policy");
        referrals = List.copyOf(Require.noNulls(referrals, "evidence.referrals"));
        encounters = List.copyOf(Require.noNulls(encounters, "evidence.encounters"));
        Require.present(table, "evidence.table");
        Require.present(published, "evidence.published");
    }

    /** The evidence of the tables this library computes from the data. */
    public static EquityEvidence of(Collection<Referral> referrals, Collection<Encounter> encounters, ReportScope scope,
                                    EquityPolicy policy) {
        RriTable table = RriTable.compute(referrals, encounters, scope, policy);
        return new EquityEvidence(scope, policy, List.copyOf(referrals), List.copyOf(encounters), table,
                table.publish());
    }
}
