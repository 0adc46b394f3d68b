/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.access.AccessDecision;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;

/**
 * Reports and the research extract under the SPEC §2.2 matrix: every role with the AGGREGATE column reads aggregate
 * reports, COURT and PROBATION do not; only the EVALUATOR, for research and evaluation, receives the research extract;
 * enforcement and evidence get neither (R35).
 */
class ReportAccessTest {

    private final ReportAccess access = new ReportAccess();

    private static Actor as(Role role) {
        return Actor.of("a-" + role.name().toLowerCase(java.util.Locale.ROOT), role);
    }

    @Test
    void aggregate_reports_follow_the_matrix_column() {
        var readers = EnumSet.of(Role.OFFICER, Role.SERGEANT, Role.CASE_MANAGER, Role.OUTREACH_WORKER, Role.PROSECUTOR,
                Role.LIAISON_PROSECUTOR, Role.DEFENDER, Role.PROJECT_MANAGER, Role.PCG_MEMBER, Role.OWG_MEMBER,
                Role.CLT_MEMBER, Role.EVALUATOR, Role.COMMUNITY_REFERRER);
        for (Role role : Role.values()) {
            assertEquals(readers.contains(role), access.aggregates(as(role), Purpose.CARE_COORDINATION).isAllowed(),
                    role::name);
        }
        AccessDecision court = access.aggregates(as(Role.COURT), Purpose.COURT_PROGRESS);
        assertEquals(ErrorCode.NOT_AUTHORISED, ((AccessDecision.Denied) court).reason().code());
    }

    @Test
    void nobody_reads_reports_for_enforcement_or_evidence() {
        for (Purpose purpose : EnumSet.of(Purpose.ENFORCEMENT, Purpose.EVIDENCE)) {
            AccessDecision d = access.aggregates(as(Role.PCG_MEMBER), purpose);
            assertEquals(RuleId.R35, ((AccessDecision.Denied) d).reason().rule());
            access.researchExtract(as(Role.EVALUATOR), purpose).values()
                    .forEach(x -> assertEquals(RuleId.R35, ((AccessDecision.Denied) x).reason().rule()));
        }
    }

    @Test
    void only_the_evaluator_doing_research_receives_the_extract() {
        Map<DataClass, AccessDecision> evaluator = access.researchExtract(as(Role.EVALUATOR),
                Purpose.RESEARCH_EVALUATION);
        assertEquals(ReportAccess.RESEARCH_EXTRACT, evaluator.keySet());
        assertTrue(evaluator.values().stream().allMatch(AccessDecision::isAllowed));
        assertFalse(ReportAccess.RESEARCH_EXTRACT.contains(DataClass.CASE_NOTES));
        assertFalse(ReportAccess.RESEARCH_EXTRACT.contains(DataClass.SUD_PART2));

        Map<DataClass, AccessDecision> wrongPurpose = access.researchExtract(as(Role.EVALUATOR), Purpose.AUDIT);
        assertTrue(wrongPurpose.values().stream().noneMatch(AccessDecision::isAllowed));
        for (Role role : Role.values()) {
            if (role != Role.EVALUATOR) {
                assertTrue(access.researchExtract(as(role), Purpose.RESEARCH_EVALUATION).values().stream()
                        .noneMatch(AccessDecision::isAllowed), role::name);
            }
        }
        AccessDecision manager = access.researchExtract(as(Role.PROJECT_MANAGER), Purpose.RESEARCH_EVALUATION)
                .get(DataClass.REFERRAL_CORE);
        assertEquals(ErrorCode.NOT_AUTHORISED, ((AccessDecision.Denied) manager).reason().code(),
                "the project manager reads referrals, but is not handed the evaluator's extract");
    }
}
