/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.consent.DisclosureEvent;
import org.leaddiversion.domain.enrollment.EnrollmentEvent;
import org.leaddiversion.domain.intake.ReferralEvent;
import org.leaddiversion.domain.plan.PlanEvent;
import org.leaddiversion.domain.prosecution.ProsecutionEvent;
import org.leaddiversion.domain.workgroup.WorkgroupEvent;

/**
 * One sentence in domain words for each event of a participant's timeline. A summary is built from the event's
 * values only — kinds, states, dates, roles — never from free text someone typed (a reason, a goal's words), and
 * tells nothing of another data class than the event's own.
 */
final class TimelineSummaries {

    private static final Map<Class<?>, Function<DomainEvent, String>> SUMMARY = new HashMap<>();

    static {
        on(ReferralEvent.ReferralSubmitted.class, e -> "Referred through the " + words(e.door()) + " door at "
                + e.site() + " under policy version " + e.policyVersion() + "; intake is due by " + e.intakeDeadline()
                + ".");
        on(ReferralEvent.ReferralScreened.class, e -> "Screened " + words(e.result()) + " under policy version "
                + e.policyVersion() + (e.findings().isEmpty() ? "." : ", with " + count(e.findings().size(),
                "exclusion") + " found."));
        on(ReferralEvent.ConsentRecorded.class, e -> "Agreed to LEAD after being told it is voluntary.");
        on(ReferralEvent.ReferralDeclined.class, e -> "Declined LEAD at the offer.");
        on(ReferralEvent.HandoffCompleted.class, e -> "Warm hand-off to a case manager in " + e.minutes()
                + " minutes" + (e.withinTarget() ? ", within the target." : ", past the target."));
        on(ReferralEvent.ReferralApproved.class, e -> "Referral approved by a " + words(e.role()) + ".");
        on(ReferralEvent.ExclusionOverridden.class, e -> count(e.overridden().size(), "presumptive exclusion")
                + " overridden by a " + words(e.role()) + ", with a written reason.");
        on(ReferralEvent.ExclusionConfirmed.class, e -> "Presumptive exclusion confirmed by a " + words(e.role())
                + ": not eligible.");
        on(ReferralEvent.ReferralAccepted.class, e -> "Referral accepted; the intake clock runs.");
        on(ReferralEvent.DivertedCaseHeld.class, e -> "The charge is held while the person is taken into LEAD.");
        on(ReferralEvent.EligibilityConfirmed.class, e -> "Eligibility confirmed by the " + words(e.role()) + ".");
        on(ReferralEvent.EligibilityRejectedByAuthority.class, e -> "Eligibility rejected by the " + words(e.role())
                + ".");
        on(ReferralEvent.IntakeAssessmentRecorded.class, e -> "Intake assessment done.");
        on(ReferralEvent.RoiSigned.class, e -> "Release of information signed.");
        on(ReferralEvent.IntakeCompleted.class, e -> "Intake completed in time; " + (e.newEnrollment()
                ? "a new enrollment began." : "the referral joins the open enrollment."));
        on(ReferralEvent.DivertedCaseNotFiled.class, e -> "The held charge will not be filed.");
        on(ReferralEvent.IntakeLapsed.class, e -> "The intake deadline of " + e.deadline()
                + " passed without intake.");
        on(ReferralEvent.DivertedCaseReleased.class, e -> "The held charge was released for ordinary review ("
                + words(e.reason()) + "); the " + words(e.recipient()) + " was notified.");
        on(ReferralEvent.ReferralWithdrawn.class, e -> "Withdrawn before intake by a " + words(e.role()) + ".");
        on(ReferralEvent.IntakeDeadlineExtended.class, e -> "Intake deadline extended from " + e.from() + " to "
                + e.to() + ".");
        on(ReferralEvent.OrdinaryReviewRecorded.class, e -> "Ordinary review of the released charge: "
                + words(e.outcome()) + ".");

        on(EnrollmentEvent.EnrollmentStarted.class, e -> "Enrolled in LEAD at " + e.site() + ".");
        on(EnrollmentEvent.ReferralAttached.class, e -> "A new referral was attached to the open enrollment.");
        on(EnrollmentEvent.EnrollmentClosed.class, e -> "Enrollment closed: " + words(e.reason()) + ".");
        on(EnrollmentEvent.ContactRecorded.class, e -> "Contact (" + words(e.contactType()) + ") at "
                + e.contactAt() + ".");
        on(EnrollmentEvent.ParticipantBecameInactive.class, e -> "No contact for " + e.thresholdDays()
                + " days: inactive, still enrolled.");
        on(EnrollmentEvent.ParticipantReengaged.class, e -> "Back in contact: active again.");

        on(PlanEvent.GoalSet.class, e -> "Set a " + words(e.kind()) + " goal in " + words(e.domain()) + ".");
        on(PlanEvent.GoalStatusChanged.class, e -> "A goal went from " + words(e.from()) + " to " + words(e.to())
                + ".");
        on(PlanEvent.ServiceReferralMade.class, e -> "Referred to a " + words(e.domain()) + " service ("
                + words(e.status()) + ").");
        on(PlanEvent.CaseManagerAssigned.class, e -> "Assigned to case manager " + e.caseManager() + ".");
        on(PlanEvent.CaseManagerReleased.class, e -> "Left the caseload of case manager " + e.caseManager() + ".");
        on(PlanEvent.FlexExpenditureRecorded.class, e -> "Flexible funds spent on " + words(e.category())
                + (e.approvedBy().isPresent() ? ", with approval over the cap." : "."));

        on(ProsecutionEvent.PostEnrollmentCaseFlagged.class, e -> "A new case was recorded"
                + (e.leadParticipant() ? " while enrolled in LEAD." : "."));
        on(ProsecutionEvent.ConsultationRequested.class, e -> "A prosecutor asked to consult the case manager by "
                + e.dueBy() + ".");
        on(ProsecutionEvent.CaseManagerInputRecorded.class, e -> "The case manager's input was recorded.");
        on(ProsecutionEvent.ChargingDecisionRecorded.class, e -> "Charging decision: " + words(e.decision())
                + (e.consultationWaived() ? ", without consultation (waived)." : "."));

        on(DisclosureEvent.ConsentSigned.class, e -> "Signed a " + words(e.consentType()) + " consent.");
        on(DisclosureEvent.ConsentRevoked.class, e -> "Revoked a consent.");
        on(DisclosureEvent.DisclosureGranted.class, e -> "Disclosed " + classes(e.dataClasses()) + " to a "
                + words(e.recipient()) + " for " + words(e.purpose()) + ".");
        on(DisclosureEvent.DisclosureRefused.class, e -> "Refused to disclose " + classes(e.dataClasses())
                + " to a " + words(e.recipient()) + " for " + words(e.purpose()) + ".");

        on(WorkgroupEvent.IntakeDeadlineApproaching.class, e -> "The intake deadline of " + e.deadline()
                + " is near.");
        on(WorkgroupEvent.ConsultationWindowClosing.class, e -> "The consultation window closes at " + e.dueBy()
                + ".");
    }

    private TimelineSummaries() {
    }

    /** The summary of {@code event}; an event type this class does not know is named by its type. */
    static String of(DomainEvent event) {
        Function<DomainEvent, String> summary = SUMMARY.get(event.getClass());
        return summary == null ? event.type() + "." : summary.apply(event);
    }

    /** Whether {@code type} has a summary of its own. */
    static boolean knows(Class<?> type) {
        return SUMMARY.containsKey(type);
    }

    private static <E extends DomainEvent> void on(Class<E> type, Function<E, String> summary) {
        SUMMARY.put(type, e -> summary.apply(type.cast(e)));
    }

    /** An enum value in words: {@code ARREST_DIVERSION} is "arrest diversion". */
    private static String words(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String classes(java.util.Set<? extends Enum<?>> values) {
        var names = new TreeSet<String>();
        values.forEach(v -> names.add(v.name()));
        return String.join(", ", names);
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
