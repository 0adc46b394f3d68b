/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.Role;

/**
 * How one enabled door works at a site (SPEC §9.2 {@code doors.<door>.*}).
 *
 * @param door           the door
 * @param referrers      roles that may submit through it (rule R06)
 * @param referrerKinds  relationships accepted for the referrer (empty: any) — e.g. family and friends
 * @param approvalRoles  roles that must approve a submission before acceptance (empty: no approval step; R07)
 * @param authority      who has the final say on eligibility (R16)
 * @param authorityRoles roles acting for that authority
 */
public record DoorPolicy(Door door, Set<Role> referrers, Set<ReferrerKind> referrerKinds, Set<Role> approvalRoles,
                         EligibilityAuthority authority, Set<Role> authorityRoles) {

    public DoorPolicy {
        Require.present(door, "door");
        String key = "door." + door;
        Require.noNulls(referrers, key + ".referrers");
        if (referrers.isEmpty()) {
            throw new InvalidValueException(key + ".referrers", "an enabled door needs at least one referrer role");
        }
        referrers = Collections.unmodifiableSet(EnumSet.copyOf(referrers));
        referrerKinds = Collections.unmodifiableSet(Require.noNulls(referrerKinds, key + ".referrerKinds").isEmpty()
                ? EnumSet.noneOf(ReferrerKind.class) : EnumSet.copyOf(referrerKinds));
        approvalRoles = Collections.unmodifiableSet(Require.noNulls(approvalRoles, key + ".approvers").isEmpty()
                ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(approvalRoles));
        Require.present(authority, key + ".authority");
        authorityRoles = Collections.unmodifiableSet(Require.noNulls(authorityRoles, key + ".authorityRoles").isEmpty()
                ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(authorityRoles));
        if (authority != EligibilityAuthority.OFFICER_ONLY && authorityRoles.isEmpty()) {
            throw new InvalidValueException(key + ".authorityRoles", "the eligibility authority needs at least one role");
        }
    }

    /** Whether submissions through this door need approval before acceptance. */
    public boolean needsApproval() {
        return !approvalRoles.isEmpty();
    }
}
