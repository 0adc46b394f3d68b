/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.plan;

import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.enrollment.EnrollmentId;

/** Port: the intervention plans of a programme, one per enrollment. */
public interface InterventionPlans {

    /** The plan of the enrollment, if one was opened. */
    Optional<InterventionPlan> forEnrollment(EnrollmentId enrollment);

    /**
     * Stores a new or changed plan with its events, if the stored version is still {@code expectedVersion} (-1 for a
     * new plan).
     *
     * @throws org.leaddiversion.domain.common.ConcurrentUpdateException if someone else changed it first, or a second
     *                                                                   plan is stored for the same enrollment
     */
    void save(InterventionPlan plan, long expectedVersion, List<DomainEvent> events);

    /** Every plan (for invariant checks over a programme's data). */
    List<InterventionPlan> all();
}
