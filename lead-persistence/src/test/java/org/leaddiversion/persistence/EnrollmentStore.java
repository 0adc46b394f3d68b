/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.leaddiversion.domain.common.EventLog;
import org.leaddiversion.domain.common.Transactions;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentEvent.ContactRecorded;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.enrollment.Enrollments;
import org.leaddiversion.domain.memory.InMemoryEnrollments;
import org.leaddiversion.domain.memory.InMemoryFlexFunds;
import org.leaddiversion.domain.memory.InMemoryInterventionPlans;
import org.leaddiversion.domain.memory.InMemorySiteCaseloads;
import org.leaddiversion.domain.memory.InMemoryStore;
import org.leaddiversion.domain.plan.FlexFunds;
import org.leaddiversion.domain.plan.InterventionPlans;
import org.leaddiversion.domain.plan.SiteCaseloads;
import org.leaddiversion.domain.referral.PersonId;

/**
 * The enrollment and plan ports a contract test exercises, from one store: the in-memory fakes, H2 or PostgreSQL.
 * The in-memory store has no contact table; its contacts are read back from the event log, which is what the
 * database's projection must agree with.
 */
interface EnrollmentStore extends AutoCloseable {

    Enrollments enrollments();

    InterventionPlans plans();

    FlexFunds flexFunds();

    SiteCaseloads caseloads();

    Transactions transactions();

    EventLog events();

    /** The enrollment's recorded contacts, in the order they took place. */
    List<ContactRecorded> contactsOf(EnrollmentId enrollment);

    /** The person's contacts over all enrollments, in the order they took place. */
    List<ContactRecorded> timelineOf(PersonId person);

    @Override
    void close();

    /** The domain's in-memory adapters. */
    static EnrollmentStore inMemory() {
        var store = new InMemoryStore();
        var enrollments = new InMemoryEnrollments(store);
        var plans = new InMemoryInterventionPlans(store);
        var funds = new InMemoryFlexFunds(store);
        var caseloads = new InMemorySiteCaseloads(store);
        return new EnrollmentStore() {
            public Enrollments enrollments() {
                return enrollments;
            }

            public InterventionPlans plans() {
                return plans;
            }

            public FlexFunds flexFunds() {
                return funds;
            }

            public SiteCaseloads caseloads() {
                return caseloads;
            }

            public Transactions transactions() {
                return store;
            }

            public EventLog events() {
                return store;
            }

            public List<ContactRecorded> contactsOf(EnrollmentId enrollment) {
                return sorted(store.events().stream().filter(ContactRecorded.class::isInstance)
                        .map(ContactRecorded.class::cast).filter(c -> c.enrollmentId().equals(enrollment)).toList());
            }

            public List<ContactRecorded> timelineOf(PersonId person) {
                List<EnrollmentId> ids = enrollments.all().stream().filter(e -> e.person().equals(person))
                        .map(Enrollment::id).toList();
                return sorted(store.events().stream().filter(ContactRecorded.class::isInstance)
                        .map(ContactRecorded.class::cast).filter(c -> ids.contains(c.enrollmentId())).toList());
            }

            public void close() {
            }
        };
    }

    /** The jOOQ adapters of a migrated database. */
    static EnrollmentStore of(LeadDatabase db) {
        return new EnrollmentStore() {
            public Enrollments enrollments() {
                return db.enrollments();
            }

            public InterventionPlans plans() {
                return db.interventionPlans();
            }

            public FlexFunds flexFunds() {
                return db.flexFunds();
            }

            public SiteCaseloads caseloads() {
                return db.siteCaseloads();
            }

            public Transactions transactions() {
                return db.transactions();
            }

            public EventLog events() {
                return db.events();
            }

            public List<ContactRecorded> contactsOf(EnrollmentId enrollment) {
                return db.contacts().of(enrollment);
            }

            public List<ContactRecorded> timelineOf(PersonId person) {
                return db.contacts().timelineOf(person);
            }

            public void close() {
                db.close();
            }
        };
    }

    /** In the order the contacts took place; the stable sort keeps the recording order of ties. */
    private static List<ContactRecorded> sorted(List<ContactRecorded> contacts) {
        var out = new ArrayList<>(contacts);
        out.sort(Comparator.comparing(ContactRecorded::contactAt));
        return out;
    }
}
