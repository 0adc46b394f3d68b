/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.ReferralId;

/** Port: the referrals of a programme. */
public interface Referrals {

    Optional<Referral> find(ReferralId id);

    /** Open referrals whose intake deadline has passed at {@code now} (candidates for the deadline sweep). */
    List<ReferralId> dueForLapse(Instant now);

    /** Number of referrals pending intake at the site (they hold capacity, rule R17). */
    int countPendingIntake(SiteId site);

    /**
     * Stores a new or changed referral together with its events, if the stored version is still
     * {@code expectedVersion} (-1 for a new referral).
     *
     * @throws org.leaddiversion.domain.common.ConcurrentUpdateException if someone else changed it first
     */
    void save(Referral referral, long expectedVersion, List<DomainEvent> events);

    /** Every referral (for invariant checks over a programme's data). */
    List<Referral> all();
}
