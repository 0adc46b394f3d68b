/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.leaddiversion.domain.common.EventLog;
import org.leaddiversion.domain.common.Transactions;
import org.leaddiversion.domain.intake.Referrals;
import org.leaddiversion.domain.memory.InMemoryReferrals;
import org.leaddiversion.domain.memory.InMemoryStore;

/** The ports the referrals contract exercises, from one store: the in-memory fake, H2 or PostgreSQL. */
interface ReferralStore extends AutoCloseable {

    Referrals referrals();

    Transactions transactions();

    EventLog events();

    /** The database behind the store, for checks of the projection tables; empty for the in-memory fake. */
    java.util.Optional<LeadDatabase> database();

    @Override
    void close();

    /** The domain's in-memory adapter. */
    static ReferralStore inMemory() {
        var store = new InMemoryStore();
        var referrals = new InMemoryReferrals(store);
        return new ReferralStore() {
            public Referrals referrals() {
                return referrals;
            }

            public Transactions transactions() {
                return store;
            }

            public EventLog events() {
                return store;
            }

            public java.util.Optional<LeadDatabase> database() {
                return java.util.Optional.empty();
            }

            public void close() {
            }
        };
    }

    /** The jOOQ adapter of a migrated database. */
    static ReferralStore of(LeadDatabase db) {
        return new ReferralStore() {
            public Referrals referrals() {
                return db.referrals();
            }

            public Transactions transactions() {
                return db.transactions();
            }

            public EventLog events() {
                return db.events();
            }

            public java.util.Optional<LeadDatabase> database() {
                return java.util.Optional.of(db);
            }

            public void close() {
                db.close();
            }
        };
    }
}
