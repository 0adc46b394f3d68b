package org.leaddiversion.domain.memory;

import java.time.Clock;
import java.util.List;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.intake.CaseloadCapacity;
import org.leaddiversion.domain.intake.ReferralDesk;

/**
 * A whole LEAD programme in memory: policies, referrals, enrollments, the event log and a {@link ReferralDesk}
 * wired to them. For tests, demos and the plain-Java embedding example.
 */
public final class InMemoryProgramme {

    private final InMemoryStore store = new InMemoryStore();
    private final InMemorySitePolicies policies;
    private final InMemoryReferrals referrals = new InMemoryReferrals(store);
    private final InMemoryEnrollments enrollments = new InMemoryEnrollments(store);
    private final ReferralDesk desk;

    public InMemoryProgramme(Clock clock, IdGenerator ids, CaseloadCapacity capacity) {
        this.policies = new InMemorySitePolicies(clock);
        this.desk = new ReferralDesk(clock, ids, policies, referrals, enrollments, capacity, store);
    }

    public ReferralDesk desk() {
        return desk;
    }

    public InMemorySitePolicies policies() {
        return policies;
    }

    public InMemoryReferrals referrals() {
        return referrals;
    }

    public InMemoryEnrollments enrollments() {
        return enrollments;
    }

    public InMemoryStore store() {
        return store;
    }

    /** Every event so far, oldest first. */
    public List<DomainEvent> events() {
        return store.events();
    }
}
