/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.consent.Consent;
import org.leaddiversion.domain.consent.DisclosureLog;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.plan.Caseloads;
import org.leaddiversion.domain.plan.FlexFund;
import org.leaddiversion.domain.plan.InterventionPlan;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicies;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.workgroup.Meeting;

/**
 * A programme's data as the invariants of the {@link RuleCatalogue} see it: one consistent snapshot, taken at
 * {@code asOf}, of everything the rules read. A host can build one from its own store (or a production export) and
 * run {@link RuleCatalogue#checkAll} over it.
 *
 * @param policies    every site's policy history
 * @param referrals   every referral
 * @param enrollments every enrollment
 * @param events      the event log, in the order it was appended
 * @param asOf        the instant the record was taken (nothing may be dated after it)
 * @param caseloads   each site's case-manager assignments
 * @param plans       the intervention plans
 * @param funds       the flexible-fund ledgers
 * @param consents    every consent, revoked ones included
 * @param disclosures the disclosure log, in sequence order
 * @param cases       post-enrollment and pre-existing cases
 * @param meetings    the OWG meetings held
 */
public record ProgrammeRecord(SitePolicies policies, List<Referral> referrals, List<Enrollment> enrollments,
                              List<DomainEvent> events, Instant asOf, Map<SiteId, Caseloads> caseloads,
                              List<InterventionPlan> plans, List<FlexFund> funds, List<Consent> consents,
                              List<DisclosureLog.Entry> disclosures, List<PostEnrollmentCase> cases,
                              List<Meeting> meetings) {
    public ProgrammeRecord {
        Require.present(policies, "policies");
        referrals = List.copyOf(Require.noNulls(referrals, "referrals"));
        enrollments = List.copyOf(Require.noNulls(enrollments, "enrollments"));
        events = List.copyOf(Require.noNulls(events, "events"));
        Require.present(asOf, "asOf");
        caseloads = Map.copyOf(Require.present(caseloads, "caseloads"));
        plans = List.copyOf(Require.noNulls(plans, "plans"));
        funds = List.copyOf(Require.noNulls(funds, "funds"));
        consents = List.copyOf(Require.noNulls(consents, "consents"));
        disclosures = List.copyOf(Require.noNulls(disclosures, "disclosures"));
        cases = List.copyOf(Require.noNulls(cases, "cases"));
        meetings = List.copyOf(Require.noNulls(meetings, "meetings"));
    }

    /** A record of referrals and enrollments only: no caseloads, plans, funds, consents, disclosures, cases or meetings. */
    public ProgrammeRecord(SitePolicies policies, List<Referral> referrals, List<Enrollment> enrollments,
                           List<DomainEvent> events, Instant asOf) {
        this(policies, referrals, enrollments, events, asOf, Map.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }
}
