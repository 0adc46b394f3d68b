package org.leaddiversion.domain.screening;

import java.util.Comparator;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.RuleStrength;

/**
 * One exclusion criterion that applies to a referral: which criterion, how binding, the rule it enforces, the
 * input field and the fact that triggered it.
 *
 * @param exclusion the criterion (E1–E17)
 * @param strength  its strength at this site
 * @param rule      the programme rule
 * @param field     the input field, e.g. {@code drugFacts.netWeightGrams}
 * @param fact      what triggered it, e.g. {@code net weight 3.5 g exceeds 3.0 g (GT)}
 */
public record Finding(ExclusionKind exclusion, RuleStrength strength, RuleId rule, String field, String fact)
        implements Comparable<Finding> {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::exclusion)
            .thenComparing(Finding::field).thenComparing(Finding::fact).thenComparing(Finding::strength);

    public Finding {
        Require.present(exclusion, "finding.exclusion");
        Require.present(strength, "finding.strength");
        Require.present(rule, "finding.rule");
        Require.text(field, "finding.field");
        Require.text(fact, "finding.fact");
    }

    /** Criterion number first (E1 before E17), then field and fact: the order of SPEC §4.8 step 5. */
    @Override
    public int compareTo(Finding o) {
        return ORDER.compare(this, o);
    }
}
