package org.leaddiversion.domain.screening;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.policy.DoorPolicy;
import org.leaddiversion.domain.policy.DiversionWindow;
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

    public DoorRules(SitePolicy policy) {
        this.policy = policy;
    }

    /** Every reason the referral is refused at the door; empty when it may proceed to the exclusion criteria. */
    public List<DomainError> check(ReferralSubmission s, LocalDateTime referredLocal) {
        Optional<DoorPolicy> door = policy.door(s.door());
        if (door.isEmpty()) {
            return List.of(DomainError.of(ErrorCode.DOOR_DISABLED, "door", RuleId.R06,
                    "the " + s.door() + " door is not enabled at this site"));
        }
        var errors = new ArrayList<DomainError>(2);
        DoorPolicy p = door.get();
        if (!p.referrers().contains(s.referrer().actor().role())) {
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
                            evidenceRequirement(policy.socialContact())));
                }
            }
            case COMMUNITY -> {
                if (!s.attestedCriteria().containsAll(policy.communityCriteria())) {
                    errors.add(DomainError.of(ErrorCode.PRECONDITION_MISSING, "attestedCriteria", RuleId.R07,
                            "a community referral must attest " + policy.communityCriteria()));
                }
            }
            default -> throw new IllegalStateException("unknown door " + s.door());
        }
        if (appliesHere(ExclusionKind.UNDER_MIN_AGE, s) && s.person().dateOfBirth().isEmpty()) {
            errors.add(DomainError.of(ErrorCode.PRECONDITION_MISSING, "person.dateOfBirth", RuleId.R12,
                    "the date of birth is needed to check the minimum age"));
        }
        if (policy.catchment().residency().isPresent() && appliesHere(ExclusionKind.OUTSIDE_CATCHMENT, s)
                && s.person().residence().isEmpty()) {
            errors.add(DomainError.of(ErrorCode.PRECONDITION_MISSING, "person.residence", RuleId.R09,
                    "the residence is needed to check the site's residency rule"));
        }
        return errors;
    }

    /** Whether the criterion is active for the referral's door, so that the facts it needs are required. */
    private boolean appliesHere(ExclusionKind kind, ReferralSubmission s) {
        return policy.exclusion(kind).map(setting -> setting.appliesTo(s.door())).orElse(false);
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
        for (Offence o : s.offences()) {
            if (policy.isDivertible(o.code(), o.level())) {
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
