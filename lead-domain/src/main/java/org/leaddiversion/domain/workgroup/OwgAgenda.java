/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.workgroup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentEvent.ParticipantBecameInactive;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.prosecution.LegalMatter;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.workgroup.Agenda.Item;
import org.leaddiversion.domain.workgroup.Agenda.Section;

/**
 * The OWG agenda generator (SPEC §7.4, rule R38). Pure: the same meeting and inputs give the same agenda. Only the
 * meeting's site is listed and, for a precinct meeting, only the items located in its precinct ({@link AgendaScope}).
 * A person is named only when an in-force consent at the meeting covers recipient role OWG_MEMBER for
 * CARE_COORDINATION / ENROLLMENT_STATUS (sections a–c, f) or LEGAL_COORDINATION / LEGAL_COORDINATION (sections d, e);
 * otherwise the item carries a pseudonym, "Participant A", "Participant B", …, assigned in item order and stable
 * within the agenda.
 */
public final class OwgAgenda {

    /** How far ahead warrants and court dates are listed (section e), in days. */
    public static final int LEGAL_HORIZON_DAYS = 30;
    private static final Set<LegalMatter.Kind> LEGAL_DATES = EnumSet.of(LegalMatter.Kind.WARRANT,
            LegalMatter.Kind.COURT_DATE);

    private OwgAgenda() {
    }

    /** The agenda of {@code meeting} over {@code inputs}. */
    public static Agenda build(Meeting meeting, OwgInputs inputs) {
        Require.present(meeting, "meeting");
        Require.present(inputs, "inputs");
        AgendaScope scope = AgendaScope.of(meeting, inputs);
        var raw = new ArrayList<Raw>();
        for (Referral r : inputs.referrals()) {
            if (!scope.covers(r)) {
                continue;
            }
            PersonId p = r.submission().person().id();
            String id = r.id().toString();
            if (r.acceptedAt().filter(meeting::isSinceLast).isPresent()) {
                raw.add(new Raw(Section.ACCEPTED_SINCE_LAST, id, p));
            }
            if (isIntakeDueBeforeNext(r, meeting)) {
                raw.add(new Raw(Section.INTAKE_DUE_BEFORE_NEXT, id, p));
            }
            if (isLapsedSinceLast(r, meeting)) {
                raw.add(new Raw(Section.LAPSED_SINCE_LAST, id, p));
            }
        }
        for (PostEnrollmentCase c : inputs.cases()) {
            if (isOpenConsultation(c) && scope.covers(c)) {
                raw.add(new Raw(Section.OPEN_CONSULTATION, c.id().toString(), c.person()));
            }
        }
        Map<EnrollmentId, Enrollment> enrollments = new HashMap<>();
        for (Enrollment e : inputs.enrollments()) {
            if (!scope.covers(e)) {
                continue;
            }
            enrollments.put(e.id(), e);
            if (e.isOpen() && hasLegalDateSoon(inputs.legalMatters().getOrDefault(e.person(), List.of()), meeting)) {
                raw.add(new Raw(Section.UPCOMING_LEGAL_DATE, e.id().toString(), e.person()));
            }
        }
        inputs.enrollmentEvents().stream()
                .filter(ParticipantBecameInactive.class::isInstance).map(ParticipantBecameInactive.class::cast)
                .filter(ev -> meeting.isSinceLast(ev.occurredAt()))
                .map(ev -> enrollments.get(ev.enrollmentId()))
                .filter(e -> e != null && e.status() == EnrollmentStatus.INACTIVE)
                .distinct()
                .forEach(e -> raw.add(new Raw(Section.NEWLY_INACTIVE, e.id().toString(), e.person())));
        raw.sort(Comparator.comparing(Raw::section).thenComparing(Raw::subject));

        var pseudonyms = new HashMap<PersonId, String>();
        var items = new ArrayList<Item>();
        for (Raw x : raw) {
            if (mayName(x.section(), x.person(), meeting, inputs)) {
                items.add(new Item(x.section(), x.subject(), Optional.of(x.person()), x.person().value()));
            } else {
                String label = pseudonyms.computeIfAbsent(x.person(), k -> pseudonym(pseudonyms.size()));
                items.add(new Item(x.section(), x.subject(), Optional.empty(), label));
            }
        }
        return new Agenda(meeting, items, inputs.flagged());
    }

    /** Section (b): PENDING_INTAKE and the deadline day is before the next meeting's day. */
    public static boolean isIntakeDueBeforeNext(Referral r, Meeting meeting) {
        if (r.status() != ReferralStatus.PENDING_INTAKE || r.intakeDeadline() == null) {
            return false;
        }
        var d = r.intakeDeadline();
        return d.date().isBefore(LocalDate.ofInstant(meeting.nextAt(), d.zone()));
    }

    /** Section (c): INTAKE_LAPSED and ended since the last meeting. */
    public static boolean isLapsedSinceLast(Referral r, Meeting meeting) {
        return r.status() == ReferralStatus.INTAKE_LAPSED && r.endedAt().filter(meeting::isSinceLast).isPresent();
    }

    /** Section (d): a consultation was requested and no decision is recorded. */
    public static boolean isOpenConsultation(PostEnrollmentCase c) {
        return c.consultation().isPresent() && c.decision().isEmpty();
    }

    /**
     * Whether the OWG may hear the person named for items of {@code section}: an in-force consent at the meeting
     * covers OWG_MEMBER for the section's purpose and data class.
     */
    public static boolean mayName(Section section, PersonId person, Meeting meeting, OwgInputs inputs) {
        Purpose purpose = section.isLegal() ? Purpose.LEGAL_COORDINATION : Purpose.CARE_COORDINATION;
        DataClass data = section.isLegal() ? DataClass.LEGAL_COORDINATION : DataClass.ENROLLMENT_STATUS;
        return inputs.consentsOf(person).stream()
                .anyMatch(c -> c.participant().equals(person)
                        && c.covers(Role.OWG_MEMBER, purpose, data, meeting.at()));
    }

    private static boolean hasLegalDateSoon(List<LegalMatter> matters, Meeting meeting) {
        LocalDate from = LocalDate.ofInstant(meeting.at(), meeting.zone());
        LocalDate to = from.plusDays(LEGAL_HORIZON_DAYS);
        return matters.stream().anyMatch(m -> LEGAL_DATES.contains(m.kind())
                && !m.date().isBefore(from) && !m.date().isAfter(to));
    }

    /** "Participant A" … "Participant Z", then "Participant AA", "Participant AB", …. */
    static String pseudonym(int n) {
        var sb = new StringBuilder();
        int i = n;
        do {
            sb.insert(0, (char) ('A' + i % 26));
            i = i / 26 - 1;
        } while (i >= 0);
        return "Participant " + sb;
    }

    private record Raw(Section section, String subject, PersonId person) {
    }
}
