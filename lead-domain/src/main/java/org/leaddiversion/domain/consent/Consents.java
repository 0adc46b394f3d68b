/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.referral.PersonId;

/** Port: the consents participants signed, revoked ones included (they stay on file). */
public interface Consents {

    Optional<Consent> find(ConsentId id);

    /** Every consent the person signed, in force or not, oldest first. */
    List<Consent> of(PersonId participant);

    /**
     * Stores a new or revoked consent with its events, if the stored version is still {@code expectedVersion} (-1 for
     * a new consent; see {@link Consent#version()}).
     *
     * @throws org.leaddiversion.domain.common.ConcurrentUpdateException if someone else changed it first
     */
    void save(Consent consent, long expectedVersion, List<DomainEvent> events);

    /** Every consent (for invariant checks over a programme's data). */
    List<Consent> all();
}
