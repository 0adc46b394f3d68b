/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.policy.SiteId;

/** A fresh {@link EnrollmentStore} for each test of the enrollment and plan contracts, closed after it. */
abstract class EnrollmentStoreContract {

    static final SiteId SITE = Fixtures.SEATTLE;
    static final Instant T0 = Histories.START;

    EnrollmentStore store;
    final AtomicInteger fresh = new AtomicInteger();

    abstract EnrollmentStore open();

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
