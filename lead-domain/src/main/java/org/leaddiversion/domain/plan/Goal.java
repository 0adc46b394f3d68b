/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.plan;

import java.time.Instant;
import org.leaddiversion.domain.common.Require;

/**
 * A goal of the participant's plan. There is deliberately no deadline or sanction field (rule R31).
 *
 * @param setByParticipant always {@code true} in a plan: {@link InterventionPlan#addGoal} rejects anything else
 */
public record Goal(GoalId id, PlanDomain domain, GoalKind kind, String description, boolean setByParticipant,
                   GoalStatus status, Instant createdAt) {
    public Goal {
        Require.present(id, "goal.id");
        Require.present(domain, "goal.domain");
        Require.present(kind, "goal.kind");
        description = Require.text(description, "goal.description", Require.TEXT_MAX);
        Require.present(status, "goal.status");
        Require.present(createdAt, "goal.createdAt");
    }

    Goal withStatus(GoalStatus newStatus) {
        return new Goal(id, domain, kind, description, setByParticipant, newStatus, createdAt);
    }
}
