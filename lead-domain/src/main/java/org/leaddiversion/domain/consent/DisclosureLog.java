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
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.referral.PersonId;

/**
 * Port: the append-only record of disclosure decisions (SPEC §7.6, rule R36). Every decision, granted or refused, is
 * written exactly once together with its {@link DisclosureEvent}; entries can be read but never changed or removed.
 * Revoking a consent leaves past entries as they were.
 */
public interface DisclosureLog {

    /**
     * One decision as logged.
     *
     * @param sequence           position in the log, from 1, without gaps
     * @param who                who asked for the disclosure
     * @param whoRole            the role they acted in
     * @param to                 the recipient's role
     * @param toAgency           the recipient's agency, if known
     * @param circumstances      the recipient's circumstances as the host stated them (own, assigned, in meeting)
     * @param participant        whose data it was
     * @param dataClasses        what was (or would have been) disclosed
     * @param purpose            what for
     * @param part2Exception     the Part 2 exception invoked, if any
     * @param consents           the consents it rested on (empty when refused)
     * @param granted            whether it was granted
     * @param redisclosureNotice the 42 CFR §2.32 notice stamped on a granted Part 2 disclosure
     * @param nonEvidentiary     a case manager's disclosure, flagged as never usable as evidence (rule R35)
     * @param reasons            why it was refused (empty when granted)
     * @param at                 when it was decided
     */
    record Entry(long sequence, ActorId who, Role whoRole, Role to, Optional<String> toAgency,
                 RecipientCircumstances circumstances, PersonId participant, Set<DataClass> dataClasses,
                 Purpose purpose, Optional<Part2Exception> part2Exception, List<ConsentId> consents,
                 boolean granted, Optional<String> redisclosureNotice, boolean nonEvidentiary,
                 List<DomainError> reasons, Instant at) {
        public Entry {
            if (sequence < 1) {
                throw new org.leaddiversion.domain.common.InvalidValueException("sequence", "starts at 1");
            }
            Require.present(who, "who");
            Require.present(whoRole, "whoRole");
            Require.present(to, "to");
            Require.present(toAgency, "toAgency");
            Require.present(circumstances, "circumstances");
            Require.present(participant, "participant");
            dataClasses = Set.copyOf(Require.noNulls(dataClasses, "dataClasses"));
            Require.present(purpose, "purpose");
            Require.present(part2Exception, "part2Exception");
            consents = Require.immutableList(consents, "consents");
            Require.present(redisclosureNotice, "redisclosureNotice");
            reasons = Require.immutableList(reasons, "reasons");
            Require.present(at, "at");
        }

        /** The entry of {@code decision} at position {@code sequence}. */
        public static Entry of(long sequence, DisclosureDecision decision) {
            Require.present(decision, "decision");
            DisclosureRequest r = decision.request();
            Optional<String> notice = Optional.empty();
            boolean nonEvidentiary = false;
            List<DomainError> reasons = List.of();
            if (decision instanceof DisclosureDecision.Granted g) {
                notice = g.redisclosureNotice();
                nonEvidentiary = g.nonEvidentiary();
            } else {
                reasons = ((DisclosureDecision.Refused) decision).errors();
            }
            return new Entry(sequence, r.requester().id(), r.requester().role(), r.recipientRole(),
                    r.recipientAgency(), r.circumstances(), r.participant(), r.dataClasses(), r.purpose(),
                    r.part2Exception(), decision.consents(), decision.isGranted(), notice, nonEvidentiary, reasons,
                    decision.at());
        }
    }

    /** Appends the one entry of {@code decision}, and its event, and returns the entry. */
    Entry record(DisclosureDecision decision);

    /** Every entry in the order appended. */
    List<Entry> entries();

    /** The entries about one participant, in the order appended. */
    List<Entry> entriesAbout(PersonId participant);
}
