/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.persistence.PersistentProgramme;

/**
 * People taken into LEAD in Seattle the usual way, for the API scenarios after intake: diverted at arrest on the
 * evening of 12 January 2026, met by case manager cm-1 at the warm hand-off, accepted, confirmed by the sergeant, and
 * through intake (ROI signed) on 26 January. The clock is left on 3 February 2026, 09:00 in Seattle.
 */
final class CareStories {

    static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    /** The first instant of the story. */
    static final Instant START = seattle("2026-01-12T21:10");

    /** Where the story leaves the clock. */
    static final Instant NOW = seattle("2026-02-03T09:00");

    private CareStories() {
    }

    /** A local date-time in Seattle. */
    static Instant seattle(String local) {
        return ApiClients.seattle(local);
    }

    /** A person enrolled in LEAD: her person id, her enrollment's id and her referral's, as the API names them. */
    record Enrolled(String person, String enrollment, String referral) {
        PersonId personId() {
            return new PersonId(person);
        }

        EnrollmentId enrollmentId() {
            return new EnrollmentId(UUID.fromString(enrollment));
        }
    }

    /**
     * Takes each person from diversion to enrollment (unassigned to any case manager), the clock running from
     * {@link #START} (the programme's clock must not be past it) to {@link #NOW}.
     */
    static Map<String, Enrolled> enrolled(PersistentProgramme programme, MutableClock clock, String... people) {
        var desk = programme.desk();
        var cm = Fixtures.CASE_MANAGER;
        clock.set(START);
        var referrals = new LinkedHashMap<String, ReferralId>();
        var personIds = new LinkedHashMap<String, String>();
        for (String person : people) {
            var referral = expect(desk.submit(Fixtures.anArrestDiversion(person).build()), person);
            referrals.put(person, referral.id());
            personIds.put(person, referral.submission().person().id().value());
        }
        clock.set(seattle("2026-01-12T21:45"));
        for (ReferralId id : referrals.values()) {
            expect(desk.recordHandoff(id, cm, seattle("2026-01-12T21:15"), seattle("2026-01-12T21:40")), "hand-off");
            expect(desk.accept(id, cm), "acceptance");
            expect(desk.decideEligibility(id, Fixtures.SERGEANT, true, null), "confirmation");
        }
        clock.set(seattle("2026-01-26T10:00"));
        var out = new LinkedHashMap<String, Enrolled>();
        referrals.forEach((person, id) -> {
            expect(desk.recordRoiSignature(id, cm), "ROI");
            var enrollment = expect(desk.completeIntake(id, cm), "intake").enrollment().orElseThrow();
            out.put(person, new Enrolled(personIds.get(person), enrollment.value().toString(), id.value().toString()));
        });
        clock.set(NOW);
        return out;
    }

    /** Assigns the enrollment to case manager cm-1, as she takes the participant onto her own caseload. */
    static void assignedToCm1(PersistentProgramme programme, Enrolled person) {
        var cm = Fixtures.CASE_MANAGER;
        expect(programme.caseManagement().assignCaseManager(person.enrollmentId(), CaseManagerId.of(cm.id()), cm),
                "assignment");
    }
}
