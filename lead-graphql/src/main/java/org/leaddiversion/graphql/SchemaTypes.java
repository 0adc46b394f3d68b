/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import java.util.Map;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentEvent.ContactRecorded;
import org.leaddiversion.domain.intake.DivertedCase;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.rules.Invariant;
import org.leaddiversion.domain.screening.Finding;
import org.leaddiversion.domain.screening.ScreeningDecision;
import org.leaddiversion.domain.workgroup.Agenda;
import org.leaddiversion.persistence.ReferralView;

/**
 * The Java type behind each schema type whose controller returns it wrapped (a {@code DataFetcherResult}, a
 * future), which Spring's schema-mapping inspection cannot see through: a field the inspection reports unmapped on
 * such a type is mapped if the type has a public accessor of the field's name. Any other unmapped field fails
 * start-up.
 */
final class SchemaTypes {

    private SchemaTypes() {
    }

    static final Map<String, Class<?>> BACKING = Map.ofEntries(
            Map.entry("Rule", Invariant.class),
            Map.entry("Participant", ParticipantController.ParticipantRef.class),
            Map.entry("Referral", ReferralView.class),
            Map.entry("Person", Person.class),
            Map.entry("Offence", Offence.class),
            Map.entry("Screening", ScreeningDecision.class),
            Map.entry("Finding", Finding.class),
            Map.entry("HeldCharge", DivertedCase.class),
            Map.entry("Enrollment", Enrollment.class),
            Map.entry("Contact", ContactRecorded.class),
            Map.entry("UserError", Commands.UserError.class),
            Map.entry("ReferralPayload", ReferralController.ReferralPayload.class),
            Map.entry("PostEnrollmentCase", PostEnrollmentCase.class),
            // life after intake (enrollment, case management, consent): reached only through wrapped results
            Map.entry("Consent", org.leaddiversion.domain.consent.Consent.class),
            // participant lists, the timeline, deadlines due (ParticipantListController)
            Map.entry("ParticipantConnection", ParticipantListController.ParticipantConnection.class),
            Map.entry("ParticipantEdge", ParticipantListController.ParticipantEdge.class),
            Map.entry("PageInfo", ParticipantListController.PageInfo.class),
            Map.entry("TimelineConnection", ParticipantListController.TimelineConnection.class),
            Map.entry("TimelineEdge", ParticipantListController.TimelineEdge.class),
            Map.entry("TimelineEntry", ParticipantListController.TimelineEntry.class),
            Map.entry("DeadlineDue", org.leaddiversion.persistence.DueReferral.class),
            // sites: the policy payload and the agenda come back wrapped (a DataFetcherResult)
            Map.entry("PolicyVersionPayload", SiteController.PolicyVersionPayload.class),
            Map.entry("WorkgroupAgenda", Agenda.class),
            // evaluation reports: released or refused as a DataFetcherResult (EvaluationController)
            Map.entry("OutcomeReport", EvaluationController.OutcomeReportView.class),
            Map.entry("PublishedMeasureRow", EvaluationController.PublishedMeasureRow.class),
            Map.entry("PublishedCount", EvaluationController.PublishedCount.class),
            Map.entry("StratumPart", EvaluationController.StratumPart.class),
            Map.entry("CohortComparison", EvaluationController.CohortComparisonView.class),
            Map.entry("OddsRatio", EvaluationController.OddsRatioView.class),
            Map.entry("ReferralRateIndex", EvaluationController.ReferralRateIndexView.class),
            Map.entry("RriRow", EvaluationController.RriRowView.class));

    /** Whether the backing type of {@code type} has a public accessor for {@code field}. */
    static boolean served(String type, String field) {
        Class<?> backing = BACKING.get(type);
        if (backing == null) {
            return false;
        }
        String capital = Character.toUpperCase(field.charAt(0)) + field.substring(1);
        for (String name : new String[] {field, "get" + capital, "is" + capital}) {
            try {
                if (java.lang.reflect.Modifier.isPublic(backing.getMethod(name).getModifiers())) {
                    return true;
                }
            } catch (NoSuchMethodException e) {
                // try the next spelling
            }
        }
        return false;
    }
}
