/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import java.util.Objects;
import java.util.function.Supplier;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.RuleStrength;

/**
 * One exclusion criterion that applies to a referral: which criterion, how binding, the rule it enforces, the
 * input field and the fact that triggered it. Immutable; two findings are equal when all five parts are.
 *
 * <p>The fact is a sentence for people ({@code net weight 3.5 g exceeds the 3.0 g threshold (GT)}). Screening
 * states it lazily: the sentence is written the first time {@link #fact()} is read, so deciding thousands of
 * referrals a second does not pay for sentences nobody reads.
 */
public final class Finding implements Comparable<Finding> {

    private final ExclusionKind exclusion;
    private final RuleStrength strength;
    private final RuleId rule;
    private final String field;
    private Supplier<String> factSource;
    private volatile String fact;

    /**
     * A finding with its fact already written.
     *
     * @param exclusion the criterion (E1–E17)
     * @param strength  its strength at this site
     * @param rule      the programme rule
     * @param field     the input field, e.g. {@code drugFacts.netWeightGrams}
     * @param fact      what triggered it
     */
    public Finding(ExclusionKind exclusion, RuleStrength strength, RuleId rule, String field, String fact) {
        this(exclusion, strength, rule, field, (Supplier<String>) null);
        this.fact = Require.text(fact, "finding.fact");
    }

    private Finding(ExclusionKind exclusion, RuleStrength strength, RuleId rule, String field, Supplier<String> fact) {
        this.exclusion = Require.present(exclusion, "finding.exclusion");
        this.strength = Require.present(strength, "finding.strength");
        this.rule = Require.present(rule, "finding.rule");
        this.field = Require.text(field, "finding.field");
        this.factSource = fact;
    }

    private Finding(ExclusionKind exclusion, RuleStrength strength, RuleId rule, String field, Supplier<String> fact,
                    boolean trusted) {
        this.exclusion = exclusion;
        this.strength = strength;
        this.rule = rule;
        this.field = field;
        this.factSource = fact;
    }

    /**
     * A finding made by a criterion of this package, whose fact sentence is written only when first read. The parts
     * come from the site's validated setting and from constant field names, so they are not checked again.
     */
    static Finding stated(ExclusionKind exclusion, RuleStrength strength, RuleId rule, String field,
                          Supplier<String> fact) {
        return new Finding(exclusion, strength, rule, field, fact, true);
    }

    public ExclusionKind exclusion() {
        return exclusion;
    }

    public RuleStrength strength() {
        return strength;
    }

    public RuleId rule() {
        return rule;
    }

    public String field() {
        return field;
    }

    /** What triggered the criterion, in words. */
    public String fact() {
        String f = fact;
        if (f == null) {
            synchronized (this) {
                f = fact;
                if (f == null) {
                    f = Require.text(factSource.get(), "finding.fact");
                    fact = f;
                    factSource = null;
                }
            }
        }
        return f;
    }

    /** Criterion number first (E1 before E17), then field and fact: the order of SPEC §4.8 step 5. */
    @Override
    public int compareTo(Finding o) {
        int c = exclusion.compareTo(o.exclusion);
        if (c == 0) {
            c = field.compareTo(o.field);
        }
        if (c == 0) {
            c = fact().compareTo(o.fact());
        }
        return c != 0 ? c : strength.compareTo(o.strength);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f && exclusion == f.exclusion && strength == f.strength && rule == f.rule
                && field.equals(f.field) && fact().equals(f.fact());
    }

    @Override
    public int hashCode() {
        return Objects.hash(exclusion, strength, rule, field, fact());
    }

    @Override
    public String toString() {
        return exclusion.id() + " " + exclusion + " (" + strength + ", " + rule + ") " + field + ": " + fact();
    }
}
