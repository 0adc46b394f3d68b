/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.memory;

import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.prosecution.PostEnrollmentCaseId;
import org.leaddiversion.domain.prosecution.PostEnrollmentCases;
import org.leaddiversion.domain.referral.PersonId;

/** In-memory {@link PostEnrollmentCases} with optimistic locking. */
public final class InMemoryPostEnrollmentCases implements PostEnrollmentCases {

    private final VersionedMap<PostEnrollmentCaseId, PostEnrollmentCase> cases;

    public InMemoryPostEnrollmentCases(InMemoryStore store) {
        this.cases = new VersionedMap<>(store, "PostEnrollmentCase", PostEnrollmentCase::version);
    }

    @Override
    public Optional<PostEnrollmentCase> find(PostEnrollmentCaseId id) {
        return cases.find(id);
    }

    @Override
    public List<PostEnrollmentCase> of(PersonId person, SiteId site) {
        return cases.where(c -> c.person().equals(person) && c.site().equals(site));
    }

    @Override
    public List<PostEnrollmentCase> openConsultations(SiteId site) {
        return cases.where(c -> c.site().equals(site) && c.consultation().isPresent() && c.decision().isEmpty());
    }

    @Override
    public void save(PostEnrollmentCase postEnrollmentCase, long expectedVersion, List<DomainEvent> events) {
        cases.save(postEnrollmentCase.id(), postEnrollmentCase, expectedVersion, events, c -> false);
    }

    @Override
    public List<PostEnrollmentCase> all() {
        return cases.all();
    }
}
