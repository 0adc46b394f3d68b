/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Set;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.referral.Demographics;
import org.leaddiversion.domain.referral.Location;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.referral.Referrer;
import org.leaddiversion.domain.referral.VerificationEvidence;
import org.leaddiversion.domain.screening.EligibilityScreening;
import org.leaddiversion.domain.screening.ScreeningContext;
import org.leaddiversion.domain.screening.ScreeningDecision;

/**
 * Referrals for the reference profiles, built from nothing but the policy: an adult of 35 who lives where the site
 * requires, met inside the catchment, referred by the first role the door allows, with every precondition of the
 * door met and nothing that any criterion would catch.
 */
final class ProfileReferrals {

    private ProfileReferrals() {
    }

    /** The instant of a local date and time in the site zone. */
    static Instant at(SitePolicy p, LocalDate date, LocalTime time) {
        return LocalDateTime.of(date, time).atZone(p.zone()).toInstant();
    }

    /** A point or area inside the catchment: the first named area, else the centre of the first polygon. */
    static Location insideCatchment(Catchment c) {
        if (!c.areas().isEmpty()) {
            return Location.in(c.areas().iterator().next());
        }
        if (!c.polygons().isEmpty()) {
            Polygon polygon = c.polygons().values().iterator().next();
            double lat = polygon.vertices().stream().mapToDouble(GeoPoint::latitude).average().orElseThrow();
            double lon = polygon.vertices().stream().mapToDouble(GeoPoint::longitude).average().orElseThrow();
            return Location.at(new GeoPoint(lat, lon));
        }
        return Location.unknown();
    }

    /** A referral through the door that no rule of the policy refuses or excludes. */
    static ReferralSubmission.Builder clean(SitePolicy p, Door door, LocalDate referralDate) {
        DoorPolicy dp = p.door(door).orElseThrow(() -> new AssertionError(p.siteId() + " has no " + door + " door"));
        Role role = dp.referrers().iterator().next();
        Optional<ReferrerKind> kind = dp.referrerKinds().isEmpty() ? Optional.empty()
                : Optional.of(dp.referrerKinds().iterator().next());
        var referrer = new Referrer(Actor.of("referrer-1", role), kind, true);
        Location where = insideCatchment(p.catchment());
        var person = new Person(new PersonId("P1"), Optional.of(referralDate.minusYears(35)), Demographics.unknown(),
                p.catchment().residency(), false);
        var b = ReferralSubmission.builder(p.siteId(), door, referrer, person).location(where).personConsents(true);
        if (door.holdsCharge()) {
            DivertibleOffence d = p.divertibleOffences().get(0);
            b.probableCause(true).offence(new Offence(d.code(), d.level().orElse(OffenceLevel.MISDEMEANOR), false));
        }
        if (door == Door.SOCIAL_CONTACT) {
            b.evidence(new VerificationEvidence(p.socialContact().evidenceKinds().iterator().next(),
                    referralDate.minusDays(7), where));
        }
        if (door == Door.COMMUNITY) {
            b.attestedCriteria(p.communityCriteria());
        }
        return b;
    }

    /** The 1-based number of the first line containing the fragment. */
    static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + fragment);
    }

    /** Screens through the public API, nobody enrolled, no capacity gate. */
    static ScreeningDecision screen(SitePolicy p, ReferralSubmission s, Instant at) {
        return EligibilityScreening.of(p).screen(s, at, ScreeningContext.withoutCapacityGate(Set.of()));
    }
}
