/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.server;

import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.Purpose;

/**
 * The demo's users, one per role the library knows, each with the purpose of use she works under and whether she is
 * the assigned case manager of the participants on her caseload. Demo only: every password is {@code demo}.
 */
final class DemoUsers {

    /** A demo login: its user name, the actor id the demo data uses for it, role, purpose and circumstances. */
    record DemoUser(String username, String actorId, Role role, Purpose purpose, boolean assigned) {
    }

    /** The demo data's actors: the seeded records name these ids, so each login sees its own work. */
    static final String OFFICER = "officer-1";
    static final String SERGEANT = "sergeant-1";
    static final String CASE_MANAGER = "cm-1";
    static final String PROSECUTOR = "prosecutor-1";
    static final String DEFENDER = "defender-1";
    static final String PROJECT_MANAGER = "pm-1";
    static final String EVALUATOR = "evaluator-1";
    static final String COMMUNITY_REFERRER = "shelter-1";

    static final String PASSWORD = "demo";

    static final List<DemoUser> ALL = List.of(
            new DemoUser("officer", OFFICER, Role.OFFICER, Purpose.CARE_COORDINATION, false),
            new DemoUser("sergeant", SERGEANT, Role.SERGEANT, Purpose.CARE_COORDINATION, false),
            new DemoUser("case-manager", CASE_MANAGER, Role.CASE_MANAGER, Purpose.CARE_COORDINATION, true),
            new DemoUser("prosecutor", PROSECUTOR, Role.PROSECUTOR, Purpose.LEGAL_COORDINATION, false),
            new DemoUser("defender", DEFENDER, Role.DEFENDER, Purpose.LEGAL_COORDINATION, false),
            new DemoUser("project-manager", PROJECT_MANAGER, Role.PROJECT_MANAGER, Purpose.CARE_COORDINATION, false),
            new DemoUser("evaluator", EVALUATOR, Role.EVALUATOR, Purpose.RESEARCH_EVALUATION, false),
            new DemoUser("community-referrer", COMMUNITY_REFERRER, Role.COMMUNITY_REFERRER, Purpose.CARE_COORDINATION,
                    false));

    private DemoUsers() {
    }

    static Optional<DemoUser> byName(String username) {
        return ALL.stream().filter(u -> u.username().equals(username)).findFirst();
    }
}
