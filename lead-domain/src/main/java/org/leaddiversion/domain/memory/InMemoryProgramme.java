/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.memory;

import java.time.Clock;
import java.util.List;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.consent.DisclosureDesk;
import org.leaddiversion.domain.consent.DisclosurePolicy;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.intake.CaseloadCapacity;
import org.leaddiversion.domain.intake.ReferralDesk;
import org.leaddiversion.domain.plan.CaseManagementDesk;
import org.leaddiversion.domain.prosecution.CoordinationDesk;
import org.leaddiversion.domain.rules.ProgrammeRecord;
import org.leaddiversion.domain.workgroup.WorkgroupDesk;

/**
 * A whole LEAD programme in memory: every port as an in-memory adapter sharing one {@link InMemoryStore} (one lock,
 * one transaction, one event log), and the desks wired to them — referrals and enrollments, case management,
 * prosecution coordination, consent and disclosure, and the work group. For tests, demos and the plain-Java
 * embedding example.
 */
public final class InMemoryProgramme {

    private final Clock clock;
    private final InMemoryStore store = new InMemoryStore();
    private final InMemorySitePolicies policies;
    private final InMemoryReferrals referrals = new InMemoryReferrals(store);
    private final InMemoryEnrollments enrollments = new InMemoryEnrollments(store);
    private final InMemorySiteCaseloads caseloads = new InMemorySiteCaseloads(store);
    private final InMemoryInterventionPlans plans = new InMemoryInterventionPlans(store);
    private final InMemoryFlexFunds funds = new InMemoryFlexFunds(store);
    private final InMemoryConsents consents = new InMemoryConsents(store);
    private final InMemoryDisclosureLog disclosures = new InMemoryDisclosureLog(store);
    private final InMemoryPostEnrollmentCases cases = new InMemoryPostEnrollmentCases(store);
    private final InMemoryMeetings meetings = new InMemoryMeetings(store);
    private final ReferralDesk desk;
    private final CaseManagementDesk caseManagement;
    private final CoordinationDesk coordination;
    private final DisclosureDesk disclosure;
    private final WorkgroupDesk workgroup;

    /** A programme whose capacity gate uses {@code capacity}, with the standard §2.32 Part 2 notice. */
    public InMemoryProgramme(Clock clock, IdGenerator ids, CaseloadCapacity capacity) {
        this.clock = Require.present(clock, "clock");
        this.policies = new InMemorySitePolicies(clock, store);
        this.desk = new ReferralDesk(clock, ids, policies, referrals, enrollments, capacity, caseloads, cases, store);
        this.caseManagement = new CaseManagementDesk(clock, ids, policies, enrollments, caseloads, plans, funds, store);
        this.coordination = new CoordinationDesk(clock, ids, policies,
                (person, site) -> enrollments.openFor(person, site).map(Enrollment::id), cases, store);
        this.disclosure = new DisclosureDesk(clock, ids, consents, disclosures, new DisclosurePolicy(), store);
        this.workgroup = new WorkgroupDesk(clock, policies, referrals, enrollments, cases, consents, store);
    }

    /** Referrals, intake and the enrollment lifecycle. */
    public ReferralDesk desk() {
        return desk;
    }

    /** Caseloads, intervention plans and flexible funds. */
    public CaseManagementDesk caseManagement() {
        return caseManagement;
    }

    /** Post-enrollment cases, consultations and charging decisions. */
    public CoordinationDesk coordination() {
        return coordination;
    }

    /** Consents, revocations and disclosures. */
    public DisclosureDesk disclosure() {
        return disclosure;
    }

    /** OWG agendas and reminders. */
    public WorkgroupDesk workgroup() {
        return workgroup;
    }

    public InMemorySitePolicies policies() {
        return policies;
    }

    public InMemoryReferrals referrals() {
        return referrals;
    }

    public InMemoryEnrollments enrollments() {
        return enrollments;
    }

    public InMemorySiteCaseloads caseloads() {
        return caseloads;
    }

    public InMemoryInterventionPlans plans() {
        return plans;
    }

    public InMemoryFlexFunds funds() {
        return funds;
    }

    public InMemoryConsents consents() {
        return consents;
    }

    public InMemoryDisclosureLog disclosures() {
        return disclosures;
    }

    public InMemoryPostEnrollmentCases cases() {
        return cases;
    }

    /** The OWG meetings held, for the agenda rule (R38) over the record. */
    public InMemoryMeetings meetings() {
        return meetings;
    }

    public InMemoryStore store() {
        return store;
    }

    /** Every event so far, oldest first. */
    public List<DomainEvent> events() {
        return store.events();
    }

    /** The whole programme as the rule catalogue sees it, taken now (one consistent snapshot). */
    public ProgrammeRecord record() {
        return record(clock.instant());
    }

    /** The whole programme as the rule catalogue sees it, as of {@code asOf} (one consistent snapshot). */
    public ProgrammeRecord record(java.time.Instant asOf) {
        return store.read(() -> new ProgrammeRecord(policies, referrals.all(), enrollments.all(), store.events(),
                asOf, caseloads.all(), plans.all(), funds.all(), consents.all(), disclosures.entries(),
                cases.all(), meetings.all()));
    }
}
