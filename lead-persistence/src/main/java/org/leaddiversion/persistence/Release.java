/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.referral.PersonId;

/**
 * What one read released of one participant's record: the data, already cut to the data classes the reader may see
 * (nothing of a refused class is in it), the classes released, and one refusal per class the access policy refused
 * (field {@code dataClasses.<CLASS>}, rule R36 for the matrix and consents, R35 for an enforcement or evidence
 * purpose). The read's audit entry records the same outcome.
 *
 * @param participant whose record; empty when a read by id found nothing or read nothing (R35)
 * @param data        what may be released (empty, never null, when nothing may)
 * @param released    the data classes released
 * @param refusals    why the other classes were not
 * @param outcome     allowed, partly allowed or denied
 * @param <T>         the data's type
 */
public record Release<T>(Optional<PersonId> participant, T data, Set<DataClass> released, List<DomainError> refusals,
                         AuditOutcome outcome) {

    public Release {
        Require.present(participant, "participant");
        Require.present(data, "data");
        released = Set.copyOf(Require.noNulls(released, "released"));
        refusals = List.copyOf(Require.noNulls(refusals, "refusals"));
        Require.present(outcome, "outcome");
    }

    /** Whether {@code data} was released. */
    public boolean isReleased(DataClass data) {
        return released.contains(data);
    }

    /** The refusal of {@code data}, if it was refused. */
    public Optional<DomainError> refusalOf(DataClass data) {
        String field = ParticipantRecords.field(data);
        return refusals.stream().filter(e -> e.field().equals(field)).findFirst();
    }
}
