/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.policy.CaseloadPolicy;

/**
 * Which case manager holds each open enrollment (SPEC §6.4, rule R30). Immutable: each command returns a new
 * version. Only open enrollments (ACTIVE or INACTIVE) are held: the host calls {@link #release} when an enrollment
 * closes, so a case manager's open caseload is the number of enrollments assigned to them here.
 */
public final class Caseloads {

    private final long version;
    private final Map<EnrollmentId, CaseManagerId> assignments;

    private Caseloads(long version, Map<EnrollmentId, CaseManagerId> assignments) {
        this.version = version;
        this.assignments = Collections.unmodifiableMap(new TreeMap<>(Require.present(assignments, "assignments")));
    }

    /** No assignments. */
    public static Caseloads empty() {
        return new Caseloads(0, Map.of());
    }

    /** Restores stored assignments of open enrollments (for adapters). */
    public static Caseloads restore(long version, Map<EnrollmentId, CaseManagerId> assignments) {
        return new Caseloads(version, assignments);
    }

    /**
     * Assigns the open enrollment to the case manager (a reassignment moves it). Rejected with
     * {@link ErrorCode#CASELOAD_CAP_EXCEEDED} when the case manager's open caseload would exceed the cap; succeeds
     * with a {@link ErrorCode#CASELOAD_AT_TARGET} warning when it reaches the target or more (rule R30).
     */
    public Outcome<Caseloads> assign(EnrollmentId enrollment, CaseManagerId caseManager, CaseloadPolicy policy,
                                     Instant now) {
        Require.present(enrollment, "enrollmentId");
        Require.present(caseManager, "caseManagerId");
        Require.present(policy, "caseload");
        Require.present(now, "now");
        Optional<CaseManagerId> current = caseManagerOf(enrollment);
        if (current.isPresent() && current.get().equals(caseManager)) {
            return Outcome.success(this, List.of());
        }
        int after = openCaseload(caseManager) + 1;
        if (after > policy.cap()) {
            return Outcome.rejected(ErrorCode.CASELOAD_CAP_EXCEEDED, "caseManagerId", RuleId.R30,
                    "the case manager's open caseload would be " + after + ", above the cap of " + policy.cap());
        }
        var next = new TreeMap<>(assignments);
        next.put(enrollment, caseManager);
        var events = new ArrayList<DomainEvent>();
        current.ifPresent(old -> events.add(new PlanEvent.CaseManagerReleased(enrollment, old, now)));
        events.add(new PlanEvent.CaseManagerAssigned(enrollment, caseManager, after, now));
        List<DomainError> warnings = after >= policy.target()
                ? List.of(DomainError.of(ErrorCode.CASELOAD_AT_TARGET, "caseManagerId", RuleId.R30,
                        "the case manager's open caseload is " + after + ", at or above the target of "
                                + policy.target()))
                : List.of();
        return Outcome.success(new Caseloads(version + 1, next), events, warnings);
    }

    /** Takes a closed enrollment out of its case manager's open caseload; a no-op when it is not assigned. */
    public Outcome<Caseloads> release(EnrollmentId enrollment, Instant now) {
        Require.present(now, "now");
        Optional<CaseManagerId> current = caseManagerOf(enrollment);
        if (current.isEmpty()) {
            return Outcome.success(this, List.of());
        }
        var next = new TreeMap<>(assignments);
        next.remove(enrollment);
        return Outcome.success(new Caseloads(version + 1, next),
                List.of(new PlanEvent.CaseManagerReleased(enrollment, current.get(), now)));
    }

    /** The number of open enrollments assigned to the case manager. */
    public int openCaseload(CaseManagerId caseManager) {
        return (int) assignments.values().stream().filter(caseManager::equals).count();
    }

    public Optional<CaseManagerId> caseManagerOf(EnrollmentId enrollment) {
        return Optional.ofNullable(assignments.get(Require.present(enrollment, "enrollmentId")));
    }

    /** Open enrollment → case manager. */
    public Map<EnrollmentId, CaseManagerId> assignments() {
        return assignments;
    }

    public long version() {
        return version;
    }
}
