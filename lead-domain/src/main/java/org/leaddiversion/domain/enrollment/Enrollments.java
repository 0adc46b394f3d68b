/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.enrollment;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;

/** Port: the enrollments of a programme. */
public interface Enrollments {

    Optional<Enrollment> find(EnrollmentId id);

    /** The person's open enrollment at the site, if any (there is never more than one, rule R23). */
    Optional<Enrollment> openFor(PersonId person, SiteId site);

    /** Every enrollment of the person at the site, oldest first. */
    List<Enrollment> of(PersonId person, SiteId site);

    /** Of the given people, those who are currently participants at the site. */
    Set<PersonId> currentParticipantsAmong(Set<PersonId> people, SiteId site);

    /** Number of open enrollments at the site. */
    int countOpen(SiteId site);

    /**
     * Stores a new or changed enrollment together with its events, if the stored version is still
     * {@code expectedVersion} (-1 for a new one).
     *
     * @throws org.leaddiversion.domain.common.ConcurrentUpdateException if someone else changed it first
     */
    void save(Enrollment enrollment, long expectedVersion, List<DomainEvent> events);

    /** Every enrollment (for invariant checks over a programme's data). */
    List<Enrollment> all();

    /**
     * The ACTIVE enrollments of every site, the candidates of the inactivity sweep (T10): neither the INACTIVE nor the
     * CLOSED ones, which over a programme's years are most of them. A store should answer from its status column.
     */
    default List<Enrollment> active() {
        return all().stream().filter(e -> e.status() == EnrollmentStatus.ACTIVE).toList();
    }
}
