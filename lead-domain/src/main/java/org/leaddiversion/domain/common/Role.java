/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.common;

/** Roles of LEAD actors (SPEC §2.1). Permissions per door and command come from the site policy. */
public enum Role {
    OFFICER, SERGEANT, CASE_MANAGER, OUTREACH_WORKER, PROSECUTOR, LIAISON_PROSECUTOR, DEFENDER,
    PROJECT_MANAGER, PCG_MEMBER, OWG_MEMBER, CLT_MEMBER, EVALUATOR, COMMUNITY_REFERRER, PARTICIPANT,
    COMPLAINANT, COURT, PROBATION;

    /** Sworn law enforcement (officer or sergeant). */
    public boolean isLawEnforcement() {
        return this == OFFICER || this == SERGEANT;
    }
}
