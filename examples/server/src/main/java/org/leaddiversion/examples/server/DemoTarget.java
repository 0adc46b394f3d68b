/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.server;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.Transactions;
import org.leaddiversion.domain.consent.DisclosureDesk;
import org.leaddiversion.domain.intake.ReferralDesk;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.plan.CaseManagementDesk;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicyHistory;
import org.leaddiversion.domain.prosecution.CoordinationDesk;
import org.leaddiversion.persistence.LeadDatabase;
import org.leaddiversion.persistence.PersistentProgramme;

/**
 * Where the demo data is written: the desks of a programme, on the database ({@link PersistentProgramme}) or in memory
 * ({@link InMemoryProgramme}, which the tests use to run the rule catalogue over the same data). Both take exactly the
 * same commands; they differ only in what an Operational Work Group meeting leaves behind.
 *
 * @param putPolicy    stores a site's whole policy history
 * @param transactions runs a batch of commands in one transaction (each desk command joins it)
 * @param meetings     holds an Operational Work Group meeting; see {@link Meetings}
 */
record DemoTarget(ReferralDesk desk, CaseManagementDesk caseManagement, CoordinationDesk coordination,
                  DisclosureDesk disclosure, Consumer<SitePolicyHistory> putPolicy, Transactions transactions,
                  Meetings meetings) {

    /**
     * An Operational Work Group meeting at {@code at}, staffed by the project manager; returns whether the target keeps
     * a record of it. The library's database stores no meeting (its agenda is rebuilt from the data whenever someone
     * reads it), so there nothing is written; in memory the meeting is recorded, so that rule R38 is checked over it.
     */
    @FunctionalInterface
    interface Meetings {
        boolean hold(Actor projectManager, SiteId site, Optional<AreaId> precinct, Instant at, Instant previous,
                     Instant next);
    }

    /** Stores a site's whole policy history. */
    void putPolicy(SitePolicyHistory history) {
        putPolicy.accept(history);
    }

    /** Holds an Operational Work Group meeting; see {@link Meetings}. */
    boolean holdMeeting(Actor projectManager, SiteId site, Optional<AreaId> precinct, Instant at, Instant previous,
                        Instant next) {
        return meetings.hold(projectManager, site, precinct, at, previous, next);
    }

    /** The desks of {@code programme} on {@code db}. */
    static DemoTarget on(LeadDatabase db, PersistentProgramme programme) {
        return new DemoTarget(programme.desk(), programme.caseManagement(), programme.coordination(),
                programme.disclosure(), history -> programme.policies().put(history), db.transactions(),
                (projectManager, site, precinct, at, previous, next) -> false);
    }

    /**
     * The desks of an in-memory programme whose record is then loaded into a database ({@link DemoData#seed}): like
     * {@link #on}, it keeps no meeting, so the record holds what the desks on the database would have written.
     */
    static DemoTarget staged(InMemoryProgramme programme) {
        return new DemoTarget(programme.desk(), programme.caseManagement(), programme.coordination(),
                programme.disclosure(), history -> programme.policies().put(history), programme.store(),
                (projectManager, site, precinct, at, previous, next) -> false);
    }

    /** The desks of an in-memory programme; meetings are recorded in its meeting store. */
    static DemoTarget inMemory(InMemoryProgramme programme) {
        return new DemoTarget(programme.desk(), programme.caseManagement(), programme.coordination(),
                programme.disclosure(), history -> programme.policies().put(history), programme.store(),
                (projectManager, site, precinct, at, previous, next) -> {
                    if (projectManager.role() != Role.PROJECT_MANAGER) {
                        throw new IllegalArgumentException("the project manager staffs the meeting");
                    }
                    var agenda = precinct.isPresent()
                            ? programme.workgroup().agenda(site, precinct.get(), at, Optional.of(previous),
                                    Optional.of(next), List.of())
                            : programme.workgroup().agenda(site, at, Optional.of(previous), Optional.of(next),
                                    List.of());
                    programme.meetings().add(agenda.meeting());
                    return true;
                });
    }
}
