/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.policy.DiversionWindow;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.DoorPolicy;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SocialContactPolicy;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.referral.VerificationEvidence;

/**
 * Steps 1–3 of SPEC §4.8: the door must be enabled and the referrer allowed (rule R06), and the door's
 * preconditions must hold — probable cause and a divertible offence for the arrest door (R04), verification evidence
 * for the social-contact door (R05), the attested criteria for the community door, plus the facts an active
 * criterion cannot do without (date of birth for a minimum age, residence for a residency rule).
 */
public final class DoorRules {

    private final SitePolicy policy;
    private final DivertibleCatalogue divertible;

    /** Doors at which a criterion needs the date of birth (E4) or the residence (E15 residency). */
    private final Set<Door> needsDateOfBirth = EnumSet.noneOf(Door.class);
    private final Set<Door> needsResidence = EnumSet.noneOf(Door.class);

    /** Per enabled door, the roles that may refer through it (plain enum sets: a bit test per check). */
    private final EnumMap<Door, EnumSet<Role>> referrers = new EnumMap<>(Door.class);
    private final String evidenceRequirement;
    private final String communityRequirement;

    public DoorRules(SitePolicy policy) {
        this.policy = policy;
        this.evidenceRequirement = evidenceRequirement(policy.socialContact());
        this.communityRequirement = "a community referral must attest " + policy.communityCriteria();
        this.divertible = new DivertibleCatalogue(policy);
        policy.doors().forEach((door, p) -> referrers.put(door, EnumSet.copyOf(p.referrers())));
        for (Door d : Door.values()) {
            if (policy.exclusion(ExclusionKind.UNDER_MIN_AGE).map(x -> x.appliesTo(d)).orElse(false)) {
                needsDateOfBirth.add(d);
            }
            if (policy.catchment().residency().isPresent()
                    && policy.exclusion(ExclusionKind.OUTSIDE_CATCHMENT).map(x -> x.appliesTo(d)).orElse(false)) {
                needsResidence.add(d);
            }
        }
    }

    /** Every reason the referral is refused at the door; empty when it may proceed to the exclusion criteria. */
    public List<DomainError> check(ReferralSubmission s, LocalDateTime referredLocal) {
        EnumSet<Role> allowed = referrers.get(s.door());
        if (allowed == null) {
            return List.of(DomainError.of(ErrorCode.DOOR_DISABLED, "door", RuleId.R06,
                    "the " + s.door() + " door is not enabled at this site"));
        }
        DoorPolicy p = policy.doors().get(s.door());
        var errors = new ArrayList<DomainError>();
        if (!allowed.contains(s.referrer().actor().role())) {
            errors.add(DomainError.of(ErrorCode.REFERRER_NOT_ALLOWED, "referrer.role", RuleId.R06,
                    "role " + s.referrer().actor().role() + " may not refer through the " + s.door() + " door"));
        }
        if (!p.referrerKinds().isEmpty()
                && (s.referrer().kind().isEmpty() || !p.referrerKinds().contains(s.referrer().kind().get()))) {
            errors.add(DomainError.of(ErrorCode.REFERRER_NOT_ALLOWED, "referrer.kind", RuleId.R06,
                    "the " + s.door() + " door accepts referrers of kind " + p.referrerKinds() + " only"));
        }
        if (policy.officerTrainingRequired() && s.referrer().actor().role().isLawEnforcement()
                && !s.referrer().leadTrained()) {
            errors.add(DomainError.of(ErrorCode.REFERRER_NOT_ALLOWED, "referrer.leadTrained", RuleId.R06,
                    "only LEAD-trained officers may refer at this site"));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        LocalDate referralDate = referredLocal.toLocalDate();
        switch (s.door()) {
            case ARREST_DIVERSION -> {
                if (!policy.diversionWindows().isEmpty() && !insideWindow(referredLocal)) {
                    errors.add(DomainError.of(ErrorCode.OUTSIDE_DIVERSION_WINDOW, "referredAt", RuleId.R04,
                            "arrest diversion is not allowed outside the site's diversion windows"));
                }
                if (!s.probableCause()) {
                    errors.add(DomainError.of(ErrorCode.PRECONDITION_MISSING, "probableCause", RuleId.R04,
                            "an arrest diversion needs probable cause for a divertible offence"));
                }
                requireDivertibleOffence(s, errors);
            }
            case PROSECUTOR -> requireDivertibleOffence(s, errors);
            case SOCIAL_CONTACT -> {
                if (!hasQualifyingEvidence(s, referralDate)) {
                    errors.add(DomainError.of(ErrorCode.PRECONDITION_MISSING, "verificationEvidence", RuleId.R05,
                            evidenceRequirement));
                }
            }
            case COMMUNITY -> {
                if (!s.attestedCriteria().containsAll(policy.communityCriteria())) {
                    errors.add(DomainError.of(ErrorCode.PRECONDITION_MISSING, "attestedCriteria", RuleId.R07,
                            communityRequirement));
                }
            }
            default -> throw new IllegalStateException("unknown door " + s.door());
        }
        if (needsDateOfBirth.contains(s.door()) && s.person().dateOfBirth().isEmpty()) {
            errors.add(DomainError.of(ErrorCode.PRECONDITION_MISSING, "person.dateOfBirth", RuleId.R12,
                    "the date of birth is needed to check the minimum age"));
        }
        if (needsResidence.contains(s.door()) && s.person().residence().isEmpty()) {
            errors.add(DomainError.of(ErrorCode.PRECONDITION_MISSING, "person.residence", RuleId.R09,
                    "the residence is needed to check the site's residency rule"));
        }
        return errors;
    }

    private boolean insideWindow(LocalDateTime local) {
        for (DiversionWindow w : policy.diversionWindows()) {
            if (w.contains(local)) {
                return true;
            }
        }
        return false;
    }

    private void requireDivertibleOffence(ReferralSubmission s, List<DomainError> errors) {
        List<Offence> offences = s.offences();
        for (int i = 0; i < offences.size(); i++) {
            Offence o = offences.get(i);
            if (divertible.isDivertible(o.code(), o.level())) {
                return;
            }
        }
        errors.add(DomainError.of(ErrorCode.PRECONDITION_MISSING, "offences", RuleId.R04,
                s.offences().isEmpty() ? "at least one offence is required"
                        : "no offence is on the site's divertible list"));
    }

    /**
     * Rule R05: at least one item of an accepted kind, not after the referral date, inside the look-back window
     * ({@code date > referralDate − M months}) and, where required, inside the programme area.
     */
    boolean hasQualifyingEvidence(ReferralSubmission s, LocalDate referralDate) {
        SocialContactPolicy sc = policy.socialContact();
        for (VerificationEvidence e : s.evidence()) {
            if (!sc.evidenceKinds().contains(e.kind()) || e.date().isAfter(referralDate)) {
                continue;
            }
            if (sc.lookbackMonths().isPresent() && !e.date().isAfter(referralDate.minusMonths(sc.lookbackMonths().getAsInt()))) {
                continue;
            }
            if (sc.inArea() && !e.location().isInside(policy.catchment())) {
                continue;
            }
            return true;
        }
        return false;
    }

    private static String evidenceRequirement(SocialContactPolicy sc) {
        return "a social-contact referral needs verification of prior conduct of kind " + sc.evidenceKinds()
                + sc.lookbackMonths().stream().mapToObj(m -> " within " + m + " months").findFirst().orElse("")
                + (sc.inArea() ? " inside the programme area" : "");
    }

}
