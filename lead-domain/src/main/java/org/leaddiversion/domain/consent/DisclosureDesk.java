/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.common.Transactions;
import org.leaddiversion.domain.referral.PersonId;

/**
 * Where consents are recorded and revoked and disclosures are asked for (SPEC §7.5–7.6). A participant records and
 * revokes only her own consents (her actor id is her person id); staff in {@link #CONSENT_ROLES} record them on the
 * participant's signed word. A disclosure is decided by
 * the {@link DisclosurePolicy} against the participant's consents on file at the injected clock's instant, and the
 * decision, granted or refused, is written once to the {@link DisclosureLog} with its event (rule R36). Revoking a
 * consent blocks every later disclosure under it and leaves past log entries as they were.
 */
public final class DisclosureDesk {

    /** Who records a consent or its revocation: the participant, or staff on the participant's signed word. */
    public static final Set<Role> CONSENT_ROLES = EnumSet.of(Role.PARTICIPANT, Role.CASE_MANAGER,
            Role.OUTREACH_WORKER, Role.PROJECT_MANAGER);

    private final Clock clock;
    private final IdGenerator ids;
    private final Consents consents;
    private final DisclosureLog log;
    private final DisclosurePolicy policy;
    private final Transactions transactions;

    public DisclosureDesk(Clock clock, IdGenerator ids, Consents consents, DisclosureLog log, DisclosurePolicy policy,
                          Transactions transactions) {
        this.clock = Require.present(clock, "clock");
        this.ids = Require.present(ids, "ids");
        this.consents = Require.present(consents, "consents");
        this.log = Require.present(log, "log");
        this.policy = Require.present(policy, "policy");
        this.transactions = Require.present(transactions, "transactions");
    }

    /**
     * Records a consent the participant signs now, for the recipients (roles, and agencies when not empty), purposes
     * and data classes it names, until {@code expiresAt} if given. Invalid scope (no role, purpose or class; expiry
     * not after now) is rejected naming the field.
     */
    public Outcome<Consent> recordConsent(Actor recordedBy, PersonId participant, ConsentType type,
                                          Set<Role> recipientRoles, Set<String> recipientAgencies,
                                          Set<Purpose> purposes, Set<DataClass> dataClasses,
                                          Optional<Instant> expiresAt) {
        Require.present(recordedBy, "recordedBy");
        if (!CONSENT_ROLES.contains(recordedBy.role())) {
            return Outcome.rejected(ErrorCode.NOT_AUTHORISED, "recordedBy.role", RuleId.R36,
                    "consents are recorded by " + CONSENT_ROLES);
        }
        if (participant != null && !mayActFor(recordedBy, participant)) {
            return Outcome.rejected(ErrorCode.NOT_AUTHORISED, "recordedBy.id", RuleId.R36,
                    "a participant signs only her own consents");
        }
        Consent consent;
        try {
            consent = new Consent(new ConsentId(ids.next()), participant, type, recipientRoles, recipientAgencies,
                    purposes, dataClasses, clock.instant(), expiresAt, Optional.empty());
        } catch (InvalidValueException e) {
            return Outcome.rejected(ErrorCode.PRECONDITION_MISSING, e.field(), RuleId.R36, e.getMessage());
        }
        return transactions.command(() -> {
            var event = new DisclosureEvent.ConsentSigned(consent.id(), participant, type, recordedBy.id(),
                    consent.signedAt());
            consents.save(consent, -1, List.of(event));
            return Outcome.success(consent, List.of(event));
        });
    }

    /** The participant revokes a consent now; every later disclosure under it is refused (rule R36). */
    public Outcome<Consent> revoke(ConsentId id, Actor recordedBy) {
        Require.present(id, "consentId");
        Require.present(recordedBy, "recordedBy");
        if (!CONSENT_ROLES.contains(recordedBy.role())) {
            return Outcome.rejected(ErrorCode.NOT_AUTHORISED, "recordedBy.role", RuleId.R36,
                    "revocations are recorded by " + CONSENT_ROLES);
        }
        return transactions.command(() -> {
            Optional<Consent> c = consents.find(id);
            if (c.isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND, "consentId", RuleId.R36, "no such consent");
            }
            if (!mayActFor(recordedBy, c.get().participant())) {
                return Outcome.rejected(ErrorCode.NOT_AUTHORISED, "recordedBy.id", RuleId.R36,
                        "a participant revokes only her own consents");
            }
            Outcome<Consent> out = c.get().revoke(clock.instant(), recordedBy.id());
            if (out.isSuccess()) {
                consents.save(out.value(), c.get().version(), out.events());
            }
            return out;
        });
    }

    /** Decides {@code request} now against the participant's consents on file and logs the decision once. */
    public DisclosureDecision disclose(DisclosureRequest request) {
        Require.present(request, "request");
        return transactions.inTransaction(() -> {
            DisclosureDecision decision = policy.decide(request, consents.of(request.participant()), clock.instant());
            log.record(decision);
            return decision;
        });
    }

    /** Staff act on the participant's word; a participant acts only for herself. */
    private static boolean mayActFor(Actor actor, PersonId participant) {
        return participant.mayBeActedForBy(actor);
    }
}
