/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.consent.RecipientCircumstances;
import org.leaddiversion.domain.referral.PersonId;

/**
 * One read of a participant's data, as the append-only audit keeps it.
 *
 * @param sequence      position in the audit, increasing
 * @param reader        who read, in which role, for which agency
 * @param purpose       what for
 * @param circumstances the reader's circumstances as the host stated them
 * @param participant   whose data it was; empty when a read by record id found no record or read nothing (R35)
 * @param what          the field group read: {@code referral}, {@code referrals}, {@code enrollments}, {@code plans},
 *                      {@code contacts}, {@code cases}, {@code consents}, or {@code audit-trail}
 * @param dataClasses   the data classes released (empty when denied)
 * @param outcome       allowed, partly allowed or denied
 * @param recordIds     the records released (kind and id, e.g. {@code referral:…}); a read by id names the id
 *                      asked for
 * @param at            when it was read
 */
public record AuditEntry(long sequence, Actor reader, Purpose purpose, RecipientCircumstances circumstances,
                         Optional<PersonId> participant, String what, Set<DataClass> dataClasses, AuditOutcome outcome,
                         List<String> recordIds, Instant at) {

    public AuditEntry {
        Require.present(reader, "reader");
        Require.present(purpose, "purpose");
        Require.present(circumstances, "circumstances");
        Require.present(participant, "participant");
        Require.text(what, "what");
        dataClasses = Set.copyOf(Require.noNulls(dataClasses, "dataClasses"));
        Require.present(outcome, "outcome");
        recordIds = List.copyOf(Require.noNulls(recordIds, "recordIds"));
        Require.present(at, "at");
    }
}
