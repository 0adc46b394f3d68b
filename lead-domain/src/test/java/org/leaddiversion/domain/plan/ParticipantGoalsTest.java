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
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.enrollment.EnrollmentId;

/** R31: every goal is set by the participant; a goal anyone else sets (abstinence above all) is rejected, nothing changes. */
@DisplayName("R31 participant-owned goals")
class ParticipantGoalsTest {

    private static final Instant NOW = Instant.parse("2024-03-01T10:00:00Z");

    private static InterventionPlan plan(int goals) {
        IdGenerator ids = IdGenerator.sequential(31);
        InterventionPlan p = InterventionPlan.open(new InterventionPlanId(new UUID(0, 1)), new EnrollmentId(new UUID(0, 2)));
        for (int i = 0; i < goals; i++) {
            p = p.addGoal(ids, PlanDomain.values()[i % PlanDomain.values().length], GoalKind.GENERAL, "goal " + i,
                    true, NOW).value();
        }
        return p;
    }

    @Test
    void a_goal_not_set_by_the_participant_is_always_rejected_and_nothing_changes() {
        qt().forAll(integers().between(0, 6), arbitrary().enumValues(PlanDomain.class),
                        arbitrary().enumValues(GoalKind.class), strings().basicLatinAlphabet().ofLengthBetween(1, 20))
                .checkAssert((n, domain, kind, text) -> {
                    InterventionPlan before = plan(n);
                    Outcome<InterventionPlan> o = before.addGoal(IdGenerator.sequential(7), domain, kind,
                            "x" + text, false, NOW);
                    assertFalse(o.isSuccess());
                    assertTrue(o.hasError(ErrorCode.GOAL_NOT_PARTICIPANT_SET));
                    assertEquals("goal.setByParticipant", o.errors().get(0).field());
                    assertEquals(RuleId.R31, o.errors().get(0).rule());
                    assertTrue(o.events().isEmpty());
                    assertEquals((int) n, before.goals().size());
                    assertEquals((long) n, before.version());
                });
    }

    @Test
    void a_participant_set_goal_including_abstinence_is_accepted_open_and_announced() {
        qt().forAll(arbitrary().enumValues(PlanDomain.class), arbitrary().enumValues(GoalKind.class))
                .checkAssert((domain, kind) -> {
                    Outcome<InterventionPlan> o = plan(1).addGoal(IdGenerator.sequential(9), domain, kind,
                            "my goal", true, NOW);
                    Goal g = o.value().goals().get(1);
                    assertTrue(g.setByParticipant());
                    assertEquals(GoalStatus.OPEN, g.status());
                    assertEquals(kind, g.kind());
                    assertEquals(List.of(new PlanEvent.GoalSet(o.value().enrollment(), g.id(), domain, kind, NOW)),
                            o.events());
                });
    }

    @Test
    void goals_have_no_deadline_or_sanction_fields_and_status_changes_freely() {
        for (RecordComponent c : Goal.class.getRecordComponents()) {
            String name = c.getName().toLowerCase(Locale.ROOT);
            assertFalse(name.contains("deadline") || name.contains("due") || name.contains("sanction"), name);
        }
        InterventionPlan p = plan(1);
        GoalId id = p.goals().get(0).id();
        Outcome<InterventionPlan> achieved = p.updateGoalStatus(id, GoalStatus.ACHIEVED, NOW);
        assertEquals(GoalStatus.ACHIEVED, achieved.value().goal(id).orElseThrow().status());
        assertEquals(List.of(new PlanEvent.GoalStatusChanged(p.enrollment(), id, GoalStatus.OPEN, GoalStatus.ACHIEVED,
                NOW)), achieved.events());
        Outcome<InterventionPlan> back = achieved.value().updateGoalStatus(id, GoalStatus.IN_PROGRESS, NOW);
        assertEquals(GoalStatus.IN_PROGRESS, back.value().goal(id).orElseThrow().status());
        assertTrue(p.updateGoalStatus(new GoalId(new UUID(9, 9)), GoalStatus.ACHIEVED, NOW).hasError(ErrorCode.NOT_FOUND));
        assertSame(p, p.updateGoalStatus(id, GoalStatus.OPEN, NOW).value());
        assertTrue(Arrays.stream(GoalStatus.values()).count() == 4);
    }

    @Test
    void a_service_referral_is_recorded_with_its_status() {
        Outcome<InterventionPlan> o = plan(0).addServiceReferral(IdGenerator.sequential(3), PlanDomain.HOUSING,
                "Shelter A", ServiceReferralStatus.WAITLISTED, NOW);
        ServiceReferral r = o.value().serviceReferrals().get(0);
        assertEquals(ServiceReferralStatus.WAITLISTED, r.status());
        assertEquals(List.of(new PlanEvent.ServiceReferralMade(o.value().enrollment(), r.id(), PlanDomain.HOUSING,
                ServiceReferralStatus.WAITLISTED, NOW)), o.events());
    }
}
