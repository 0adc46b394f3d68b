/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.EvidenceKind;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.ReferenceProfiles;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SitePolicyHistory;
import org.leaddiversion.domain.referral.Demographics;
import org.leaddiversion.domain.referral.Location;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.referral.Referrer;
import org.leaddiversion.domain.referral.VerificationEvidence;
import org.leaddiversion.domain.screening.EligibilityScreening;
import org.leaddiversion.domain.screening.ScreeningContext;

/**
 * Evaluation fixtures in domain words: people with a recorded race (or none), Santa Fe arrest diversions and social
 * referrals, referrals made without a store, and the encounters of a records system.
 */
public final class EvaluationFixtures {

    public static final SiteId SANTA_FE = new SiteId("santa-fe");
    public static final Actor OFFICER = Actor.of("sf-officer-1", Role.OFFICER);
    public static final AreaId CATCHMENT = AreaId.of("SANTA_FE_CATCHMENT");

    private EvaluationFixtures() {
    }

    /** The Santa Fe reference profile. */
    public static SitePolicyHistory santaFe() {
        return ReferenceProfiles.load("santa-fe");
    }

    /** A person with the race recorded, or none when {@code race} is null. */
    public static Person person(String id, String race, LocalDate dateOfBirth) {
        return new Person(new PersonId(id), Optional.of(dateOfBirth),
                new Demographics(Optional.ofNullable(race), Optional.empty(), Optional.empty()), Optional.empty(),
                false);
    }

    /** A Santa Fe arrest diversion for opiate possession in the catchment. */
    public static ReferralSubmission santaFeArrest(Person person) {
        return ReferralSubmission.builder(SANTA_FE, Door.ARREST_DIVERSION, Referrer.trained(OFFICER), person)
                .location(Location.in(CATCHMENT)).probableCause(true)
                .offence(Offence.of("OPIATE_POSSESSION", OffenceLevel.MISDEMEANOR)).personConsents(true).build();
    }

    /** A Santa Fe social-contact referral with police records of activity in the catchment last month. */
    public static ReferralSubmission santaFeSocial(Person person, LocalDate referralDate) {
        return ReferralSubmission.builder(SANTA_FE, Door.SOCIAL_CONTACT, Referrer.trained(OFFICER), person)
                .location(Location.in(CATCHMENT))
                .evidence(new VerificationEvidence(EvidenceKind.RECORDS, referralDate.minusMonths(1),
                        Location.in(CATCHMENT)))
                .personConsents(true).build();
    }

    /**
     * A referral made at {@code at} under {@code policy}, screened and created without any store (status SUBMITTED or
     * the screening's result); fails the test if the submission is refused at the door.
     */
    public static Referral submitted(SitePolicy policy, ReferralSubmission submission, Instant at, long id) {
        var decision = EligibilityScreening.of(policy).screen(submission, at,
                ScreeningContext.withoutCapacityGate(Set.of()));
        Outcome<Referral> out = Referral.submit(new ReferralId(new UUID(7, id)), submission, at, policy, decision,
                List.of());
        if (!out.isSuccess()) {
            fail("submission refused: " + out.errors());
        }
        return out.value();
    }

    /** An arrest in the pool of a site (divertible offence, in the catchment, no diversion windows). */
    public static Encounter poolArrest(String person, LocalDate date, SiteId site, EquityGroup group,
                                       Encounter.Disposition disposition) {
        return new Encounter(new PersonId(person), date, site, group, Encounter.Kind.ARREST,
                OffenceCode.of("OPIATE_POSSESSION"), true, true, Encounter.Window.NO_WINDOWS, disposition);
    }

    /** An equity group. */
    public static EquityGroup group(String code) {
        return new EquityGroup(code);
    }
}
