/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.workgroup;

import java.util.List;
import java.util.Map;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.consent.Consent;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentEvent;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.prosecution.LegalMatter;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.referral.PersonId;

/**
 * What the agenda is built from: the programme's data as the host loaded it (any site; the generator keeps the
 * meeting's site, and precinct if it has one, only).
 *
 * @param referrals        referrals
 * @param enrollments      enrollments
 * @param cases            post-enrollment cases
 * @param legalMatters     warrants, court dates and pre-existing cases per person
 * @param enrollmentEvents enrollment events (for newly INACTIVE participants)
 * @param consents         consents per person
 * @param flagged          items flagged by members, as free text with no personal data (the host's concern)
 */
public record OwgInputs(List<Referral> referrals, List<Enrollment> enrollments, List<PostEnrollmentCase> cases,
                        Map<PersonId, List<LegalMatter>> legalMatters, List<EnrollmentEvent> enrollmentEvents,
                        Map<PersonId, List<Consent>> consents, List<String> flagged) {

    public OwgInputs {
        referrals = List.copyOf(Require.noNulls(referrals, "owg.referrals"));
        enrollments = List.copyOf(Require.noNulls(enrollments, "owg.enrollments"));
        cases = List.copyOf(Require.noNulls(cases, "owg.cases"));
        legalMatters = Map.copyOf(Require.present(legalMatters, "owg.legalMatters"));
        enrollmentEvents = List.copyOf(Require.noNulls(enrollmentEvents, "owg.enrollmentEvents"));
        consents = Map.copyOf(Require.present(consents, "owg.consents"));
        flagged = List.copyOf(Require.noNulls(flagged, "owg.flagged"));
    }

    /**
     * The inputs over a programme's data as it is: legal matters gathered from the cases, consents grouped by person,
     * enrollment events picked from the event log.
     */
    public static OwgInputs of(List<Referral> referrals, List<Enrollment> enrollments, List<PostEnrollmentCase> cases,
                               List<Consent> consents, List<? extends DomainEvent> events, List<String> flagged) {
        var legal = new java.util.HashMap<PersonId, List<LegalMatter>>();
        for (PostEnrollmentCase c : Require.noNulls(cases, "owg.cases")) {
            legal.computeIfAbsent(c.person(), k -> new java.util.ArrayList<>()).addAll(c.legalMatters());
        }
        var byPerson = new java.util.HashMap<PersonId, List<Consent>>();
        for (Consent c : Require.noNulls(consents, "owg.consents")) {
            byPerson.computeIfAbsent(c.participant(), k -> new java.util.ArrayList<>()).add(c);
        }
        var enrollmentEvents = new java.util.ArrayList<EnrollmentEvent>();
        for (DomainEvent e : Require.noNulls(events, "owg.events")) {
            if (e instanceof EnrollmentEvent ee) {
                enrollmentEvents.add(ee);
            }
        }
        return new OwgInputs(referrals, enrollments, cases, legal, enrollmentEvents, byPerson, flagged);
    }

    /** The consents on file for {@code person}. */
    public List<Consent> consentsOf(PersonId person) {
        return consents.getOrDefault(person, List.of());
    }
}
