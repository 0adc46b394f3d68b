/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.screening;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.Catchment;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.ExclusionSetting;
import org.leaddiversion.domain.referral.Location;
import org.leaddiversion.domain.referral.ReferralSubmission;

/**
 * Criteria about the person and place: E15 an encounter outside the catchment (arrest and social-contact doors) or a
 * residence outside the residency area; E16 an active confidential informant (always HARD, rule R37).
 */
final class PersonCriterion extends ConfiguredCriterion {

    private final Catchment catchment;

    /** The catchment's named areas as a hash set (the catchment keeps them sorted for display). */
    private final Set<AreaId> areas;

    PersonCriterion(ExclusionSetting setting, Catchment catchment) {
        super(setting);
        this.catchment = catchment;
        this.areas = new HashSet<>(catchment.areas());
    }

    private boolean inside(Location l) {
        if (l.area().isPresent() && areas.contains(l.area().get())) {
            return true;
        }
        return !catchment.polygons().isEmpty() && l.isInside(catchment);
    }

    @Override
    public void evaluate(ReferralSubmission referral, LocalDate referralDate, ScreeningContext context, List<Finding> out) {
        switch (kind()) {
            case OUTSIDE_CATCHMENT -> {
                boolean locatedDoor = referral.door() == Door.ARREST_DIVERSION || referral.door() == Door.SOCIAL_CONTACT;
                if (locatedDoor && catchment.restrictsLocation() && !inside(referral.location())) {
                    hit(out, "location", "encounter outside the catchment area");
                }
                if (catchment.residency().isPresent() && referral.person().residence().isPresent()
                        && !catchment.residency().get().equals(referral.person().residence().get())) {
                    hit(out, "person.residence", () -> "not resident in " + catchment.residency().get());
                }
            }
            case ACTIVE_CONFIDENTIAL_INFORMANT -> {
                if (referral.person().activeConfidentialInformant()) {
                    hit(out, "person.activeConfidentialInformant", "active confidential informant");
                }
            }
            default -> throw new IllegalStateException("not a person criterion: " + kind());
        }
    }
}
