/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import java.time.LocalDate;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.referral.PersonId;

/**
 * A person in an evaluation cohort with the date they entered the evaluation — for a participant the local date of
 * the referral that led to enrollment, for a comparison person the date of the eligible encounter — and the
 * race/ethnicity category recorded for them.
 *
 * @param person    who
 * @param entryDate the evaluation-entry date; pre and post windows are measured from it
 * @param group     the race/ethnicity category, {@link EquityGroup#UNKNOWN} when none was recorded
 */
public record CohortMember(PersonId person, LocalDate entryDate, EquityGroup group) {

    /** Validates every part. */
    public CohortMember {
        Require.present(person, "cohortMember.person");
        Require.present(entryDate, "cohortMember.entryDate");
        Require.present(group, "cohortMember.group");
    }
}
