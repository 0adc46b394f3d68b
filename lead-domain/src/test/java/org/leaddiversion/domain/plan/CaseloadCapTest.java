/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.fixtures.Records;
import org.leaddiversion.domain.policy.CaseloadPolicy;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.DoorPolicy;
import org.leaddiversion.domain.policy.EligibilityAuthority;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.quicktheories.core.Gen;

/**
 * R30: under any sequence of assignments, reassignments and closures, no case manager's open caseload exceeds the
 * cap; an assignment that would exceed it is rejected with CASELOAD_CAP_EXCEEDED and changes nothing; an assignment
 * that reaches the target (or more) succeeds with a CASELOAD_AT_TARGET warning, and below the target there is none.
 */
@DisplayName("R30 caseload cap")
class CaseloadCapTest {

    private static final Instant NOW = Instant.parse("2024-03-01T10:00:00Z");
    private static final List<CaseManagerId> CMS = List.of(new CaseManagerId("cm-a"), new CaseManagerId("cm-b"));

    private static EnrollmentId enrollment(int i) {
        return new EnrollmentId(new UUID(30, i));
    }

    /** An operation: {@code close} releases the enrollment, otherwise it is assigned to case manager {@code cm}. */
    record Op(boolean close, int enrollment, int cm) {
    }

    static Gen<Op> ops() {
        return integers().between(0, 4).zip(integers().between(0, 39), integers().between(0, 1),
                (k, e, c) -> new Op(k == 0, e, c));
    }

    static Gen<CaseloadPolicy> policies() {
        return integers().between(1, 12).zip(integers().between(1, 12), (cap, t) -> new CaseloadPolicy(cap, Math.min(t, cap)));
    }

    static SitePolicy site(CaseloadPolicy caseload) {
        return SitePolicy.builder(new SiteId("test-site"), ZoneId.of("UTC")).version(1, java.time.LocalDate.of(2020, 1, 1))
                .door(new DoorPolicy(Door.SOCIAL_CONTACT, java.util.Set.of(org.leaddiversion.domain.common.Role.OFFICER),
                        java.util.Set.of(), java.util.Set.of(), EligibilityAuthority.OFFICER_ONLY,
                        EligibilityAuthority.OFFICER_ONLY.defaultRoles()))
                .caseload(caseload).build();
    }

    @Test
    void the_cap_is_never_exceeded_and_the_warning_appears_exactly_from_the_target() {
        qt().forAll(policies(), lists().of(ops()).ofSizeBetween(0, 80)).checkAssert((policy, ops) -> {
            Caseloads c = Caseloads.empty();
            for (Op op : ops) {
                EnrollmentId e = enrollment(op.enrollment());
                if (op.close()) {
                    c = c.release(e, NOW).value();
                } else {
                    CaseManagerId cm = CMS.get(op.cm());
                    boolean already = c.caseManagerOf(e).filter(cm::equals).isPresent();
                    int before = c.openCaseload(cm);
                    Outcome<Caseloads> o = c.assign(e, cm, policy, NOW);
                    if (already) {
                        assertSame(c, o.value());
                    } else if (before + 1 > policy.cap()) {
                        assertFalse(o.isSuccess());
                        assertTrue(o.hasError(ErrorCode.CASELOAD_CAP_EXCEEDED));
                        assertEquals(RuleId.R30, o.errors().get(0).rule());
                        assertEquals(before, c.openCaseload(cm));
                    } else {
                        assertEquals(before + 1, o.value().openCaseload(cm));
                        boolean warned = o.warnings().stream().anyMatch(w -> w.code() == ErrorCode.CASELOAD_AT_TARGET);
                        assertEquals(before + 1 >= policy.target(), warned);
                        c = o.value();
                    }
                }
                for (CaseManagerId cm : CMS) {
                    assertTrue(c.openCaseload(cm) <= policy.cap());
                }
            }
            assertTrue(org.leaddiversion.domain.rules.RuleCatalogue.invariant(RuleId.R30).orElseThrow().check(Records.of(site(policy)).caseloads(c).asOf(NOW)).isEmpty());
        });
    }

    @Test
    void with_the_defaults_the_20th_warns_the_25th_succeeds_and_the_26th_is_rejected() {
        CaseloadPolicy policy = CaseloadPolicy.defaults();
        CaseManagerId cm = CMS.get(0);
        Caseloads c = Caseloads.empty();
        for (int i = 1; i <= 25; i++) {
            Outcome<Caseloads> o = c.assign(enrollment(i), cm, policy, NOW);
            assertEquals(i >= 20, o.warnings().stream().anyMatch(w -> w.code() == ErrorCode.CASELOAD_AT_TARGET), "at " + i);
            assertEquals(List.of(new PlanEvent.CaseManagerAssigned(enrollment(i), cm, i, NOW)), o.events());
            c = o.value();
        }
        assertTrue(c.assign(enrollment(26), cm, policy, NOW).hasError(ErrorCode.CASELOAD_CAP_EXCEEDED));
        // a closure frees a place
        c = c.release(enrollment(1), NOW).value();
        assertTrue(c.assign(enrollment(26), cm, policy, NOW).isSuccess());
        // a stored caseload above a lowered cap is reported by the R30 invariant
        assertEquals(1, org.leaddiversion.domain.rules.RuleCatalogue.invariant(RuleId.R30).orElseThrow().check(Records.of(site(new CaseloadPolicy(10, 5))).caseloads(c).asOf(NOW))
                .size());
    }
}
