/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.common;

/**
 * The programme rules of the LEAD specification (§10), R01–R40. Every error and every screening finding names
 * the rule it enforces, so that a case manager, a vendor or an auditor can look the rule up.
 */
public enum RuleId {
    R01, R02, R03, R04, R05, R06, R07, R08, R09, R10,
    R11, R12, R13, R14, R15, R16, R17, R18, R19, R20,
    R21, R22, R23, R24, R25, R26, R27, R28, R29, R30,
    R31, R32, R33, R34, R35, R36, R37, R38, R39, R40
}
