/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.memory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.enrollment.Enrollments;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;

/**
 * In-memory {@link Enrollments} with optimistic locking. Storing a second open enrollment for a person at a site
 * fails like a concurrent update, whichever writer came second (rule R23).
 */
public final class InMemoryEnrollments implements Enrollments {

    private final InMemoryStore store;
    private final Map<EnrollmentId, Enrollment> byId = new LinkedHashMap<>();

    public InMemoryEnrollments(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public Optional<Enrollment> find(EnrollmentId id) {
        return store.read(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public Optional<Enrollment> openFor(PersonId person, SiteId site) {
        return store.read(() -> byId.values().stream()
                .filter(e -> e.isOpen() && e.person().equals(person) && e.site().equals(site)).findFirst());
    }

    @Override
    public List<Enrollment> of(PersonId person, SiteId site) {
        return store.read(() -> byId.values().stream()
                .filter(e -> e.person().equals(person) && e.site().equals(site)).toList());
    }

    @Override
    public Set<PersonId> currentParticipantsAmong(Set<PersonId> people, SiteId site) {
        return store.read(() -> {
            var found = new TreeSet<PersonId>();
            for (Enrollment e : byId.values()) {
                if (e.isOpen() && e.site().equals(site) && people.contains(e.person())) {
                    found.add(e.person());
                }
            }
            return found;
        });
    }

    @Override
    public int countOpen(SiteId site) {
        return store.read(() -> (int) byId.values().stream().filter(e -> e.isOpen() && e.site().equals(site)).count());
    }

    @Override
    public void save(Enrollment enrollment, long expectedVersion, List<DomainEvent> events) {
        store.inTransaction(() -> {
            Enrollment current = byId.get(enrollment.id());
            long actual = current == null ? -1 : current.version();
            if (actual != expectedVersion) {
                throw new ConcurrentUpdateException("Enrollment", enrollment.id().toString(), expectedVersion, actual);
            }
            if (current == null && enrollment.isOpen() && openFor(enrollment.person(), enrollment.site()).isPresent()) {
                throw new ConcurrentUpdateException("Enrollment", enrollment.id().toString(), expectedVersion, 0);
            }
            store.write(() -> byId.put(enrollment.id(), enrollment), () -> {
                if (current == null) {
                    byId.remove(enrollment.id());
                } else {
                    byId.put(enrollment.id(), current);
                }
            });
            store.append(events);
            return null;
        });
    }

    @Override
    public List<Enrollment> all() {
        return store.read(() -> List.copyOf(byId.values()));
    }
}
