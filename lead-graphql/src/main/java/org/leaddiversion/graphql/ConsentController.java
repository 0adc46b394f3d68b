/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.Consent;
import org.leaddiversion.domain.consent.ConsentId;
import org.leaddiversion.domain.consent.ConsentType;
import org.leaddiversion.domain.consent.DisclosureDecision;
import org.leaddiversion.domain.consent.DisclosureRequest;
import org.leaddiversion.domain.consent.Part2Exception;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.consent.RecipientCircumstances;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.persistence.ParticipantRecords;
import org.leaddiversion.persistence.PersistentProgramme;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Consent and disclosure (SPEC §7.5–7.6), on the disclosure desk: consents recorded and revoked on the participant's
 * word, disclosures decided by the domain's disclosure policy (the access matrix and an in-force consent or Part 2
 * exception, R35, R36) and logged once; the participant's consents as a field group of her record (ENROLLMENT_STATUS)
 * are wired in {@link ParticipantFields}. A disclosure decision is an answer, not a record of the participant:
 * its payload is the decision itself.
 */
@Controller
class ConsentController {

    private final PersistentProgramme programme;
    private final ParticipantRecords records;
    private final Clock clock;

    ConsentController(PersistentProgramme programme, ParticipantRecords records, Clock clock) {
        this.programme = programme;
        this.records = records;
        this.clock = clock;
    }

    // ---- the participant's consents -------------------------------------------------------------------------------

    /** Whether the consent is in force now, on the programme's clock. */
    @SchemaMapping(typeName = "Consent")
    boolean inForce(Consent consent) {
        return consent.isInForceAt(clock.instant());
    }

    // ---- recording and revoking -----------------------------------------------------------------------------------

    /** A consent the participant signs now. */
    record RecordConsentInput(String participantId, ConsentType type, List<Role> recipientRoles,
                              List<String> recipientAgencies, List<Purpose> purposes, List<DataClass> dataClasses,
                              Instant expiresAt) {
    }

    /** A consent to revoke. */
    record RevokeConsentInput(String consentId) {
    }

    /** A consent command's payload: the consent and whose it is (only to read it back; never shown), or the refusal. */
    record ConsentPayload(Optional<PersonId> participant, ConsentId consentId, List<Commands.UserError> errors) {
    }

    @MutationMapping
    ConsentPayload recordConsent(@Argument RecordConsentInput input, DataFetchingEnvironment env) {
        Viewer viewer = Commands.viewer(env);
        PersonId person = CareInputs.person(input.participantId(), "input.participantId");
        ConsentType type = CareInputs.required(input.type(), "input.type");
        Set<String> agencies = new LinkedHashSet<>();
        for (String agency : input.recipientAgencies() == null ? List.<String>of() : input.recipientAgencies()) {
            agencies.add(CareInputs.text(agency, "input.recipientAgencies", Require.NAME_MAX));
        }
        Outcome<Consent> out = programme.disclosure().recordConsent(viewer.actor(), person, type,
                set(input.recipientRoles(), Role.class), agencies, set(input.purposes(), Purpose.class),
                set(input.dataClasses(), DataClass.class), Optional.ofNullable(input.expiresAt()));
        return payload(out);
    }

    @MutationMapping
    ConsentPayload revokeConsent(@Argument RevokeConsentInput input, DataFetchingEnvironment env) {
        Viewer viewer = Commands.viewer(env);
        ConsentId id = new ConsentId(Commands.uuid(input.consentId(), "input.consentId"));
        return payload(programme.disclosure().revoke(id, viewer.actor()));
    }

    /** The consent after the command, read back for the viewer when the client asks for it. */
    @SchemaMapping(typeName = "ConsentPayload")
    DataFetcherResult<Optional<Consent>> consent(ConsentPayload payload, DataFetchingEnvironment env) {
        if (payload.participant().isEmpty()) {
            return DataFetcherResult.<Optional<Consent>>newResult().data(Optional.empty()).build();
        }
        var release = records.consentsOf(Commands.viewer(env).reader(), payload.participant().get());
        return CareInputs.one(release, c -> c.id().equals(payload.consentId()), env);
    }

    private static ConsentPayload payload(Outcome<Consent> out) {
        if (!out.isSuccess()) {
            return new ConsentPayload(Optional.empty(), null, Commands.errors(out));
        }
        return new ConsentPayload(Optional.of(out.value().participant()), out.value().id(), List.of());
    }

    // ---- disclosures ----------------------------------------------------------------------------------------------

    /** The recipient's relation to the record, as the requester states it. */
    record RecipientCircumstancesInput(Boolean own, Boolean assigned, Boolean inOwgMeeting) {
    }

    /** A disclosure to decide. */
    record DisclosureInput(String participantId, Role recipientRole, String recipientAgency,
                           List<DataClass> dataClasses, Purpose purpose, Part2Exception part2Exception,
                           RecipientCircumstancesInput recipientCircumstances) {
    }

    /** The decision on a disclosure, as the domain logged it. */
    record DisclosurePayload(boolean granted, Instant decidedAt, List<ConsentId> consentIds,
                             Optional<String> redisclosureNotice, boolean nonEvidentiary,
                             List<Commands.UserError> errors) {

        static DisclosurePayload of(DisclosureDecision decision) {
            if (decision instanceof DisclosureDecision.Granted granted) {
                return new DisclosurePayload(true, granted.at(), granted.consents(), granted.redisclosureNotice(),
                        granted.nonEvidentiary(), List.of());
            }
            var refused = (DisclosureDecision.Refused) decision;
            return new DisclosurePayload(false, refused.at(), List.of(), Optional.empty(), false,
                    refused.errors().stream().map(Commands.UserError::of).toList());
        }
    }

    @MutationMapping
    DisclosurePayload disclose(@Argument DisclosureInput input, DataFetchingEnvironment env) {
        Viewer viewer = Commands.viewer(env);
        PersonId person = CareInputs.person(input.participantId(), "input.participantId");
        Role recipient = CareInputs.required(input.recipientRole(), "input.recipientRole");
        Optional<String> agency = CareInputs.optionalText(input.recipientAgency(), "input.recipientAgency",
                Require.NAME_MAX);
        Set<DataClass> classes = set(input.dataClasses(), DataClass.class);
        if (classes.isEmpty()) {
            throw new InvalidValueException("input.dataClasses", "must name at least one data class");
        }
        Purpose purpose = CareInputs.required(input.purpose(), "input.purpose");
        var stated = input.recipientCircumstances();
        var circumstances = stated == null ? RecipientCircumstances.none()
                : new RecipientCircumstances(Boolean.TRUE.equals(stated.own()), Boolean.TRUE.equals(stated.assigned()),
                        Boolean.TRUE.equals(stated.inOwgMeeting()));
        var request = new DisclosureRequest(viewer.actor(), recipient, agency, person, classes, purpose,
                Optional.ofNullable(input.part2Exception()), circumstances);
        return DisclosurePayload.of(programme.disclosure().disclose(request));
    }

    /** The values as a set; none when the input left the list out (the domain then refuses, naming the field). */
    private static <E extends Enum<E>> Set<E> set(List<E> values, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        if (values != null) {
            for (E v : values) {
                if (v != null) {
                    out.add(v);
                }
            }
        }
        return out;
    }
}
