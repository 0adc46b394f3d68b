package org.leaddiversion.domain.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;

/**
 * Decides whether data about a participant may be disclosed to a recipient for a purpose at an instant, against the
 * participant's consents (SPEC §7.5, §7.6):
 * <ol>
 *   <li>R35, First Golden Rule: a purpose of {@code ENFORCEMENT} or {@code EVIDENCE} is always refused, for every
 *       data class, whatever the consents or exceptions say.</li>
 *   <li>R36: every individual data class needs a multi-party ROI in force at that instant covering the recipient
 *       (role and, where the ROI names agencies, agency), the purpose and the class. An evaluation consent counts
 *       in the same way for a research/evaluation purpose.</li>
 *   <li>42 CFR Part 2: {@code SUD_PART2} needs instead a Part 2 consent in force covering recipient, purpose and
 *       class, or a listed {@link Part2Exception} that permits the purpose.</li>
 *   <li>{@code AGGREGATE} data is de-identified and needs no consent.</li>
 * </ol>
 * R36 names {@code ENROLLMENT_STATUS}, {@code PLAN_SUMMARY} and {@code LEGAL_COORDINATION}; this policy also gates
 * {@code REFERRAL_CORE}, {@code SCREENING} and {@code CASE_NOTES} on the ROI, the conservative reading for data leaving
 * the programme. A revoked or expired consent covers nothing from its revocation or expiry instant on. Granted Part 2
 * disclosures carry the §2.32 notice; a case manager's disclosures are flagged non-evidentiary.
 */
public final class DisclosurePolicy {

    /**
     * The notice that must accompany each disclosure of Part 2 records (42 CFR §2.32, short form). Sites track
     * revisions of the rule and may supply their own text.
     */
    public static final String PART2_REDISCLOSURE_NOTICE =
            "42 CFR part 2 prohibits unauthorized use or disclosure of these records.";

    private final String redisclosureNotice;

    /** A policy stamping the standard §2.32 notice. */
    public DisclosurePolicy() {
        this(PART2_REDISCLOSURE_NOTICE);
    }

    /** A policy stamping the site's own wording of the §2.32 notice. */
    public DisclosurePolicy(String redisclosureNotice) {
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
            if (data == DataClass.AGGREGATE) {
                continue;
            }
            Optional<ConsentId> covering = coveringConsent(request, consents, data, at);
            if (covering.isPresent()) {
                used.add(covering.get());
            } else if (data == DataClass.SUD_PART2) {
                boolean excepted = request.part2Exception().map(e -> e.permits(request.purpose())).orElse(false);
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

    /** The smallest-id consent of an accepted type that covers this class of the request at {@code at}. */
    private static Optional<ConsentId> coveringConsent(DisclosureRequest request, Collection<Consent> consents,
                                                       DataClass data, Instant at) {
        return consents.stream()
                .filter(c -> c.participant().equals(request.participant()))
                .filter(c -> accepts(c.type(), data, request.purpose()))
                .filter(c -> c.covers(request.recipientRole(), request.recipientAgency(), request.purpose(), data, at))
                .map(Consent::id)
                .min(ConsentId::compareTo);
    }

    /** Which consent types can carry a disclosure of {@code data} for {@code purpose}. */
    private static boolean accepts(ConsentType type, DataClass data, Purpose purpose) {
        if (data == DataClass.SUD_PART2) {
            return type == ConsentType.PART2;
        }
        return type == ConsentType.MULTI_PARTY_ROI
                || (type == ConsentType.EVALUATION && purpose == Purpose.RESEARCH_EVALUATION);
    }
}
