/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.referral;

import java.time.LocalDate;
import java.util.List;
import org.leaddiversion.domain.common.Require;

/**
 * The criminal-history snapshot the officer ran at the point of referral (SPEC §3.0, §4.4).
 *
 * @param convictions         prior convictions
 * @param pendingCases        pending cases
 * @param orders              orders barring contact with someone
 * @param supervisions        current probation or parole
 * @param prisonReleases      dates of release from prison
 * @param outstandingWarrants number of outstanding warrants
 */
public record CriminalHistory(List<Conviction> convictions, List<PendingCase> pendingCases, List<CourtOrder> orders,
                              List<Supervision> supervisions, List<LocalDate> prisonReleases, int outstandingWarrants) {
    public CriminalHistory {
        convictions = List.copyOf(Require.noNulls(convictions, "criminalHistory.convictions"));
        pendingCases = List.copyOf(Require.noNulls(pendingCases, "criminalHistory.pendingCases"));
        orders = List.copyOf(Require.noNulls(orders, "criminalHistory.orders"));
        supervisions = List.copyOf(Require.noNulls(supervisions, "criminalHistory.supervisions"));
        prisonReleases = List.copyOf(Require.noNulls(prisonReleases, "criminalHistory.prisonReleases"));
        Require.atLeast(outstandingWarrants, 0, "criminalHistory.outstandingWarrants");
    }

    /** A clean record. */
    public static CriminalHistory none() {
        return new CriminalHistory(List.of(), List.of(), List.of(), List.of(), List.of(), 0);
    }

    /** A history with only these convictions. */
    public static CriminalHistory convictions(List<Conviction> convictions) {
        return new CriminalHistory(convictions, List.of(), List.of(), List.of(), List.of(), 0);
    }
}
