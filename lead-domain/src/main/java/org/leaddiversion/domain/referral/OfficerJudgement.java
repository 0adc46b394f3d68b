/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.referral;

/**
 * The officer's recorded judgements at the point of referral (E3, E5, E6).
 *
 * @param notAmenable          the officer judges the person not amenable (a discretionary factor, never decisive)
 * @param exploitsMinors       the person exploits minors or others (e.g. for sales)
 * @param promotesProstitution the person promotes prostitution
 */
public record OfficerJudgement(boolean notAmenable, boolean exploitsMinors, boolean promotesProstitution) {

    /** Nothing of note. */
    public static OfficerJudgement none() {
        return new OfficerJudgement(false, false, false);
    }
}
