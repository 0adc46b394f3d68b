/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The Individual Intervention Plan (SPEC §6.2): participant-set goals and service linkage; caseload assignment
 * (§6.4, rule R30) and flexible funds (§6.5, rule R33). Goals carry no deadlines or sanctions (rule R31).
 */
package org.leaddiversion.domain.plan;
