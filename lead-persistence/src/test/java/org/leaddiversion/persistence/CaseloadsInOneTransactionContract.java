/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.Caseloads;
import org.leaddiversion.domain.policy.CaseloadPolicy;

/**
 * A site's caseloads read and written many times in one transaction, as a batch of desk commands does (the database
 * adapter remembers, within a transaction, what it read and wrote at each version): every read gives what the last
 * save stored, a rollback leaves the version before the transaction, and a version committed by another transaction
 * meanwhile is read as it is, never hidden by what the transaction read before.
 */
abstract class CaseloadsInOneTransactionContract extends EnrollmentStoreContract {

    private static final CaseloadPolicy POLICY = CaseloadPolicy.defaults();
    private static final CaseManagerId ANN = new CaseManagerId("cm-ann");
    private static final CaseManagerId BO = new CaseManagerId("cm-bo");

    private EnrollmentId newEnrollment() {
        return new EnrollmentId(new UUID(0xCA, fresh.incrementAndGet()));
    }

    /** Assigns (or moves) the enrollment on what the store holds now, in the caller's transaction. */
    private Caseloads assign(EnrollmentId enrollment, CaseManagerId caseManager) {
        Caseloads read = store.caseloads().of(SITE);
        var out = read.assign(enrollment, caseManager, POLICY, T0);
        store.caseloads().save(SITE, out.value(), read.version(), out.events());
        return out.value();
    }

    private Caseloads release(EnrollmentId enrollment) {
        Caseloads read = store.caseloads().of(SITE);
        var out = read.release(enrollment, T0);
        store.caseloads().save(SITE, out.value(), read.version(), out.events());
        return out.value();
    }

    private Map<EnrollmentId, CaseManagerId> stored() {
        return store.caseloads().of(SITE).assignments();
    }

    @Test
    void assignments_moves_and_releases_in_one_transaction_each_read_back_and_committed_together() {
        var enrollments = new EnrollmentId[6];
        for (int i = 0; i < enrollments.length; i++) {
            enrollments[i] = newEnrollment();
        }
        Map<EnrollmentId, CaseManagerId> expected = new HashMap<>();
        store.transactions().inTransaction(() -> {
            for (EnrollmentId e : enrollments) {
                assign(e, ANN);
                expected.put(e, ANN);
                assertEquals(expected, stored());
            }
            assign(enrollments[1], BO);
            expected.put(enrollments[1], BO);
            assertEquals(expected, stored());
            release(enrollments[2]);
            expected.remove(enrollments[2]);
            assertEquals(expected, stored());
            return null;
        });
        assertEquals(expected, stored());
        assertEquals(8, store.caseloads().of(SITE).version());
        assertEquals(expected, store.caseloads().all().get(SITE).assignments());
    }

    @Test
    void a_rolled_back_transaction_leaves_the_version_before_it_and_nothing_of_it_is_read_later() {
        EnrollmentId kept = newEnrollment();
        EnrollmentId abandoned = newEnrollment();
        EnrollmentId later = newEnrollment();
        assign(kept, ANN);
        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> {
            assign(abandoned, ANN);
            assertEquals(Map.of(kept, ANN, abandoned, ANN), stored());
            throw new IllegalStateException("the command failed after writing");
        }));
        assertEquals(Map.of(kept, ANN), stored());
        // the next transaction writes the version number the rolled-back one had used
        store.transactions().inTransaction(() -> assign(later, BO));
        assertEquals(2, store.caseloads().of(SITE).version());
        store.transactions().inTransaction(() -> {
            assertEquals(Map.of(kept, ANN, later, BO), stored());
            return null;
        });
    }

    @Test
    void a_version_committed_meanwhile_by_another_transaction_is_read_as_stored_and_a_save_on_the_older_read_conflicts()
            throws Exception {
        EnrollmentId first = newEnrollment();
        EnrollmentId theirs = newEnrollment();
        EnrollmentId ours = newEnrollment();
        assign(first, ANN);
        store.transactions().inTransaction(() -> {
            Caseloads before = store.caseloads().of(SITE);
            try {
                // another node assigns and commits while this transaction is open
                CompletableFuture.runAsync(() -> store.transactions().inTransaction(() -> assign(theirs, BO))).get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            assertEquals(Map.of(first, ANN, theirs, BO), stored());
            var out = before.assign(ours, ANN, POLICY, T0);
            var conflict = assertThrows(ConcurrentUpdateException.class,
                    () -> store.caseloads().save(SITE, out.value(), before.version(), out.events()));
            assertEquals(1, conflict.expectedVersion());
            assertEquals(2, conflict.actualVersion());
            return null;
        });
        assertEquals(Map.of(first, ANN, theirs, BO), stored());
    }
}
