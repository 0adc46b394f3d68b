/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.intake.Referrals;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.ReferralId;

/**
 * In-memory {@link Referrals} with optimistic locking. Referrals are kept as {@link Referral.State}s and restored on
 * every read, as a database adapter does, so every test through this adapter also proves that a stored referral
 * comes back whole.
 */
public final class InMemoryReferrals implements Referrals {

    private final InMemoryStore store;
    private final Map<ReferralId, Referral.State> byId = new LinkedHashMap<>();

    public InMemoryReferrals(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public Optional<Referral> find(ReferralId id) {
        return store.read(() -> Optional.ofNullable(byId.get(id)).map(Referral::restore));
    }

    @Override
    public List<ReferralId> dueForLapse(Instant now) {
        return store.read(() -> {
            var due = new ArrayList<ReferralId>();
            for (Referral.State state : byId.values()) {
                Referral r = Referral.restore(state);
                if (r.isLapseDue(now)) {
                    due.add(r.id());
                }
            }
            return due;
        });
    }

    @Override
    public int countPendingIntake(SiteId site) {
        return store.read(() -> (int) byId.values().stream()
                .filter(r -> r.status() == ReferralStatus.PENDING_INTAKE && r.submission().site().equals(site)).count());
    }

    @Override
    public void save(Referral referral, long expectedVersion, List<DomainEvent> events) {
        store.inTransaction(() -> {
            Referral.State current = byId.get(referral.id());
            long actual = current == null ? -1 : current.version();
            if (actual != expectedVersion) {
                throw new ConcurrentUpdateException("Referral", referral.id().toString(), expectedVersion, actual);
            }
            Referral.State state = referral.state();
            store.write(() -> byId.put(referral.id(), state), () -> {
                if (current == null) {
                    byId.remove(referral.id());
                } else {
                    byId.put(referral.id(), current);
                }
            });
            store.append(events);
            return null;
        });
    }

    @Override
    public List<Referral> all() {
        return store.read(() -> byId.values().stream().map(Referral::restore).toList());
    }
}
