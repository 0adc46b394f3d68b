/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.common.EventLog;
import org.leaddiversion.domain.common.Transactions;
import org.leaddiversion.domain.memory.InMemoryMeetings;
import org.leaddiversion.domain.memory.InMemoryPostEnrollmentCases;
import org.leaddiversion.domain.memory.InMemorySitePolicies;
import org.leaddiversion.domain.memory.InMemoryStore;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SitePolicyHistory;
import org.leaddiversion.domain.prosecution.PostEnrollmentCases;
import org.leaddiversion.domain.workgroup.Meetings;

/** The case, meeting and policy ports a contract test exercises, from one store: in-memory fakes, H2 or PostgreSQL. */
interface CaseStore extends AutoCloseable {

    PostEnrollmentCases cases();

    Meetings meetings();

    SitePolicyStore sitePolicies();

    Transactions transactions();

    EventLog events();

    @Override
    void close();

    /** The domain's in-memory adapters; policies and meetings behind the persistence module's interfaces. */
    static CaseStore inMemory(Clock clock) {
        var store = new InMemoryStore();
        var cases = new InMemoryPostEnrollmentCases(store);
        var meetings = new InMemoryMeetings(store);
        var policies = new InMemorySitePolicies(clock, store);
        var sites = new TreeSet<String>();
        Meetings meetingStore = meetings;
        var policyStore = new SitePolicyStore() {
            public synchronized void put(SitePolicyHistory history) {
                Optional<SitePolicyHistory> known = policies.history(history.siteId());
                if (known.isPresent()) {
                    throw new ConcurrentUpdateException("SitePolicy", history.siteId().value(), 0,
                            known.get().latest().version());
                }
                policies.put(history);
                sites.add(history.siteId().value());
            }

            public synchronized SitePolicyHistory append(SitePolicy next) {
                Optional<SitePolicyHistory> known = policies.history(next.siteId());
                if (known.isPresent() && next.version() <= known.get().latest().version()) {
                    throw new ConcurrentUpdateException("SitePolicy", next.siteId().value(), next.version() - 1L,
                            known.get().latest().version());
                }
                SitePolicyHistory h = policies.append(next);
                sites.add(next.siteId().value());
                return h;
            }

            public synchronized List<SiteId> sites() {
                return sites.stream().map(SiteId::new).toList();
            }

            public Optional<SitePolicyHistory> history(SiteId site) {
                return policies.history(site);
            }
        };
        return new CaseStore() {
            public PostEnrollmentCases cases() {
                return cases;
            }

            public Meetings meetings() {
                return meetingStore;
            }

            public SitePolicyStore sitePolicies() {
                return policyStore;
            }

            public Transactions transactions() {
                return store;
            }

            public EventLog events() {
                return store;
            }

            public void close() {
            }
        };
    }

    /** The jOOQ adapters of a migrated database. */
    static CaseStore of(LeadDatabase db, Clock clock) {
        SitePolicyStore policies = db.sitePolicies(clock);
        return new CaseStore() {
            public PostEnrollmentCases cases() {
                return db.postEnrollmentCases();
            }

            public Meetings meetings() {
                return db.meetings();
            }

            public SitePolicyStore sitePolicies() {
                return policies;
            }

            public Transactions transactions() {
                return db.transactions();
            }

            public EventLog events() {
                return db.events();
            }

            public void close() {
                db.close();
            }
        };
    }
}
