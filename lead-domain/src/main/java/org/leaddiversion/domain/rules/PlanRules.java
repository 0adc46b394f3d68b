package org.leaddiversion.domain.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.FlexExpenditure;
import org.leaddiversion.domain.plan.FlexFund;
import org.leaddiversion.domain.plan.Goal;
import org.leaddiversion.domain.plan.InterventionPlan;
import org.leaddiversion.domain.policy.FlexPolicy;

/**
 * Rules R30, R31 and R33 stated as invariants over a {@link PlanRecord} — the same shape as {@link Invariant}
 * (id, statement, violations), over the plan data that {@link ProgrammeRecord} does not carry.
 */
public final class PlanRules {

    public static final RecordRule<PlanRecord> R30 = RecordRule.of(RuleId.R30,
            "no case manager's open caseload exceeds the caseload cap of the policy in force", r -> {
                var out = new ArrayList<Violation>();
                for (CaseManagerId cm : new TreeSet<>(r.caseloads().assignments().values())) {
                    int n = r.caseloads().openCaseload(cm);
                    if (n > r.policy().caseload().cap()) {
                        out.add(new Violation(RuleId.R30, cm.value(), "open caseload " + n + " exceeds the cap of "
                                + r.policy().caseload().cap()));
                    }
                }
                return out;
            });

    public static final RecordRule<PlanRecord> R31 = RecordRule.of(RuleId.R31,
            "every plan goal is set by the participant (goals have no deadline or sanction by construction)", r -> {
                var out = new ArrayList<Violation>();
                for (InterventionPlan p : r.plans()) {
                    for (Goal g : p.goals()) {
                        if (!g.setByParticipant()) {
                            out.add(new Violation(RuleId.R31, g.id().toString(), "goal not set by the participant"));
                        }
                    }
                }
                return out;
            });

    public static final RecordRule<PlanRecord> R33 = RecordRule.of(RuleId.R33,
            "every flexible-fund expenditure above a cap was approved by an actor holding an approval role", r -> {
                var out = new ArrayList<Violation>();
                FlexPolicy policy = r.policy().flex();
                for (FlexFund fund : r.funds()) {
                    FlexFund before = FlexFund.open(fund.enrollment());
                    for (FlexExpenditure e : fund.expenditures()) {
                        if (before.exceedsCap(e, policy, r.policy().zone())
                                && e.approvedBy().filter(a -> policy.mayApprove(a.role())).isEmpty()) {
                            out.add(new Violation(RuleId.R33, e.id().toString(),
                                    "expenditure above a flex cap without approval by an approval role"));
                        }
                        var all = new ArrayList<>(before.expenditures());
                        all.add(e);
                        before = FlexFund.restore(fund.enrollment(), before.version() + 1, all);
                    }
                }
                return out;
            });

    /** R30, R31, R33. */
    public static final List<RecordRule<PlanRecord>> ALL = List.of(R30, R31, R33);

    private PlanRules() {
    }

    /** Every violation of every plan rule in the record. */
    public static List<Violation> check(PlanRecord record) {
        var out = new ArrayList<Violation>();
        for (RecordRule<PlanRecord> i : ALL) {
            out.addAll(i.check(record));
        }
        return out;
    }
}
