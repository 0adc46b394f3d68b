/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.util.List;
import java.util.Map;
import org.leaddiversion.domain.intake.ReferralStatus;

/**
 * What a bulk import of referrals did: how many rows it read, how many referrals it stored and in which status, and
 * the rows it refused with the reason. A refused row is either not valid (a field missing or malformed) or refused at
 * the door by screening (rule R04, R05…); a referral that screening finds ineligible is still a referral and is
 * stored. The problems listed are the first {@link ReferralImport#PROBLEMS_KEPT}; {@link #rejected} counts them all.
 *
 * @param read     data rows read (the header excluded)
 * @param imported referrals stored
 * @param rejected rows refused
 * @param byStatus referrals stored, by their status after screening
 * @param problems the first refused rows, each with its line, field and reason (never the value)
 */
public record ImportReport(long read, long imported, long rejected, Map<ReferralStatus, Long> byStatus,
                           List<RowProblem> problems) {

    public ImportReport {
        byStatus = Map.copyOf(byStatus);
        problems = List.copyOf(problems);
    }

    /**
     * A refused row: the line of the input it starts on, the CSV column (or the submission field screening named),
     * and why. The reason never repeats the value, so a report can be logged without personal data.
     */
    public record RowProblem(long line, String field, String reason) {
        @Override
        public String toString() {
            return "line " + line + ", " + field + ": " + reason;
        }
    }
}
