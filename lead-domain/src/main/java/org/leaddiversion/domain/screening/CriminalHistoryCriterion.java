package org.leaddiversion.domain.screening;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.policy.CriminalHistoryRule;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.ExclusionSetting;
import org.leaddiversion.domain.policy.HistoryAnchor;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.referral.Conviction;
import org.leaddiversion.domain.referral.ReferralSubmission;

/**
 * E7 (rule R13): each criminal-history rule of the site. A conviction counts when one of its categories, other than
 * the never-disqualifying ones, is listed by the rule and it is inside the window
 * ({@code convictionDate > referralDate − L years}; lifetime rules have no window). Release-date rules count prison
 * releases inside their window. Attempts and conspiracies count as the offence unless the site says otherwise.
 * Each finding carries the strength of the rule that produced it.
 */
final class CriminalHistoryCriterion extends ConfiguredCriterion {

    private final List<CriminalHistoryRule> rules;
    private final Set<OffenceCode> neverDisqualifying;
    private final boolean countAttempts;

    CriminalHistoryCriterion(ExclusionSetting setting, List<CriminalHistoryRule> rules,
                             Set<OffenceCode> neverDisqualifying, boolean countAttempts) {
        super(setting);
        this.rules = rules;
        this.neverDisqualifying = neverDisqualifying;
        this.countAttempts = countAttempts;
    }

    /** Whether an event on {@code date} is inside a window of {@code years} before {@code referralDate}. */
    static boolean insideWindow(LocalDate date, LocalDate referralDate, int years) {
        return date.isAfter(referralDate.minusYears(years));
    }

    @Override
    public void evaluate(ReferralSubmission referral, LocalDate referralDate, ScreeningContext context, List<Finding> out) {
        for (CriminalHistoryRule rule : rules) {
            if (rule.anchor() == HistoryAnchor.RELEASE_DATE) {
                for (LocalDate release : referral.history().prisonReleases()) {
                    if (insideWindow(release, referralDate, rule.lookbackYears().getAsInt())) {
                        add(out, rule, "criminalHistory.prisonReleases", "released from prison " + release
                                + ", within " + rule.lookbackYears().getAsInt() + " years (rule " + rule.name() + ")");
                    }
                }
                continue;
            }
            for (Conviction c : referral.history().convictions()) {
                if (c.attemptOrConspiracy() && !countAttempts) {
                    continue;
                }
                OffenceCode matched = matchedCategory(c, rule);
                if (matched == null) {
                    continue;
                }
                if (rule.isLifetime()) {
                    add(out, rule, "criminalHistory.convictions", "conviction for " + matched + " on "
                            + c.convictionDate() + " (lifetime rule " + rule.name() + ")");
                } else if (insideWindow(c.convictionDate(), referralDate, rule.lookbackYears().getAsInt())) {
                    add(out, rule, "criminalHistory.convictions", "conviction for " + matched + " on "
                            + c.convictionDate() + ", within " + rule.lookbackYears().getAsInt() + " years (rule "
                            + rule.name() + ")");
                }
            }
        }
    }

    private OffenceCode matchedCategory(Conviction c, CriminalHistoryRule rule) {
        for (OffenceCode category : c.categories()) {
            if (!neverDisqualifying.contains(category) && rule.offences().contains(category)) {
                return category;
            }
        }
        return null;
    }

    private static void add(List<Finding> out, CriminalHistoryRule rule, String field, String fact) {
        out.add(new Finding(ExclusionKind.DISQUALIFYING_CRIMINAL_HISTORY, rule.strength(), RuleId.R13, field, fact));
    }
}
