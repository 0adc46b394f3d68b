/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.plan;

import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.enrollment.EnrollmentId;

/** Port: the flexible-fund ledgers of a programme, one per enrollment. */
public interface FlexFunds {

    /** The ledger of the enrollment, if anything was ever spent. */
    Optional<FlexFund> forEnrollment(EnrollmentId enrollment);

    /**
     * Stores a new or changed ledger with its events, if the stored version is still {@code expectedVersion} (-1 for
     * a new ledger).
     *
     * @throws org.leaddiversion.domain.common.ConcurrentUpdateException if someone else changed it first
     */
    void save(FlexFund fund, long expectedVersion, List<DomainEvent> events);

    /** Every ledger (for invariant checks and cost reports). */
    List<FlexFund> all();
}
