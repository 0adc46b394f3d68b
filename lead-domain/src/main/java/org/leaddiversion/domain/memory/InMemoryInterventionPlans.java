/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.memory;

import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.plan.InterventionPlan;
import org.leaddiversion.domain.plan.InterventionPlanId;
import org.leaddiversion.domain.plan.InterventionPlans;

/** In-memory {@link InterventionPlans} with optimistic locking; a second plan for an enrollment is a conflict. */
public final class InMemoryInterventionPlans implements InterventionPlans {

    private final VersionedMap<InterventionPlanId, InterventionPlan> plans;

    public InMemoryInterventionPlans(InMemoryStore store) {
        this.plans = new VersionedMap<>(store, "InterventionPlan", InterventionPlan::version);
    }

    @Override
    public Optional<InterventionPlan> forEnrollment(EnrollmentId enrollment) {
        return plans.where(p -> p.enrollment().equals(enrollment)).stream().findFirst();
    }

    @Override
    public void save(InterventionPlan plan, long expectedVersion, List<DomainEvent> events) {
        plans.save(plan.id(), plan, expectedVersion, events, p -> p.enrollment().equals(plan.enrollment()));
    }

    @Override
    public List<InterventionPlan> all() {
        return plans.all();
    }
}
