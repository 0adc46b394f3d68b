/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.workgroup;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.referral.ReferralId;

/**
 * Which referrals, enrollments and post-enrollment cases a meeting covers (SPEC §7.4, {@code owg.scope}). An item
 * belongs to the meeting's site; for a precinct meeting it must also be located in the meeting's precinct:
 * <ul>
 *   <li>a referral: the area of its location;</li>
 *   <li>an enrollment: the area of its first referral (the one whose intake started it);</li>
 *   <li>a post-enrollment case: the area of the participant's enrollment (the case's open enrollment, otherwise the
 *       person's most recently started enrollment at the site), so that every item about a participant goes to the
 *       same precinct; failing that, the area of the referral the case was routed from.</li>
 * </ul>
 * An item whose area is unknown (no area recorded, or its referral not among the inputs) belongs to no precinct
 * meeting: a precinct-based site records the area of every referral.
 */
public final class AgendaScope {

    private final Meeting meeting;
    private final Map<ReferralId, Referral> referrals = new HashMap<>();
    private final Map<EnrollmentId, Enrollment> enrollments = new HashMap<>();

    private AgendaScope(Meeting meeting, OwgInputs inputs) {
        this.meeting = meeting;
        inputs.referrals().forEach(r -> referrals.put(r.id(), r));
        inputs.enrollments().forEach(e -> enrollments.put(e.id(), e));
    }

    /** The scope of {@code meeting} over {@code inputs}. */
    public static AgendaScope of(Meeting meeting, OwgInputs inputs) {
        return new AgendaScope(Require.present(meeting, "meeting"), Require.present(inputs, "inputs"));
    }

    /** Whether the referral belongs to the meeting. */
    public boolean covers(Referral r) {
        return r.submission().site().equals(meeting.site()) && meeting.covers(areaOf(r));
    }

    /** Whether the enrollment belongs to the meeting. */
    public boolean covers(Enrollment e) {
        return e.site().equals(meeting.site()) && meeting.covers(areaOf(e));
    }

    /** Whether the post-enrollment case belongs to the meeting. */
    public boolean covers(PostEnrollmentCase c) {
        return c.site().equals(meeting.site()) && meeting.covers(areaOf(c));
    }

    /** The area of a referral's location, if recorded. */
    public static Optional<AreaId> areaOf(Referral r) {
        return r.submission().location().area();
    }

    /** The area of the enrollment's first referral, if known. */
    public Optional<AreaId> areaOf(Enrollment e) {
        return e.referrals().stream().findFirst().map(referrals::get).flatMap(AgendaScope::areaOf);
    }

    /** The area of the case's participant's enrollment, else of the referral it was routed from, if known. */
    public Optional<AreaId> areaOf(PostEnrollmentCase c) {
        Optional<Enrollment> enrollment = c.openEnrollment().map(enrollments::get);
        if (enrollment.isEmpty()) {
            enrollment = enrollments.values().stream()
                    .filter(e -> e.person().equals(c.person()) && e.site().equals(c.site()))
                    .max(Comparator.comparing(Enrollment::startedAt).thenComparing(e -> e.id().toString()));
        }
        Optional<AreaId> area = enrollment.flatMap(this::areaOf);
        return area.isPresent() ? area : c.referral().map(referrals::get).flatMap(AgendaScope::areaOf);
    }
}
