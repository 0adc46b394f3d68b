/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.referral.PersonId;

/**
 * The read audit about one participant, for a compliance officer: every read of her data through
 * {@link ParticipantRecords}, oldest first. Who may act as a compliance officer is the host's decision (as
 * authentication is); the library asks only that the purpose be {@link Purpose#AUDIT}.
 *
 * <p>Reading the trail is itself audited — one entry about the participant, field group {@code audit-trail}, no data
 * class (the trail holds who read what, not the participant's record), naming the range of entries read — so looking
 * at who looked is visible in turn. A read for any other purpose releases nothing and is audited as DENIED (for
 * ENFORCEMENT or EVIDENCE under rule R35).
 */
public final class AuditTrail {

    static final String WHAT = "audit-trail";

    private final JooqTransactions tx;
    private final JooqAuditLog log;
    private final Clock clock;

    AuditTrail(JooqTransactions tx, JooqAuditLog log, Clock clock) {
        this.tx = tx;
        this.log = log;
        this.clock = clock;
    }

    /** The audit entries about {@code participant}, oldest first, as they stood before this read. */
    public Release<List<AuditEntry>> about(Reader reader, PersonId participant) {
        Require.present(reader, "reader");
        Require.present(participant, "participant");
        return tx.inTransaction(() -> {
            Instant at = clock.instant();
            if (reader.purpose() != Purpose.AUDIT) {
                DomainError why = reader.purpose().isEnforcement()
                        ? DomainError.of(ErrorCode.POLICY_FORBIDS, "purpose", RuleId.R35,
                                "LEAD information is never used for enforcement or evidence")
                        : DomainError.of(ErrorCode.POLICY_FORBIDS, "purpose", RuleId.R36,
                                "the read audit is read for an audit of the programme only");
                log.append(reader, Optional.of(participant), WHAT, Set.of(), AuditOutcome.DENIED, List.of(), at);
                return new Release<>(Optional.of(participant), List.<AuditEntry>of(), Set.of(), List.of(why),
                        AuditOutcome.DENIED);
            }
            List<AuditEntry> entries = log.about(participant);
            List<String> range = entries.isEmpty() ? List.of() : List.of("audit:" + entries.get(0).sequence() + ".."
                    + entries.get(entries.size() - 1).sequence());
            log.append(reader, Optional.of(participant), WHAT, Set.of(), AuditOutcome.ALLOWED, range, at);
            return new Release<>(Optional.of(participant), entries, Set.of(), List.of(), AuditOutcome.ALLOWED);
        });
    }
}
