/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.consent.DisclosureDesk;
import org.leaddiversion.domain.consent.DisclosurePolicy;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.intake.CaseloadCapacity;
import org.leaddiversion.domain.intake.ReferralDesk;
import org.leaddiversion.domain.plan.CaseManagementDesk;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.prosecution.CoordinationDesk;
import org.leaddiversion.domain.rules.ProgrammeRecord;
import org.leaddiversion.domain.workgroup.WorkgroupDesk;
import org.leaddiversion.domain.workgroup.WorkgroupEvent;

/**
 * A whole LEAD programme on the database: the domain's desks wired to the database's ports exactly as
 * {@link org.leaddiversion.domain.memory.InMemoryProgramme} wires them in memory — referrals and enrollments, case
 * management, prosecution coordination, consent and disclosure — every command in one database transaction.
 *
 * <p>The desks take commands; they offer no reads. Participant data, the OWG agenda included, is read only through
 * {@link #records()}, which decides every read with the domain's access policy and audits it. A command's outcome
 * carries the aggregate it changed back to the actor who changed it: the command itself is on record (its events, in
 * the same transaction, name the actor where the domain records one), and a host shows the actor anything more only
 * through {@link #records()}.
 */
public final class PersistentProgramme {

    private final LeadDatabase db;
    private final Clock clock;
    private final SitePolicyStore policies;
    private final ReferralDesk desk;
    private final CaseManagementDesk caseManagement;
    private final CoordinationDesk coordination;
    private final DisclosureDesk disclosure;
    private final WorkgroupDesk workgroup;
    private final ParticipantRecords records;


    PersistentProgramme(LeadDatabase db, Clock clock, IdGenerator ids, CaseloadCapacity capacity) {
        this.db = db;
        this.clock = Require.present(clock, "clock");
        Require.present(ids, "ids");
        Require.present(capacity, "capacity");
        this.policies = db.sitePolicies(clock);
        var tx = db.transactions();
        this.desk = new ReferralDesk(clock, ids, policies, db.referrals(), db.enrollments(), capacity,
                db.siteCaseloads(), db.postEnrollmentCases(), tx);
        this.caseManagement = new CaseManagementDesk(clock, ids, policies, db.enrollments(), db.siteCaseloads(),
                db.interventionPlans(), db.flexFunds(), tx);
        this.coordination = new CoordinationDesk(clock, ids, policies,
                (person, site) -> db.enrollments().openFor(person, site).map(Enrollment::id),
                db.postEnrollmentCases(), tx);
        this.disclosure = new DisclosureDesk(clock, ids, db.consents(), db.disclosureLog(), new DisclosurePolicy(), tx);
        this.workgroup = new WorkgroupDesk(clock, policies, db.referrals(), db.enrollments(), db.postEnrollmentCases(),
                db.consents(), db.events());
        this.records = db.records(clock);
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

    /**
     * Reminders due now: intake deadlines and consultation windows ending within {@code horizon} (ids and dates, no
     * participant data). The host's scheduler de-duplicates what it already sent.
     */
    public List<WorkgroupEvent> reminders(Duration horizon) {
        return workgroup.reminders(Require.present(horizon, "horizon"));
    }

    /** The site policies the desks run under (the programme's clock decides "today"). */
    public SitePolicyStore policies() {
        return policies;
    }

    /**
     * Each case manager's open caseload at a site (rule R30): how many open enrollments she holds, by case manager.
     * Staff workload with no participant in it — no enrollment or person id — for screens that show caseloads against
     * the site's cap and target; a case manager holding none is not listed.
     */
    public Map<CaseManagerId, Integer> openCaseloads(SiteId site) {
        Map<CaseManagerId, Integer> open = new TreeMap<>();
        db.siteCaseloads().of(Require.present(site, "site")).assignments().values()
                .forEach(caseManager -> open.merge(caseManager, 1, Integer::sum));
        return Collections.unmodifiableMap(open);
    }

    /** The audited reads of participant data, on the programme's clock. */
    public ParticipantRecords records() {
        return records;
    }

    /**
     * The whole programme as the rule catalogue sees it, now. Package-private on purpose: it holds every participant's
     * record unaudited, so only the library's own tests take it; a host-facing rule check would go through an audited
     * entry point.
     */
    ProgrammeRecord record() {
        return record(clock.instant());
    }

    /** The whole programme as of {@code asOf}, read in one transaction. */
    ProgrammeRecord record(Instant asOf) {
        return db.transactions().inTransaction(() -> new ProgrammeRecord(policies, db.referrals().all(),
                db.enrollments().all(), db.events().events(), asOf, db.siteCaseloads().all(),
                db.interventionPlans().all(), db.flexFunds().all(), db.consents().all(),
                db.disclosureLog().entries(), db.postEnrollmentCases().all(), db.meetings().all()));
    }
}
