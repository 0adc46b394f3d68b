/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.util.EnumSet;
import java.util.Set;
import org.leaddiversion.domain.common.Role;

/**
 * Who has the final say on eligibility for a door (SPEC §4.6). Where it is not {@link #OFFICER_ONLY}, an actor
 * of the authority may reject a referral while intake is pending, which releases a held charge (rule R16).
 */
public enum EligibilityAuthority {
    /** No confirmation step: the screening decides. */
    OFFICER_ONLY(EnumSet.noneOf(Role.class)),
    /** The receiving prosecutor (Santa Fe). */
    PROSECUTOR(EnumSet.of(Role.PROSECUTOR, Role.LIAISON_PROSECUTOR)),
    /** Designated law-enforcement approvers or the project-management team (King County). */
    PM_OR_LE_APPROVER(EnumSet.of(Role.SERGEANT, Role.PROJECT_MANAGER)),
    /** An eligibility committee (Clackamas: health/housing services, sheriff, DA). */
    COMMITTEE(EnumSet.of(Role.PROJECT_MANAGER, Role.PROSECUTOR, Role.SERGEANT, Role.CASE_MANAGER)),
    /** Every operational partner must approve; any of them may reject (Baltimore). */
    ALL_PARTNERS(EnumSet.of(Role.SERGEANT, Role.PROSECUTOR, Role.DEFENDER, Role.CASE_MANAGER, Role.PROJECT_MANAGER));

    private final Set<Role> defaultRoles;

    EligibilityAuthority(Set<Role> defaultRoles) {
        this.defaultRoles = defaultRoles;
    }

    /** Roles that act for this authority unless the site lists its own. */
    public Set<Role> defaultRoles() {
        return EnumSet.copyOf(defaultRoles.isEmpty() ? EnumSet.noneOf(Role.class) : defaultRoles);
    }
}
