/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.leaddiversion.domain.access.AccessContext;
import org.leaddiversion.domain.access.AccessDecision;
import org.leaddiversion.domain.access.AccessPolicy;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.access.Operation;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.referral.PersonId;

/**
 * What an actor may read or write of one participant's record, for a purpose, at an instant: the SPEC §2.2 matrix
 * ({@link AccessPolicy}) applied with the conditions the participant's consents establish. This is the one question
 * persistence queries and API resolvers ask before they return or change a participant's data; they never keep a
 * copy of the matrix or of the consent rules.
 *
 * <p>For each data class the matrix's {@code ROI} condition holds when an in-force multi-party ROI of the participant
 * (or, for research and evaluation, an evaluation consent) covers the actor's role and agency, the purpose and the
 * class; {@code PART2_CONSENT} when an in-force Part 2 consent does, or a Part 2 exception permits the purpose;
 * {@code RESEARCH_EXTRACT} when the purpose is research and evaluation. Whether the record is the actor's own, on the
 * actor's caseload or read in an OWG meeting is the host's statement ({@link RecipientCircumstances}). ENFORCEMENT and
 * EVIDENCE are refused here as everywhere (rule R35) — nothing is readable for them.
 */
public final class ParticipantAccess {

    private final AccessPolicy matrix;

    /** Access under the SPEC §2.2 matrix. */
    public ParticipantAccess() {
        this(new AccessPolicy());
    }

    /** Access under the host's {@code matrix} instance. */
    public ParticipantAccess(AccessPolicy matrix) {
        this.matrix = Require.present(matrix, "matrix");
    }

    /**
     * The decision for each data class: may {@code actor} perform {@code operation} on it for {@code participant} at
     * {@code at}, for {@code purpose}, given the participant's {@code consents}.
     */
    public Map<DataClass, AccessDecision> decisions(Actor actor, Operation operation, PersonId participant,
                                                    RecipientCircumstances circumstances, Purpose purpose,
                                                    Optional<Part2Exception> part2Exception,
                                                    Collection<Consent> consents, Instant at) {
        Require.present(actor, "actor");
        Require.present(operation, "operation");
        Require.present(participant, "participant");
        Require.present(circumstances, "circumstances");
        Require.present(purpose, "purpose");
        Require.present(part2Exception, "part2Exception");
        Require.noNulls(consents, "consents");
        Require.present(at, "at");
        var out = new EnumMap<DataClass, AccessDecision>(DataClass.class);
        for (DataClass data : DataClass.values()) {
            if (purpose.isEnforcement()) {
                out.put(data, new AccessDecision.Denied(org.leaddiversion.domain.common.DomainError.of(
                        org.leaddiversion.domain.common.ErrorCode.POLICY_FORBIDS, "purpose",
                        org.leaddiversion.domain.common.RuleId.R35,
                        "LEAD information is never used for enforcement or evidence")));
                continue;
            }
            out.put(data, matrix.decide(actor.role(), data, operation, context(actor, participant, circumstances,
                    purpose, part2Exception, consents, data, at)));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The data classes {@code actor} may read of the participant's record in these circumstances. */
    public Set<DataClass> readable(Actor actor, PersonId participant, RecipientCircumstances circumstances,
                                   Purpose purpose, Collection<Consent> consents, Instant at) {
        return allowed(decisions(actor, Operation.READ, participant, circumstances, purpose, Optional.empty(),
                consents, at));
    }

    /** The data classes {@code actor} may write of the participant's record in these circumstances. */
    public Set<DataClass> writable(Actor actor, PersonId participant, RecipientCircumstances circumstances,
                                   Purpose purpose, Collection<Consent> consents, Instant at) {
        return allowed(decisions(actor, Operation.WRITE, participant, circumstances, purpose, Optional.empty(),
                consents, at));
    }

    /** The matrix context for one data class: the host's circumstances plus what consents and purpose establish. */
    AccessContext context(Actor actor, PersonId participant, RecipientCircumstances circumstances, Purpose purpose,
                          Optional<Part2Exception> part2Exception, Collection<Consent> consents, DataClass data,
                          Instant at) {
        boolean roi = Coverage.roi(consents, participant, actor.role(), actor.agency(), purpose, data, at).isPresent();
        boolean part2 = Coverage.part2(consents, participant, actor.role(), actor.agency(), purpose, data, at)
                .isPresent() || Coverage.excepted(data, part2Exception, purpose);
        return circumstances.accessContext(roi, part2, purpose == Purpose.RESEARCH_EVALUATION);
    }

    private static Set<DataClass> allowed(Map<DataClass, AccessDecision> decisions) {
        Set<DataClass> out = EnumSet.noneOf(DataClass.class);
        decisions.forEach((data, d) -> {
            if (d.isAllowed()) {
                out.add(data);
            }
        });
        return Collections.unmodifiableSet(out);
    }
}
