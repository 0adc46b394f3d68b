/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.prosecution;

import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;

/** Port: the post-enrollment and pre-existing cases of a programme (SPEC §7.2–7.3). */
public interface PostEnrollmentCases {

    Optional<PostEnrollmentCase> find(PostEnrollmentCaseId id);

    /** The person's cases at the site, oldest first. */
    List<PostEnrollmentCase> of(PersonId person, SiteId site);

    /** The site's cases with a consultation requested and no decision yet (for the liaison prosecutor's queue). */
    List<PostEnrollmentCase> openConsultations(SiteId site);

    /**
     * Stores a new or changed case with its events, if the stored version is still {@code expectedVersion} (-1 for a
     * new case).
     *
     * @throws org.leaddiversion.domain.common.ConcurrentUpdateException if someone else changed it first
     */
    void save(PostEnrollmentCase postEnrollmentCase, long expectedVersion, List<DomainEvent> events);

    /** Every case (for invariant checks over a programme's data). */
    List<PostEnrollmentCase> all();
}
