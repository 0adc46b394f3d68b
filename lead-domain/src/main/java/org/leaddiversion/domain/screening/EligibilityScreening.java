/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.policy.CapacityAction;
import org.leaddiversion.domain.policy.CapacityPolicy;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.ExclusionSetting;
import org.leaddiversion.domain.policy.RuleStrength;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.ReferralSubmission;

/**
 * The screening of one site policy version (SPEC §4.8). Deterministic: the same facts, policy version and context
 * give the same result and the same ordered reasons, whatever the order of the input collections (rule R08).
 *
 * <ol>
 *   <li>door enabled and referrer allowed, else REJECTED (R06);</li>
 *   <li>door preconditions, else REJECTED with every missing field (R04, R05);</li>
 *   <li>every active exclusion criterion, collecting all findings;</li>
 *   <li>any HARD finding: INELIGIBLE; else any PRESUMPTIVE finding: PRESUMPTIVELY_INELIGIBLE; else ELIGIBLE, with
 *       discretionary factors as notes (R09);</li>
 *   <li>capacity gate for eligible referrals (R17): charge-holding doors are refused only when no slot at all
 *       remains; other doors are deferred (or rejected) once only the arrest reserve is left.</li>
 * </ol>
 */
public final class EligibilityScreening {

    private final SitePolicy policy;
    private final DoorRules doorRules;
    private final LocalTimes localTimes;
    /** The active criteria of each door, in criterion order, resolved once instead of per referral. */
    private final EnumMap<Door, ExclusionCriterion[]> criteriaByDoor = new EnumMap<>(Door.class);

    private EligibilityScreening(SitePolicy policy) {
        this.policy = policy;
        this.doorRules = new DoorRules(policy);
        this.localTimes = new LocalTimes(policy.zone());
        var list = new ArrayList<ExclusionCriterion>();
        for (ExclusionSetting s : policy.exclusions().values()) {
            list.add(criterionFor(s, policy));
        }
        for (Door door : Door.values()) {
            var forDoor = new ArrayList<ExclusionCriterion>();
            for (ExclusionCriterion c : list) {
                if (policy.exclusions().get(c.kind()).appliesTo(door)) {
                    forDoor.add(c);
                }
            }
            criteriaByDoor.put(door, forDoor.toArray(ExclusionCriterion[]::new));
        }
    }

    /** The screening for one policy version; immutable, thread-safe, cheap to reuse. */
    public static EligibilityScreening of(SitePolicy policy) {
        return new EligibilityScreening(policy);
    }

    /** The policy version this screening applies. */
    public SitePolicy policy() {
        return policy;
    }

    private static ExclusionCriterion criterionFor(ExclusionSetting s, SitePolicy p) {
        return switch (s.kind()) {
            case DRUG_WEIGHT_OVER_THRESHOLD -> new DrugWeightCriterion(s, p.drug());
            case SALES_ABOVE_SUBSISTENCE -> new SalesCriterion(s, p.salesPolicy());
            case NOT_AMENABLE, EXPLOITS_MINORS, PROMOTES_PROSTITUTION -> new OfficerJudgementCriterion(s);
            case UNDER_MIN_AGE -> new MinimumAgeCriterion(s, p.minAge().getAsInt());
            case DISQUALIFYING_CRIMINAL_HISTORY ->
                    new CriminalHistoryCriterion(s, p.historyRules(), p.neverDisqualifying(), p.countAttempts());
            case PENDING_TREATMENT_COURT_CASE, NO_CONTACT_ORDER_WITH_PARTICIPANT, ON_SUPERVISION, PENDING_FELONY,
                    OUTSTANDING_WARRANT -> new LegalStatusCriterion(s);
            case COMPLAINANT_DOES_NOT_CONSENT, RESTITUTION_OFFENCE, NOT_LEAD_ELIGIBLE_OFFENCE -> new OffenceCriterion(s, p);
            case OUTSIDE_CATCHMENT, ACTIVE_CONFIDENTIAL_INFORMANT -> new PersonCriterion(s, p.catchment());
        };
    }

    /**
     * Screens a referral made at {@code referredAt}.
     *
     * @throws InvalidValueException if the referral belongs to another site than this policy
     */
    public ScreeningDecision screen(ReferralSubmission referral, Instant referredAt, ScreeningContext context) {
        if (!referral.site().equals(policy.siteId())) {
            throw new InvalidValueException("site", "the referral belongs to another site than the policy");
        }
        LocalDateTime local = localTimes.of(referredAt);
        List<DomainError> refused = doorRules.check(referral, local);
        if (!refused.isEmpty()) {
            return decision(EligibilityResult.REJECTED, List.of(), List.of(), refused, context);
        }
        List<Finding> all = new ArrayList<>();
        var date = local.toLocalDate();
        for (ExclusionCriterion c : criteriaByDoor.get(referral.door())) {
            c.evaluate(referral, date, context, all);
        }
        if (all.isEmpty()) {
            return gate(referral, context);
        }
        List<Finding> findings = new ArrayList<>(all.size());
        List<Finding> notes = new ArrayList<>(1);
        boolean hard = false;
        for (Finding f : all) {
            if (f.strength() == RuleStrength.DISCRETIONARY) {
                notes.add(f);
            } else {
                hard |= f.strength() == RuleStrength.HARD;
                findings.add(f);
            }
        }
        Collections.sort(findings);
        Collections.sort(notes);
        if (findings.isEmpty()) {
            ScreeningDecision gated = gate(referral, context);
            return decision(gated.result(), List.of(), notes, gated.rejections(), context);
        }
        return decision(hard ? EligibilityResult.INELIGIBLE : EligibilityResult.PRESUMPTIVELY_INELIGIBLE, findings,
                notes, List.of(), context);
    }

    /** Step 8 of SPEC §4.8, rule R17. */
    private ScreeningDecision gate(ReferralSubmission referral, ScreeningContext context) {
        if (context.capacity().isEmpty()) {
            return decision(EligibilityResult.ELIGIBLE, List.of(), List.of(), List.of(), context);
        }
        CapacityFigures c = context.capacity().get();
        CapacityPolicy cp = policy.capacity();
        if (referral.door().holdsCharge()) {
            if (c.open() >= c.capacity()) {
                return decision(EligibilityResult.REJECTED, List.of(), List.of(), List.of(capacityError(referral)), context);
            }
            return decision(EligibilityResult.ELIGIBLE, List.of(), List.of(), List.of(), context);
        }
        int threshold = cp.thresholdForDoorsWithoutCharge(c.capacity());
        if (c.open() >= threshold) {
            if (cp.whenFull() == CapacityAction.DEFER) {
                return decision(EligibilityResult.DEFERRED_CAPACITY, List.of(), List.of(), List.of(), context);
            }
            return decision(EligibilityResult.REJECTED, List.of(), List.of(), List.of(capacityError(referral)), context);
        }
        return decision(EligibilityResult.ELIGIBLE, List.of(), List.of(), List.of(), context);
    }

    private static DomainError capacityError(ReferralSubmission referral) {
        return DomainError.of(ErrorCode.CAPACITY_EXHAUSTED, "capacity", RuleId.R17,
                "no case-management capacity for a " + referral.door() + " referral now");
    }

    private ScreeningDecision decision(EligibilityResult result, List<Finding> findings, List<Finding> notes,
                                       List<DomainError> rejections, ScreeningContext context) {
        return new ScreeningDecision(result, findings, notes, rejections, policy.siteId(), policy.version(), context);
    }
}
