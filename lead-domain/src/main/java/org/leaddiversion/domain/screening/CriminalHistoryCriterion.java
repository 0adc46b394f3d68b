/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.leaddiversion.domain.common.InvalidValueException;
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
    private final boolean countAttempts;
    /** For each caught category (never-disqualifying ones left out), a bit per conviction rule that catches it. */
    private final Map<String, Long> rulesCatching = new HashMap<>();
    private final boolean anyReleaseRule;

    CriminalHistoryCriterion(ExclusionSetting setting, List<CriminalHistoryRule> rules,
                             Set<OffenceCode> neverDisqualifying, boolean countAttempts) {
        super(setting);
        if (rules.size() > Long.SIZE) {
            throw new InvalidValueException("history", "at most " + Long.SIZE + " criminal-history rules per site");
        }
        this.rules = rules;
        this.countAttempts = countAttempts;
        boolean releases = false;
        for (int r = 0; r < rules.size(); r++) {
            CriminalHistoryRule rule = rules.get(r);
            releases |= rule.anchor() == HistoryAnchor.RELEASE_DATE;
            if (rule.anchor() == HistoryAnchor.CONVICTION_DATE) {
                for (OffenceCode code : rule.offences()) {
                    if (!neverDisqualifying.contains(code)) {
                        rulesCatching.merge(code.value(), 1L << r, (a, b) -> a | b);
                    }
                }
            }
        }
        this.anyReleaseRule = releases;
    }

    /** Whether an event on {@code date} is inside a window of {@code years} before {@code referralDate}. */
    static boolean insideWindow(LocalDate date, LocalDate referralDate, int years) {
        return date.isAfter(referralDate.minusYears(years));
    }

    @Override
    public void evaluate(ReferralSubmission referral, LocalDate referralDate, ScreeningContext context, List<Finding> out) {
        List<Conviction> convictions = referral.history().convictions();
        for (int i = 0; i < convictions.size(); i++) {
            Conviction c = convictions.get(i);
            if (c.attemptOrConspiracy() && !countAttempts) {
                continue;
            }
            long seen = 0;
            for (OffenceCode category : c.categories()) {
                Long catching = rulesCatching.get(category.value());
                if (catching == null) {
                    continue;
                }
                long fresh = catching & ~seen;
                seen |= catching;
                while (fresh != 0) {
                    int r = Long.numberOfTrailingZeros(fresh);
                    fresh &= fresh - 1;
                    convictionFinding(rules.get(r), c, category, referralDate, out);
                }
            }
        }
        if (anyReleaseRule) {
            List<LocalDate> releases = referral.history().prisonReleases();
            for (CriminalHistoryRule rule : rules) {
                if (rule.anchor() != HistoryAnchor.RELEASE_DATE) {
                    continue;
                }
                for (int i = 0; i < releases.size(); i++) {
                    LocalDate release = releases.get(i);
                    if (insideWindow(release, referralDate, rule.lookbackYears().getAsInt())) {
                        add(out, rule, "criminalHistory.prisonReleases", () -> "released from prison " + release
                                + ", within " + rule.lookbackYears().getAsInt() + " years (rule " + rule.name() + ")");
                    }
                }
            }
        }
    }

    /** A conviction of a category the rule catches: a finding if the rule is lifetime or the date is in its window. */
    private static void convictionFinding(CriminalHistoryRule rule, Conviction c, OffenceCode matched,
                                          LocalDate referralDate, List<Finding> out) {
        if (rule.isLifetime()) {
            add(out, rule, "criminalHistory.convictions", () -> "conviction for " + matched + " on "
                    + c.convictionDate() + " (lifetime rule " + rule.name() + ")");
        } else if (insideWindow(c.convictionDate(), referralDate, rule.lookbackYears().getAsInt())) {
            add(out, rule, "criminalHistory.convictions", () -> "conviction for " + matched + " on "
                    + c.convictionDate() + ", within " + rule.lookbackYears().getAsInt() + " years (rule "
                    + rule.name() + ")");
        }
    }

    private static void add(List<Finding> out, CriminalHistoryRule rule, String field, Supplier<String> fact) {
        out.add(Finding.stated(ExclusionKind.DISQUALIFYING_CRIMINAL_HISTORY, rule.strength(), RuleId.R13, field, fact));
    }
}
