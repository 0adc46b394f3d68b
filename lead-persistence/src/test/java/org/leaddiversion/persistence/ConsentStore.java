/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.leaddiversion.domain.common.EventLog;
import org.leaddiversion.domain.common.Transactions;
import org.leaddiversion.domain.consent.Consents;
import org.leaddiversion.domain.consent.DisclosureLog;
import org.leaddiversion.domain.memory.InMemoryConsents;
import org.leaddiversion.domain.memory.InMemoryDisclosureLog;
import org.leaddiversion.domain.memory.InMemoryStore;

/** The ports a contract test exercises, from one store: the in-memory fakes, H2 or PostgreSQL. */
interface ConsentStore extends AutoCloseable {

    Consents consents();

    DisclosureLog disclosureLog();

    Transactions transactions();

    EventLog events();

    @Override
    void close();

    /** The domain's in-memory adapters. */
    static ConsentStore inMemory() {
        var store = new InMemoryStore();
        var consents = new InMemoryConsents(store);
        var log = new InMemoryDisclosureLog(store);
        return new ConsentStore() {
            public Consents consents() {
                return consents;
            }

            public DisclosureLog disclosureLog() {
                return log;
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
    static ConsentStore of(LeadDatabase db) {
        return new ConsentStore() {
            public Consents consents() {
                return db.consents();
            }

            public DisclosureLog disclosureLog() {
                return db.disclosureLog();
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
