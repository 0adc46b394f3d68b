/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;

/**
 * SPEC §2.2 stated cell by cell in {@link SpecMatrix}, independently of {@link AccessPolicy}, and compared over the
 * full product Role × DataClass × Operation × every combination of the six context facts (own, assigned, ROI, Part 2
 * consent, OWG meeting, research extract).
 */
@DisplayName("SPEC §2.2 visibility/action matrix, enumerated")
class AccessMatrixTest {

    private static Map<Role, Map<DataClass, SpecMatrix.Cell>> expected() {
        return SpecMatrix.rows();
    }

    private static boolean holds(String condition, AccessContext c) {
        switch (condition) {
            case "own": return c.own();
            case "assigned": return c.assigned();
            case "roi": return c.roiCovers();
            case "p2": return c.part2Covers();
            case "meeting": return c.inOwgMeeting();
            case "research": return c.researchExtract();
            case "supervisory": return true;
            default: throw new IllegalArgumentException(condition);
        }
    }

    private static List<AccessContext> everyContext() {
        List<AccessContext> all = new ArrayList<>();
        for (int bits = 0; bits < 64; bits++) {
            all.add(new AccessContext((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0,
                    (bits & 16) != 0, (bits & 32) != 0));
        }
        return all;
    }

    private final AccessPolicy policy = new AccessPolicy();

    @Test
    @DisplayName("the expected table names every role exactly once")
    void everyRoleHasARow() {
        assertEquals(EnumSet.allOf(Role.class), expected().keySet());
    }

    @Test
    @DisplayName("every role × data class × operation × context decides as §2.2 says")
    void fullMatrix() {
        Map<Role, Map<DataClass, SpecMatrix.Cell>> table = expected();
        int checked = 0;
        for (Role role : Role.values()) {
            for (DataClass data : DataClass.values()) {
                SpecMatrix.Cell cell = table.get(role).get(data);
                for (Operation op : Operation.values()) {
                    boolean inCell = cell.operations().contains(op.name().substring(0, 1));
                    for (AccessContext ctx : everyContext()) {
                        boolean expectAllowed = inCell && cell.conditions().stream().allMatch(w -> holds(w, ctx));
                        AccessDecision d = policy.decide(role, data, op, ctx);
                        String where = role + " " + data + " " + op + " " + ctx;
                        assertEquals(expectAllowed, d.isAllowed(), where);
                        if (d instanceof AccessDecision.Denied denied) {
                            assertEquals(RuleId.R36, denied.reason().rule(), where);
                            boolean consentMissing = inCell && ((cell.conditions().contains("roi") && !ctx.roiCovers())
                                    || (cell.conditions().contains("p2") && !ctx.part2Covers()));
                            ErrorCode code = denied.reason().code();
                            if (!inCell) {
                                assertEquals(ErrorCode.NOT_AUTHORISED, code, where);
                            } else if (consentMissing && cell.conditions().stream()
                                    .filter(w -> !w.equals("roi") && !w.equals("p2")).allMatch(w -> holds(w, ctx))) {
                                assertEquals(ErrorCode.CONSENT_REQUIRED, code, where);
                            }
                        } else {
                            AccessDecision.Allowed allowed = (AccessDecision.Allowed) d;
                            assertEquals(cell.conditions().contains("supervisory"),
                                    allowed.conditions().contains(Condition.SUPERVISORY), where);
                        }
                        checked++;
                    }
                }
            }
        }
        assertEquals(Role.values().length * DataClass.values().length * 3 * 64, checked);
    }

    @Test
    @DisplayName("readableClasses is exactly the classes whose READ is allowed")
    void readableClasses() {
        Map<Role, Map<DataClass, SpecMatrix.Cell>> table = expected();
        for (Role role : Role.values()) {
            for (AccessContext ctx : everyContext()) {
                Set<DataClass> expect = EnumSet.noneOf(DataClass.class);
                for (DataClass data : DataClass.values()) {
                    SpecMatrix.Cell cell = table.get(role).get(data);
                    if (cell.operations().contains("R") && cell.conditions().stream().allMatch(w -> holds(w, ctx))) {
                        expect.add(data);
                    }
                }
                assertEquals(expect, policy.readableClasses(role, ctx), role + " " + ctx);
            }
        }
    }

    @Test
    @DisplayName("court and probation never see case notes or Part 2, even with every consent")
    void courtSeesProgressOnly() {
        AccessContext all = new AccessContext(true, true, true, true, true, true);
        for (Role r : List.of(Role.COURT, Role.PROBATION)) {
            assertEquals(EnumSet.of(DataClass.ENROLLMENT_STATUS, DataClass.PLAN_SUMMARY),
                    policy.readableClasses(r, all));
        }
        assertTrue(policy.readableClasses(Role.COMPLAINANT, all).isEmpty());
    }
}
