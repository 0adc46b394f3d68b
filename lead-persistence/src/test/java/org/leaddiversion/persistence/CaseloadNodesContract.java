/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.Caseloads;
import org.leaddiversion.domain.policy.CaseloadPolicy;
import org.leaddiversion.domain.policy.SiteId;

/**
 * Two nodes on one database, each with its own pool and its own store of committed caseload versions, as two servers
 * would run: an assignment committed on either node is read at once by both, a save on a version read before another
 * node's commit is a conflict, and a version written in a transaction that rolled back is never read, even after
 * another node commits its own version with that number.
 */
abstract class CaseloadNodesContract {

    private static final SiteId SITE = Fixtures.SEATTLE;
    private static final Instant T0 = Histories.START;
    private static final CaseloadPolicy POLICY = CaseloadPolicy.defaults();
    private static final CaseManagerId ANN = new CaseManagerId("cm-ann");
    private static final CaseManagerId BO = new CaseManagerId("cm-bo");

    private final AtomicInteger fresh = new AtomicInteger();
    private LeadDatabase a;
    private LeadDatabase b;

    /** Opens one more node on the test's database (the first call creates and migrates it). */
    abstract LeadDatabase node();

    @BeforeEach
    void openNodes() {
        a = node();
        b = node();
    }

    @AfterEach
    void closeNodes() {
        a.close();
        b.close();
    }

    private EnrollmentId newEnrollment() {
        return new EnrollmentId(new UUID(0xCB, fresh.incrementAndGet()));
    }

    /** Assigns the enrollment on what the node reads now, in one transaction. */
    private Caseloads assign(LeadDatabase node, EnrollmentId enrollment, CaseManagerId caseManager) {
        return node.transactions().inTransaction(() -> {
            Caseloads read = node.siteCaseloads().of(SITE);
            var out = read.assign(enrollment, caseManager, POLICY, T0);
            node.siteCaseloads().save(SITE, out.value(), read.version(), out.events());
            return out.value();
        });
    }

    @Test
    void an_assignment_committed_on_one_node_is_read_at_once_on_both() {
        EnrollmentId first = newEnrollment();
        EnrollmentId second = newEnrollment();
        EnrollmentId third = newEnrollment();
        assign(a, first, ANN);
        assertEquals(Map.of(first, ANN), a.siteCaseloads().of(SITE).assignments());
        assertEquals(Map.of(first, ANN), b.siteCaseloads().of(SITE).assignments());
        assign(b, second, BO);
        assertEquals(Map.of(first, ANN, second, BO), a.siteCaseloads().of(SITE).assignments());
        assign(a, third, BO);
        assertEquals(Map.of(first, ANN, second, BO, third, BO), b.siteCaseloads().of(SITE).assignments());
        assertEquals(3, b.siteCaseloads().of(SITE).version());
    }

    @Test
    void a_save_on_a_version_read_before_another_nodes_commit_is_a_conflict_and_writes_nothing() {
        EnrollmentId first = newEnrollment();
        EnrollmentId theirs = newEnrollment();
        EnrollmentId ours = newEnrollment();
        assign(a, first, ANN);
        Caseloads read = a.siteCaseloads().of(SITE);
        assign(b, theirs, BO);
        var out = read.assign(ours, ANN, POLICY, T0);
        var conflict = assertThrows(ConcurrentUpdateException.class, () -> a.transactions().inTransaction(() -> {
            a.siteCaseloads().save(SITE, out.value(), read.version(), out.events());
            return null;
        }));
        assertEquals(1, conflict.expectedVersion());
        assertEquals(2, conflict.actualVersion());
        assertEquals(Map.of(first, ANN, theirs, BO), a.siteCaseloads().of(SITE).assignments());
    }

    @Test
    void a_version_rolled_back_is_never_read_after_another_node_commits_its_number() {
        EnrollmentId first = newEnrollment();
        EnrollmentId abandoned = newEnrollment();
        EnrollmentId theirs = newEnrollment();
        assign(a, first, ANN);
        assertThrows(IllegalStateException.class, () -> a.transactions().inTransaction(() -> {
            assign(a, abandoned, ANN);
            assertEquals(Map.of(first, ANN, abandoned, ANN), a.siteCaseloads().of(SITE).assignments());
            throw new IllegalStateException("the command failed after writing");
        }));
        assign(b, theirs, BO);
        Caseloads read = a.siteCaseloads().of(SITE);
        assertEquals(2, read.version());
        assertEquals(Map.of(first, ANN, theirs, BO), read.assignments());
    }
}
