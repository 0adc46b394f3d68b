/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.memory;

import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.consent.Consent;
import org.leaddiversion.domain.consent.ConsentId;
import org.leaddiversion.domain.consent.Consents;
import org.leaddiversion.domain.referral.PersonId;

/** In-memory {@link Consents} with optimistic locking. */
public final class InMemoryConsents implements Consents {

    private final VersionedMap<ConsentId, Consent> consents;

    public InMemoryConsents(InMemoryStore store) {
        this.consents = new VersionedMap<>(store, "Consent", Consent::version);
    }

    @Override
    public Optional<Consent> find(ConsentId id) {
        return consents.find(id);
    }

    @Override
    public List<Consent> of(PersonId participant) {
        return consents.where(c -> c.participant().equals(participant));
    }

    @Override
    public void save(Consent consent, long expectedVersion, List<DomainEvent> events) {
        consents.save(consent.id(), consent, expectedVersion, events, c -> false);
    }

    @Override
    public List<Consent> all() {
        return consents.all();
    }
}
