/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.consent.RecipientCircumstances;

/**
 * Who reads participant data, what for, and in which circumstances: what every read of {@link ParticipantRecords}
 * and {@link AuditTrail} is decided on and audited under. The host resolves the {@link Actor} (id, role, agency) from
 * its own login and states the circumstances the matrix depends on and no consent records — the record is the
 * reader's own, the participant is assigned to the reader, the read happens in an OWG meeting — from its own records.
 * The library records them as stated; it cannot verify them.
 *
 * <p>The circumstances apply to every participant of a batched read: a host whose keys differ in circumstances (the
 * case manager's own caseload and other participants) batches them separately.
 *
 * @param actor         who reads
 * @param purpose       what for (ENFORCEMENT and EVIDENCE are always refused, rule R35)
 * @param circumstances the reader's relation to the participants' records, as the host states it
 */
public record Reader(Actor actor, Purpose purpose, RecipientCircumstances circumstances) {

    public Reader {
        Require.present(actor, "reader.actor");
        Require.present(purpose, "reader.purpose");
        Require.present(circumstances, "reader.circumstances");
    }

    /** A reader in no special circumstance (not her own record, not assigned, not in a meeting). */
    public static Reader of(Actor actor, Purpose purpose) {
        return new Reader(actor, purpose, RecipientCircumstances.none());
    }
}
