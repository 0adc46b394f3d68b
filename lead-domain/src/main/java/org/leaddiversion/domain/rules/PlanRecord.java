package org.leaddiversion.domain.rules;

import java.util.List;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.plan.Caseloads;
import org.leaddiversion.domain.plan.FlexFund;
import org.leaddiversion.domain.plan.InterventionPlan;
import org.leaddiversion.domain.policy.SitePolicy;

/**
 * One site's plans, caseloads and flexible-fund ledgers as the plan invariants (R30, R31, R33) see them. Kept
 * apart from {@link ProgrammeRecord} so existing records and their producers are unchanged.
 *
 * @param policy    the site policy in force (its caseload and flex settings and its zone are used)
 * @param caseloads the site's case-manager assignments of open enrollments
 * @param plans     the intervention plans
 * @param funds     the flexible-fund ledgers
 */
public record PlanRecord(SitePolicy policy, Caseloads caseloads, List<InterventionPlan> plans, List<FlexFund> funds) {
    public PlanRecord {
        Require.present(policy, "policy");
        Require.present(caseloads, "caseloads");
        plans = List.copyOf(Require.noNulls(plans, "plans"));
        funds = List.copyOf(Require.noNulls(funds, "funds"));
    }
}
