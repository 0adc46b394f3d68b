/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

/** Level of an offence; decides which office reviews a diverted case (charge routing). */
public enum OffenceLevel {
    INFRACTION, MISDEMEANOR, FELONY
}
