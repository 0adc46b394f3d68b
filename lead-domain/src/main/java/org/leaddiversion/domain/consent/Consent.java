/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.referral.PersonId;

/**
 * A consent the participant signed: who may receive (roles, and optionally only named agencies of those roles),
 * for which purposes, which data classes, from signing until it expires or is revoked (SPEC §7.6). It is in force
 * from {@code signedAt} inclusive until the earlier of {@code expiresAt} and {@code revokedAt}, both exclusive.
 * Revocation stops later disclosures; it never undoes past ones.
 *
 * @param id                identity of the consent
 * @param participant       the person who signed
 * @param type              ROI, Part 2 or evaluation consent
 * @param recipientRoles    roles that may receive; at least one
 * @param recipientAgencies when not empty, only recipients of these agencies are covered
 * @param purposes          purposes the disclosures may serve; at least one
 * @param dataClasses       data classes that may be disclosed; at least one
 * @param signedAt          when it was signed
 * @param expiresAt         when it lapses, if it does; after {@code signedAt}
 * @param revokedAt         when the participant revoked it, if they did; not before {@code signedAt}
 */
public record Consent(ConsentId id, PersonId participant, ConsentType type, Set<Role> recipientRoles,
                      Set<String> recipientAgencies, Set<Purpose> purposes, Set<DataClass> dataClasses,
                      Instant signedAt, Optional<Instant> expiresAt, Optional<Instant> revokedAt) {

    public Consent {
        Require.present(id, "consent.id");
        Require.present(participant, "consent.participant");
        Require.present(type, "consent.type");
        recipientRoles = nonEmpty(recipientRoles, "consent.recipientRoles");
        recipientAgencies = Set.copyOf(Require.noNulls(recipientAgencies, "consent.recipientAgencies"));
        for (String a : recipientAgencies) {
            Require.text(a, "consent.recipientAgencies", Require.NAME_MAX);
        }
        purposes = nonEmpty(purposes, "consent.purposes");
        dataClasses = nonEmpty(dataClasses, "consent.dataClasses");
        Require.present(signedAt, "consent.signedAt");
        Require.present(expiresAt, "consent.expiresAt");
        Require.present(revokedAt, "consent.revokedAt");
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(signedAt)) {
            throw new InvalidValueException("consent.expiresAt", "must be after signedAt");
        }
        if (revokedAt.isPresent() && revokedAt.get().isBefore(signedAt)) {
            throw new InvalidValueException("consent.revokedAt", "must not be before signedAt");
        }
    }

    /** A newly signed consent for any agency of the recipient roles. */
    public static Consent signed(ConsentId id, PersonId participant, ConsentType type, Set<Role> recipientRoles,
                                 Set<Purpose> purposes, Set<DataClass> dataClasses, Instant signedAt,
                                 Optional<Instant> expiresAt) {
        return new Consent(id, participant, type, recipientRoles, Set.of(), purposes, dataClasses, signedAt,
                expiresAt, Optional.empty());
    }

    /** Whether the consent is in force at {@code at}: signed, not yet expired, not yet revoked. */
    public boolean isInForceAt(Instant at) {
        Require.present(at, "at");
        return !at.isBefore(signedAt)
                && expiresAt.map(at::isBefore).orElse(true)
                && revokedAt.map(at::isBefore).orElse(true);
    }

    /** Whether, at {@code at}, this consent lets {@code recipientRole} (of any agency) receive {@code data} for {@code purpose}. */
    public boolean covers(Role recipientRole, Purpose purpose, DataClass data, Instant at) {
        return covers(recipientRole, Optional.empty(), purpose, data, at);
    }

    /**
     * Whether, at {@code at}, this consent lets {@code recipientRole} of {@code agency} receive {@code data} for
     * {@code purpose}. A consent naming agencies covers only a recipient whose agency is named.
     */
    public boolean covers(Role recipientRole, Optional<String> agency, Purpose purpose, DataClass data, Instant at) {
        Require.present(agency, "agency");
        return isInForceAt(at)
                && recipientRoles.contains(recipientRole)
                && (recipientAgencies.isEmpty() || agency.filter(recipientAgencies::contains).isPresent())
                && purposes.contains(purpose)
                && dataClasses.contains(data);
    }

    /**
     * The participant revokes this consent at {@code at}. Refused when it is already revoked (nothing changes) or
     * when {@code at} precedes the signature; otherwise the revoked consent and a {@link DisclosureEvent.ConsentRevoked}.
     */
    public Outcome<Consent> revoke(Instant at, ActorId recordedBy) {
        Require.present(at, "at");
        Require.present(recordedBy, "recordedBy");
        if (revokedAt.isPresent()) {
            return Outcome.rejected(ErrorCode.POLICY_FORBIDS, "consent.revokedAt", RuleId.R36,
                    "the consent is already revoked");
        }
        if (at.isBefore(signedAt)) {
            return Outcome.rejected(ErrorCode.INVALID_TIMESTAMP, "at", RuleId.R36,
                    "a consent cannot be revoked before it was signed");
        }
        Consent revoked = new Consent(id, participant, type, recipientRoles, recipientAgencies, purposes,
                dataClasses, signedAt, expiresAt, Optional.of(at));
        return Outcome.success(revoked, List.of(new DisclosureEvent.ConsentRevoked(id, participant, recordedBy, at)));
    }

    /** Optimistic-locking version: 0 as signed, 1 once revoked (a consent changes only by its revocation). */
    public long version() {
        return revokedAt.isPresent() ? 1 : 0;
    }

    private static <T> Set<T> nonEmpty(Set<T> values, String field) {
        Set<T> copy = Set.copyOf(Require.noNulls(values, field));
        if (copy.isEmpty()) {
            throw new InvalidValueException(field, "must name at least one");
        }
        return copy;
    }
}
