/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.leaddiversion.domain.access.AccessContext;
import org.leaddiversion.domain.access.AccessDecision;
import org.leaddiversion.domain.access.AccessPolicy;
import org.leaddiversion.domain.access.Condition;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.access.Operation;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.RuleId;

/**
 * What an actor may receive of the programme's reports, for a purpose: the SPEC §2.2 matrix ({@link AccessPolicy})
 * asked about data that belongs to no single participant — the de-identified aggregate reports ({@link
 * DataClass#AGGREGATE}) and the evaluator's participant-level research extract. Hosts and API resolvers ask here and
 * keep no copy of the matrix. ENFORCEMENT and EVIDENCE are refused here as everywhere (rule R35).
 */
public final class ReportAccess {

    /**
     * The data classes a research extract carries (SPEC §2.2, the EVALUATOR row's "research extract" cells, case notes
     * and Part 2 data left out): de-identified referral facts, the screening result, the enrollment status and the
     * diverted-case status.
     */
    public static final Set<DataClass> RESEARCH_EXTRACT = Collections.unmodifiableSet(EnumSet.of(
            DataClass.REFERRAL_CORE, DataClass.SCREENING, DataClass.ENROLLMENT_STATUS, DataClass.LEGAL_COORDINATION));

    private final AccessPolicy matrix;

    /** Access under the SPEC §2.2 matrix. */
    public ReportAccess() {
        this(new AccessPolicy());
    }

    /** Access under the host's {@code matrix} instance. */
    public ReportAccess(AccessPolicy matrix) {
        this.matrix = Require.present(matrix, "matrix");
    }

    /** Whether {@code actor} may read aggregate reports (counts, rates, RRIs) for {@code purpose}. */
    public AccessDecision aggregates(Actor actor, Purpose purpose) {
        Require.present(actor, "actor");
        Require.present(purpose, "purpose");
        if (purpose.isEnforcement()) {
            return enforcement();
        }
        return matrix.decide(actor.role(), DataClass.AGGREGATE, Operation.READ, AccessContext.none());
    }

    /**
     * The decision for each class of {@link #RESEARCH_EXTRACT}: allowed only where the matrix grants the class as a
     * research extract (its {@link Condition#RESEARCH_EXTRACT} condition, which the purpose RESEARCH_EVALUATION
     * satisfies). A role that reads the class on other grounds (the project manager, a case manager for her caseload)
     * is refused an extract: it is the evaluator's, de-identified, and nobody else's.
     */
    public Map<DataClass, AccessDecision> researchExtract(Actor actor, Purpose purpose) {
        Require.present(actor, "actor");
        Require.present(purpose, "purpose");
        AccessContext context = new AccessContext(false, false, false, false, false,
                purpose == Purpose.RESEARCH_EVALUATION);
        var out = new EnumMap<DataClass, AccessDecision>(DataClass.class);
        for (DataClass data : RESEARCH_EXTRACT) {
            if (purpose.isEnforcement()) {
                out.put(data, enforcement());
                continue;
            }
            AccessDecision d = matrix.decide(actor.role(), data, Operation.READ, context);
            if (d instanceof AccessDecision.Allowed allowed
                    && !allowed.conditions().contains(Condition.RESEARCH_EXTRACT)) {
                d = new AccessDecision.Denied(DomainError.of(ErrorCode.NOT_AUTHORISED, "operation", RuleId.R36,
                        "role " + actor.role() + " reads " + data + " but is not granted it as a research extract"));
            }
            out.put(data, d);
        }
        return Collections.unmodifiableMap(out);
    }

    private static AccessDecision enforcement() {
        return new AccessDecision.Denied(DomainError.of(ErrorCode.POLICY_FORBIDS, "purpose", RuleId.R35,
                "LEAD information is never used for enforcement or evidence"));
    }
}
