/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

/** Where a person lived in a month (SPEC §8.1 monthly status; the UW housing study's categories). */
public enum HousingStatus {
    /** Street, vehicle, encampment. */
    UNSHELTERED,
    /** Emergency shelter. */
    EMERGENCY_SHELTER,
    /** Transitional or other temporary housing, motel or hotel room. */
    TEMPORARY,
    /** Permanent housing, supportive housing included. */
    PERMANENT;

    /** Whether the person was sheltered ({@code SHELTERED_MONTH}): anything but unsheltered. */
    public boolean isSheltered() {
        return this != UNSHELTERED;
    }

    /** Whether the person was in permanent housing ({@code PERMANENT_HOUSING_MONTH}). */
    public boolean isPermanent() {
        return this == PERMANENT;
    }
}
