/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.leaddiversion.persistence.jooq.Tables.CONSENT;
import static org.leaddiversion.persistence.jooq.Tables.DISCLOSURE_ENTRY;
import static org.leaddiversion.persistence.jooq.Tables.DOMAIN_EVENT;
import static org.leaddiversion.persistence.jooq.Tables.ENROLLMENT;
import static org.leaddiversion.persistence.jooq.Tables.OWG_MEETING;
import static org.leaddiversion.persistence.jooq.Tables.POST_ENROLLMENT_CASE;
import static org.leaddiversion.persistence.jooq.Tables.REFERRAL;
import static org.leaddiversion.persistence.jooq.Tables.SITE_CASELOADS;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Table;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.plan.Caseloads;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicies;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.rules.ProgrammeRecord;
import org.leaddiversion.domain.workgroup.Meeting;

/**
 * Writes a whole {@link ProgrammeRecord} into an empty database in one transaction, through the same adapters and row
 * mappings the desks write through: each aggregate once, new, at the version it has in the record, with its child rows
 * and projections, in bulk ({@link BulkRows}); then the contacts projected from the event log, the disclosure log with its sequence numbers,
 * the meetings, and the event log itself in the record's order, in bulk. What it leaves is what the desks would have
 * left after taking the commands that made the record.
 */
final class ProgrammeLoad {

    /** The tables that must be empty: a record loads into a database holding no programme data. */
    private static final List<Table<?>> PROGRAMME_TABLES = List.of(DOMAIN_EVENT, REFERRAL, ENROLLMENT, CONSENT,
            POST_ENROLLMENT_CASE, SITE_CASELOADS, DISCLOSURE_ENTRY, OWG_MEETING);

    private final JooqTransactions tx;
    private final SitePolicies policies;
    private final JooqReferrals referrals;
    private final JooqEnrollments enrollments;
    private final JooqSiteCaseloads caseloads;
    private final JooqInterventionPlans plans;
    private final JooqFlexFunds funds;
    private final JooqConsents consents;
    private final JooqPostEnrollmentCases cases;
    private final JooqDisclosureLog disclosures;
    private final JooqMeetings meetings;
    private final EventStore events;

    ProgrammeLoad(JooqTransactions tx, SitePolicies policies, JooqReferrals referrals, JooqEnrollments enrollments,
                  JooqSiteCaseloads caseloads, JooqInterventionPlans plans, JooqFlexFunds funds,
                  JooqConsents consents, JooqPostEnrollmentCases cases, JooqDisclosureLog disclosures,
                  JooqMeetings meetings, EventStore events) {
        this.tx = tx;
        this.policies = policies;
        this.referrals = referrals;
        this.enrollments = enrollments;
        this.caseloads = caseloads;
        this.plans = plans;
        this.funds = funds;
        this.consents = consents;
        this.cases = cases;
        this.disclosures = disclosures;
        this.meetings = meetings;
        this.events = events;
    }

    void load(ProgrammeRecord record) {
        tx.inTransaction(() -> {
            for (Table<?> table : PROGRAMME_TABLES) {
                if (tx.dsl().fetchExists(table)) {
                    throw new IllegalStateException("the database already holds programme data (table "
                            + table.getName() + " is not empty); a programme record is loaded only into an empty one");
                }
            }
            Set<String> unknown = new TreeSet<>();
            for (SiteId site : sites(record)) {
                if (policies.history(site).isEmpty()) {
                    unknown.add(site.value());
                }
            }
            if (!unknown.isEmpty()) {
                throw new IllegalStateException("the record names sites without a stored policy: " + unknown
                        + "; store each site's policy history first");
            }
            // parents before the rows that refer to them; every aggregate is new here, written in bulk but for the
            // few cases and caseloads
            List<DomainEvent> none = List.of();
            referrals.insertNew(record.referrals(), none);
            enrollments.insertNew(record.enrollments());
            for (Map.Entry<SiteId, Caseloads> c : record.caseloads().entrySet()) {
                if (c.getValue().version() > 0) { // version 0 is the empty caseload no command has touched
                    caseloads.save(c.getKey(), c.getValue(), 0, none);
                }
            }
            plans.insertNew(record.plans());
            funds.insertNew(record.funds());
            consents.insertNew(record.consents());
            for (PostEnrollmentCase c : record.cases()) {
                cases.save(c, -1, none);
            }
            enrollments.projectContacts(record.events());
            disclosures.restore(record.disclosures());
            for (Meeting m : record.meetings()) {
                meetings.add(m);
            }
            events.appendAll(record.events());
            return null;
        });
    }

    private static Set<SiteId> sites(ProgrammeRecord record) {
        Set<SiteId> sites = new java.util.HashSet<>(record.caseloads().keySet());
        record.referrals().forEach(r -> sites.add(r.submission().site()));
        record.enrollments().forEach(e -> sites.add(e.site()));
        record.meetings().forEach(m -> sites.add(m.site()));
        return sites;
    }
}
