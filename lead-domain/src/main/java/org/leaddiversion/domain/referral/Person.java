/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.referral;

import java.time.LocalDate;
import java.util.Optional;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.policy.AreaId;

/**
 * The referred person as known at referral.
 *
 * @param id                          identity
 * @param dateOfBirth                 for the minimum-age rule (E4), if known
 * @param demographics                for equity monitoring
 * @param residence                   area of residence, for sites with a residency rule (E15)
 * @param activeConfidentialInformant whether the person is an active confidential informant (E16, rule R37)
 */
public record Person(PersonId id, Optional<LocalDate> dateOfBirth, Demographics demographics,
                     Optional<AreaId> residence, boolean activeConfidentialInformant) {
    public Person {
        Require.present(id, "person.id");
        Require.present(dateOfBirth, "person.dateOfBirth");
        Require.present(demographics, "person.demographics");
        Require.present(residence, "person.residence");
    }

    /** A person with a known date of birth and nothing else recorded. */
    public static Person of(String id, LocalDate dateOfBirth) {
        return new Person(new PersonId(id), Optional.of(dateOfBirth), Demographics.unknown(), Optional.empty(), false);
    }
}
