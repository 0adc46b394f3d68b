/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation.equity;

import java.util.List;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.rules.Violation;

/**
 * Rule R39 (equity computation) stated as an invariant, in the shape of the rule catalogue's
 * {@link org.leaddiversion.domain.rules.Invariant}: an id, a one-line statement and a check returning every
 * {@link Violation}. It is checked over {@link EquityEvidence} rather than a
 * {@link org.leaddiversion.domain.rules.ProgrammeRecord}, because the eligible pool comes from the police records
 * system, not from the programme's own data. Engine-neutral: drive it from any property-testing engine, or run it over
 * a report a host (or a SQL implementation) produced.
 */
public interface EquityInvariant {

    /** The rule id. */
    RuleId id();

    /** The rule in one line, in domain words. */
    String statement();

    /** Every violation of the rule in the evidence; empty when the rule holds. */
    List<Violation> check(EquityEvidence evidence);

    /** Rule R39. */
    static EquityInvariant r39() {
        return R39.INSTANCE;
    }
}
