/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.consent;

import java.util.Optional;
import java.util.Set;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.referral.PersonId;

/**
 * A request to disclose data about a participant to a recipient for a purpose, optionally resting on a Part 2
 * exception instead of a Part 2 consent, in the recipient's circumstances as the host states them.
 *
 * @param requester       who asks for the disclosure (a case manager sharing under the ROI, a project manager...)
 * @param recipientRole   the role of whoever would receive the data
 * @param recipientAgency the recipient's agency, if known
 * @param participant     whose data it is
 * @param dataClasses     what would be disclosed; at least one
 * @param purpose         what the disclosure is for
 * @param part2Exception  the Part 2 exception invoked for {@code SUD_PART2}, if any
 * @param circumstances   the recipient's relation to the record (own, assigned, in an OWG meeting)
 */
public record DisclosureRequest(Actor requester, Role recipientRole, Optional<String> recipientAgency,
                                PersonId participant, Set<DataClass> dataClasses, Purpose purpose,
                                Optional<Part2Exception> part2Exception, RecipientCircumstances circumstances) {

    public DisclosureRequest {
        Require.present(requester, "requester");
        Require.present(recipientRole, "recipientRole");
        Require.present(recipientAgency, "recipientAgency");
        Require.present(participant, "participant");
        dataClasses = Set.copyOf(Require.noNulls(dataClasses, "dataClasses"));
        if (dataClasses.isEmpty()) {
            throw new InvalidValueException("dataClasses", "must name at least one");
        }
        Require.present(purpose, "purpose");
        Require.present(part2Exception, "part2Exception");
        Require.present(circumstances, "circumstances");
    }

    /** A request in no special circumstances ({@link RecipientCircumstances#none()}). */
    public DisclosureRequest(Actor requester, Role recipientRole, Optional<String> recipientAgency,
                             PersonId participant, Set<DataClass> dataClasses, Purpose purpose,
                             Optional<Part2Exception> part2Exception) {
        this(requester, recipientRole, recipientAgency, participant, dataClasses, purpose, part2Exception,
                RecipientCircumstances.none());
    }

    /** A request to a recipient of any agency, without a Part 2 exception, in no special circumstances. */
    public static DisclosureRequest of(Actor requester, Role recipientRole, PersonId participant,
                                       Set<DataClass> dataClasses, Purpose purpose) {
        return new DisclosureRequest(requester, recipientRole, Optional.empty(), participant, dataClasses, purpose,
                Optional.empty());
    }

    /** This request in the recipient's {@code circumstances}. */
    public DisclosureRequest withCircumstances(RecipientCircumstances circumstances) {
        return new DisclosureRequest(requester, recipientRole, recipientAgency, participant, dataClasses, purpose,
                part2Exception, circumstances);
    }
}
