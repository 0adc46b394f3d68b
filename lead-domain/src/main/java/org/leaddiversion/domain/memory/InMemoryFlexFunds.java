/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.memory;

import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.plan.FlexFund;
import org.leaddiversion.domain.plan.FlexFunds;

/** In-memory {@link FlexFunds} with optimistic locking. */
public final class InMemoryFlexFunds implements FlexFunds {

    private final VersionedMap<EnrollmentId, FlexFund> funds;

    public InMemoryFlexFunds(InMemoryStore store) {
        this.funds = new VersionedMap<>(store, "FlexFund", FlexFund::version);
    }

    @Override
    public Optional<FlexFund> forEnrollment(EnrollmentId enrollment) {
        return funds.find(enrollment);
    }

    @Override
    public void save(FlexFund fund, long expectedVersion, List<DomainEvent> events) {
        funds.save(fund.enrollment(), fund, expectedVersion, events, f -> false);
    }

    @Override
    public List<FlexFund> all() {
        return funds.all();
    }
}
