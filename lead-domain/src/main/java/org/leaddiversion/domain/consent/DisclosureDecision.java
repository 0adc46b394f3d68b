/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;

/** The answer to a {@link DisclosureRequest} at one instant: granted under named consents, or refused with reasons. */
public sealed interface DisclosureDecision permits DisclosureDecision.Granted, DisclosureDecision.Refused {

    /** The request decided. */
    DisclosureRequest request();

    /** When it was decided. */
    Instant at();

    /** Whether the disclosure may go ahead. */
    boolean isGranted();

    /** The consents the disclosure rests on (empty when refused, or when it rests only on exceptions and aggregates). */
    List<ConsentId> consents();

    /** The past-tense event recording the decision. */
    DomainEvent event();

    /**
     * Granted. {@code redisclosureNotice} is present exactly when Part 2 data is disclosed and must accompany it
     * (42 CFR §2.32); {@code nonEvidentiary} marks a case manager's disclosure, which may not ground adverse action
     * (R35).
     */
    record Granted(DisclosureRequest request, List<ConsentId> consents, Optional<String> redisclosureNotice,
                   boolean nonEvidentiary, Instant at) implements DisclosureDecision {
        public Granted {
            Require.present(request, "request");
            consents = Require.immutableList(consents, "consents");
            Require.present(redisclosureNotice, "redisclosureNotice");
            Require.present(at, "at");
        }

        @Override
        public boolean isGranted() {
            return true;
        }

        @Override
        public DomainEvent event() {
            return new DisclosureEvent.DisclosureGranted(request.participant(), request.requester().id(),
                    request.recipientRole(), request.dataClasses(), request.purpose(), consents, nonEvidentiary, at);
        }
    }

    /** Refused; nothing is disclosed. Each error names the field ({@code purpose}, {@code dataClasses.X}) and rule. */
    record Refused(DisclosureRequest request, List<DomainError> errors, Instant at) implements DisclosureDecision {
        public Refused {
            Require.present(request, "request");
            errors = Require.immutableList(errors, "errors");
            if (errors.isEmpty()) {
                throw new InvalidValueException("errors", "a refusal needs at least one error");
            }
            Require.present(at, "at");
        }

        @Override
        public boolean isGranted() {
            return false;
        }

        @Override
        public List<ConsentId> consents() {
            return List.of();
        }

        @Override
        public DomainEvent event() {
            return new DisclosureEvent.DisclosureRefused(request.participant(), request.requester().id(),
                    request.recipientRole(), request.dataClasses(), request.purpose(), errors, at);
        }
    }
}
