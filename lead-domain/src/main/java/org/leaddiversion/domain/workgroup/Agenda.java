/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.workgroup;

import java.util.List;
import java.util.Optional;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.referral.PersonId;

/**
 * An OWG meeting agenda (SPEC §7.4). Items are in a deterministic order: by section, then by subject id.
 *
 * @param meeting the meeting
 * @param items   the items of sections (a)–(f)
 * @param flagged section (g): items flagged by members, in the order given
 */
public record Agenda(Meeting meeting, List<Item> items, List<String> flagged) {

    public Agenda {
        Require.present(meeting, "agenda.meeting");
        items = List.copyOf(Require.noNulls(items, "agenda.items"));
        flagged = List.copyOf(Require.noNulls(flagged, "agenda.flagged"));
    }

    /** Agenda sections, in SPEC §7.4 order. */
    public enum Section {
        /** (a) referrals accepted since the last meeting. */
        ACCEPTED_SINCE_LAST,
        /** (b) pending intakes whose deadline day falls before the next meeting. */
        INTAKE_DUE_BEFORE_NEXT,
        /** (c) intakes lapsed since the last meeting. */
        LAPSED_SINCE_LAST,
        /** (d) open post-enrollment consultations (requested, no decision recorded). */
        OPEN_CONSULTATION,
        /** (e) participants with a warrant or court date within the next 30 days. */
        UPCOMING_LEGAL_DATE,
        /** (f) participants newly INACTIVE since the last meeting. */
        NEWLY_INACTIVE;

        /** Whether items of this section concern legal coordination (purpose and data class LEGAL_COORDINATION). */
        public boolean isLegal() {
            return this == OPEN_CONSULTATION || this == UPCOMING_LEGAL_DATE;
        }
    }

    /**
     * One agenda item.
     *
     * @param section the section
     * @param subject the aggregate concerned: a referral, post-enrollment case or enrollment id
     * @param person  the person, present only when an in-force consent covers the OWG disclosure (rule R38)
     * @param label   the person id when named, otherwise a pseudonym ("Participant A") stable within the agenda
     */
    public record Item(Section section, String subject, Optional<PersonId> person, String label) {
        public Item {
            Require.present(section, "item.section");
            Require.text(subject, "item.subject");
            Require.present(person, "item.person");
            Require.text(label, "item.label");
        }

        /** Whether the item names its person. */
        public boolean isNamed() {
            return person.isPresent();
        }
    }

    /** The items of one section. */
    public List<Item> section(Section section) {
        return items.stream().filter(i -> i.section() == section).toList();
    }
}
