/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.leaddiversion.domain.access.AccessDecision;
import org.leaddiversion.domain.access.AccessPolicy;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.access.Operation;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;

/**
 * Decides whether data about a participant may be disclosed to a recipient for a purpose at an instant (SPEC §2.2,
 * §7.5, §7.6). A disclosure is granted only when, for every requested data class, both the visibility matrix and the
 * participant's consents allow it:
 * <ol>
 *   <li>R35, First Golden Rule: a purpose of {@code ENFORCEMENT} or {@code EVIDENCE} is always refused, for every
 *       data class, whatever the matrix, consents or exceptions say.</li>
 *   <li>The matrix ({@link AccessPolicy}): the recipient's role must be allowed to read the class, {@code AGGREGATE}
 *       included. Its conditions are met thus: <em>ROI</em> by an in-force multi-party ROI covering the class (or an
 *       evaluation consent, for a research/evaluation purpose); <em>Part 2 consent</em> by a Part 2 consent covering
 *       the class or a {@link Part2Exception} permitting the purpose; <em>research extract</em> by a
 *       research/evaluation purpose; <em>own</em>, <em>assigned</em> and <em>in meeting</em> by the
 *       {@link RecipientCircumstances} the host states on the request.</li>
 *   <li>R36: every individual data class other than {@code AGGREGATE} needs a multi-party ROI in force at that
 *       instant covering the recipient (role and, where the ROI names agencies, agency), the purpose and the class;
 *       an evaluation consent counts in the same way for a research/evaluation purpose.</li>
 *   <li>42 CFR Part 2: {@code SUD_PART2} needs instead a Part 2 consent in force covering recipient, purpose and
 *       class, or a listed {@link Part2Exception} that permits the purpose.</li>
 * </ol>
 * R36 names {@code ENROLLMENT_STATUS}, {@code PLAN_SUMMARY} and {@code LEGAL_COORDINATION}; this policy also gates
 * {@code REFERRAL_CORE}, {@code SCREENING} and {@code CASE_NOTES} on the ROI, even where the matrix needs none: the
 * conservative reading for data leaving the programme. A revoked or expired consent covers nothing from its
 * revocation or expiry instant on. A refusal names each class refused once, as {@code dataClasses.<CLASS>} under
 * R36: with the matrix's code ({@code NOT_AUTHORISED} or {@code CONSENT_REQUIRED}) when the matrix denies it, else
 * {@code CONSENT_REQUIRED}. Granted Part 2 disclosures carry the §2.32 notice; a case manager's disclosures are
 * flagged non-evidentiary.
 */
public final class DisclosurePolicy {

    /**
     * The notice that must accompany each disclosure of Part 2 records (42 CFR §2.32, short form). Sites track
     * revisions of the rule and may supply their own text.
     */
    public static final String PART2_REDISCLOSURE_NOTICE =
            "42 CFR part 2 prohibits unauthorized use or disclosure of these records.";

    private final AccessPolicy matrix;
    private final String redisclosureNotice;

    /** A policy over the SPEC §2.2 matrix, stamping the standard §2.32 notice. */
    public DisclosurePolicy() {
        this(PART2_REDISCLOSURE_NOTICE);
    }

    /** A policy over the SPEC §2.2 matrix, stamping the site's own wording of the §2.32 notice. */
    public DisclosurePolicy(String redisclosureNotice) {
        this(new AccessPolicy(), redisclosureNotice);
    }

    /** A policy over the host's {@code matrix} instance, stamping the site's own wording of the §2.32 notice. */
    public DisclosurePolicy(AccessPolicy matrix, String redisclosureNotice) {
        this.matrix = Require.present(matrix, "matrix");
        this.redisclosureNotice = Require.text(redisclosureNotice, "redisclosureNotice");
    }

    /** Decides {@code request} at {@code at} against {@code consents}; consents of other participants are ignored. */
    public DisclosureDecision decide(DisclosureRequest request, Collection<Consent> consents, Instant at) {
        Require.present(request, "request");
        Require.noNulls(consents, "consents");
        Require.present(at, "at");
        if (request.purpose().isEnforcement()) {
            return new DisclosureDecision.Refused(request, List.of(DomainError.of(ErrorCode.POLICY_FORBIDS, "purpose",
                    RuleId.R35, "LEAD information is never disclosed for enforcement or evidence")), at);
        }
        List<DomainError> errors = new ArrayList<>();
        TreeSet<ConsentId> used = new TreeSet<>();
        for (DataClass data : new TreeSet<>(request.dataClasses())) {
            Optional<ConsentId> roi = Coverage.roi(consents, request.participant(), request.recipientRole(),
                    request.recipientAgency(), request.purpose(), data, at);
            Optional<ConsentId> part2 = Coverage.part2(consents, request.participant(), request.recipientRole(),
                    request.recipientAgency(), request.purpose(), data, at);
            boolean excepted = Coverage.excepted(data, request.part2Exception(), request.purpose());
            AccessDecision access = matrix.decide(request.recipientRole(), data, Operation.READ,
                    request.circumstances().accessContext(roi.isPresent(), part2.isPresent() || excepted,
                            request.purpose() == Purpose.RESEARCH_EVALUATION));
            if (access instanceof AccessDecision.Denied denied) {
                errors.add(DomainError.of(denied.reason().code(), "dataClasses." + data, RuleId.R36,
                        "visibility matrix: recipient " + denied.reason().message()));
                continue;
            }
            if (data == DataClass.AGGREGATE) {
                continue;
            }
            Optional<ConsentId> consent = data == DataClass.SUD_PART2 ? part2 : roi;
            if (consent.isPresent()) {
                used.add(consent.get());
            } else if (data == DataClass.SUD_PART2) {
                if (!excepted) {
                    errors.add(DomainError.of(ErrorCode.CONSENT_REQUIRED, "dataClasses." + data, RuleId.R36,
                            "Part 2 records need a Part 2 consent naming the recipient and purpose,"
                                    + " or a Part 2 exception that permits the purpose"));
                }
            } else {
                errors.add(DomainError.of(ErrorCode.CONSENT_REQUIRED, "dataClasses." + data, RuleId.R36,
                        "no release of information in force covers the recipient, purpose and data class"));
            }
        }
        if (!errors.isEmpty()) {
            return new DisclosureDecision.Refused(request, errors, at);
        }
        Optional<String> notice = request.dataClasses().contains(DataClass.SUD_PART2)
                ? Optional.of(redisclosureNotice) : Optional.empty();
        boolean nonEvidentiary = request.requester().role() == Role.CASE_MANAGER;
        return new DisclosureDecision.Granted(request, List.copyOf(used), notice, nonEvidentiary, at);
    }
}
