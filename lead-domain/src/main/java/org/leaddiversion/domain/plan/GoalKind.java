/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.plan;

/**
 * Kind of goal. {@link #ABSTINENCE} exists only as a goal the participant chose, never as a programme
 * requirement (rule R31, [CA-1001.85]).
 */
public enum GoalKind {
    GENERAL, ABSTINENCE
}
