/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.plan;

/** Where a participant's goal stands (SPEC §6.2). Progress is not linear: any status may follow any other. */
public enum GoalStatus {
    OPEN, IN_PROGRESS, ACHIEVED, SET_ASIDE
}
