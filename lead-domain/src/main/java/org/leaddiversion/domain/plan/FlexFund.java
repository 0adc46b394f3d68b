/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.plan;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.policy.FlexPolicy;

/**
 * The flexible-fund ledger of one enrollment (SPEC §6.5, rule R33). Immutable: each command returns a new version.
 * An expenditure above {@code flex.capPerExpenditure}, or one that takes the participant's calendar-month total
 * (in the site zone) above {@code flex.capPerParticipantMonth}, needs approval by an actor holding one of
 * {@code flex.approvalRoles}. Exactly at a cap needs no approval.
 */
public final class FlexFund {

    private final EnrollmentId enrollment;
    private final long version;
    private final List<FlexExpenditure> expenditures;

    private FlexFund(EnrollmentId enrollment, long version, List<FlexExpenditure> expenditures) {
        this.enrollment = Require.present(enrollment, "enrollmentId");
        this.version = version;
        this.expenditures = Require.immutableList(expenditures, "expenditures");
    }

    /** An empty ledger. */
    public static FlexFund open(EnrollmentId enrollment) {
        return new FlexFund(enrollment, 0, List.of());
    }

    /** Restores a stored ledger (for adapters). */
    public static FlexFund restore(EnrollmentId enrollment, long version, List<FlexExpenditure> expenditures) {
        return new FlexFund(enrollment, version, expenditures);
    }

    /** Whether the expenditure, added to this ledger, exceeds a cap of the policy (and so needs approval). */
    public boolean exceedsCap(FlexExpenditure e, FlexPolicy policy, ZoneId zone) {
        Money amount = e.amount();
        if (policy.capPerExpenditure().filter(amount::isGreaterThan).isPresent()) {
            return true;
        }
        if (policy.capPerParticipantMonth().isPresent()) {
            Money cap = policy.capPerParticipantMonth().get();
            return monthTotal(YearMonth.from(e.spentAt().atZone(zone)), zone, amount.currency()).plus(amount)
                    .isGreaterThan(cap);
        }
        return false;
    }

    /**
     * Records the expenditure. Rejected when it belongs to another enrollment, is in a currency other than the
     * caps', or exceeds a cap without approval by an actor holding an approval role (rule R33).
     */
    public Outcome<FlexFund> record(FlexExpenditure e, FlexPolicy policy, ZoneId zone, Instant now) {
        Require.present(e, "expenditure");
        Require.present(policy, "flex");
        Require.present(zone, "site.zone");
        Require.present(now, "now");
        if (!e.enrollment().equals(enrollment)) {
            return Outcome.rejected(ErrorCode.NOT_FOUND, "enrollmentId", RuleId.R33,
                    "the expenditure belongs to another enrollment's ledger");
        }
        for (Money cap : policy.capPerExpenditure().or(policy::capPerParticipantMonth).stream().toList()) {
            if (!cap.hasSameCurrencyAs(e.amount())) {
                return Outcome.rejected(ErrorCode.POLICY_FORBIDS, "amount", RuleId.R33,
                        "the expenditure is not in the currency of the site's flex caps");
            }
        }
        if (expenditures.stream().anyMatch(x -> !x.amount().hasSameCurrencyAs(e.amount()))) {
            return Outcome.rejected(ErrorCode.POLICY_FORBIDS, "amount", RuleId.R33,
                    "the expenditure is not in the currency of the ledger");
        }
        if (exceedsCap(e, policy, zone)) {
            if (e.approvedBy().isEmpty()) {
                return Outcome.rejected(ErrorCode.FLEX_APPROVAL_REQUIRED, "approvedBy", RuleId.R33,
                        "an expenditure above a flex cap needs approval by " + policy.approvalRoles());
            }
            if (!policy.mayApprove(e.approvedBy().get().role())) {
                return Outcome.rejected(ErrorCode.NOT_AUTHORISED, "approvedBy.role", RuleId.R33,
                        "only " + policy.approvalRoles() + " may approve an expenditure above a flex cap");
            }
        }
        var all = new ArrayList<>(expenditures);
        all.add(e);
        return Outcome.success(new FlexFund(enrollment, version + 1, all),
                List.of(new PlanEvent.FlexExpenditureRecorded(enrollment, e.id(), e.category(),
                        e.approvedBy().map(a -> a.id()), now)));
    }

    /** Total spent in the calendar month (in the zone); zero when nothing was spent. */
    public Money monthTotal(YearMonth month, ZoneId zone, java.util.Currency currency) {
        Money total = Money.zero(currency);
        for (FlexExpenditure x : expenditures) {
            if (YearMonth.from(x.spentAt().atZone(zone)).equals(month)) {
                total = total.plus(x.amount());
            }
        }
        return total;
    }

    public EnrollmentId enrollment() {
        return enrollment;
    }

    public long version() {
        return version;
    }

    public List<FlexExpenditure> expenditures() {
        return expenditures;
    }
}
