/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Role;

/**
 * The next version of a policy is built from the one before it ({@link SitePolicy#toBuilder()}): whatever the PCG
 * changes must take effect, the rest carries over. Pins the versioning side of rule R40.
 */
class SitePolicyBuilderTest {

    private static SitePolicy albanyLike() {
        return SitePolicy.builder(new SiteId("albany-like"), ZoneId.of("America/New_York"))
                .door(Door.ARREST_DIVERSION, Set.of(Role.OFFICER))
                .divertible("PETIT_LARCENY", "DRUG_POSSESSION")
                .complainantConsentRequiredFor(Set.of("PETIT_LARCENY"))
                .build();
    }

    @Test
    void a_new_complainant_consent_scope_in_the_next_version_takes_effect() {
        SitePolicy first = albanyLike();
        SitePolicy next = first.toBuilder().version(2, LocalDate.of(2020, 1, 1))
                .complainantConsentRequiredFor(Set.of("ANY")).build();
        assertEquals(Set.of("PETIT_LARCENY"), first.exclusion(ExclusionKind.COMPLAINANT_DOES_NOT_CONSENT).orElseThrow().scope());
        assertEquals(Set.of("ANY"), next.exclusion(ExclusionKind.COMPLAINANT_DOES_NOT_CONSENT).orElseThrow().scope());
    }

    @Test
    void an_unchanged_complainant_consent_scope_carries_over() {
        SitePolicy next = albanyLike().toBuilder().version(2, LocalDate.of(2020, 1, 1)).build();
        assertEquals(Set.of("PETIT_LARCENY"), next.exclusion(ExclusionKind.COMPLAINANT_DOES_NOT_CONSENT).orElseThrow().scope());
    }
}
