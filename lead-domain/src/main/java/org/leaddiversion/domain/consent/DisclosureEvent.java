/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.referral.PersonId;

/** Events of consents and disclosures, in the past tense. */
public sealed interface DisclosureEvent extends DomainEvent {

    /** Data about a participant was disclosed under the listed consents (or a Part 2 exception). */
    record DisclosureGranted(PersonId participant, ActorId requester, Role recipient, Set<DataClass> dataClasses,
                             Purpose purpose, List<ConsentId> consents, boolean nonEvidentiary, Instant occurredAt)
            implements DisclosureEvent {
        public DisclosureGranted {
            dataClasses = Set.copyOf(dataClasses);
            consents = List.copyOf(consents);
        }

        @Override
        public String aggregateId() {
            return participant.toString();
        }
    }

    /** A disclosure about a participant was refused; nothing was disclosed. */
    record DisclosureRefused(PersonId participant, ActorId requester, Role recipient, Set<DataClass> dataClasses,
                             Purpose purpose, List<DomainError> reasons, Instant occurredAt) implements DisclosureEvent {
        public DisclosureRefused {
            dataClasses = Set.copyOf(dataClasses);
            reasons = List.copyOf(reasons);
        }

        @Override
        public String aggregateId() {
            return participant.toString();
        }
    }

    /** A consent was signed and put on file. */
    record ConsentSigned(ConsentId consent, PersonId participant, ConsentType consentType, ActorId recordedBy,
                           Instant occurredAt) implements DisclosureEvent {
        @Override
        public String aggregateId() {
            return consent.toString();
        }
    }

    /** The participant revoked a consent; later disclosures may no longer rest on it. */
    record ConsentRevoked(ConsentId consent, PersonId participant, ActorId recordedBy, Instant occurredAt)
            implements DisclosureEvent {
        @Override
        public String aggregateId() {
            return consent.toString();
        }
    }
}
