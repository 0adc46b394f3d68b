/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.workgroup.Agenda;
import org.leaddiversion.domain.workgroup.Agenda.Item;
import org.leaddiversion.domain.workgroup.Agenda.Section;
import org.leaddiversion.domain.workgroup.AgendaScope;
import org.leaddiversion.domain.workgroup.Meeting;
import org.leaddiversion.domain.workgroup.OwgAgenda;
import org.leaddiversion.domain.workgroup.OwgInputs;

/**
 * Rule R38 (OWG agenda completeness): for an agenda and the inputs it was built from, every
 * pending intake due before the next meeting, every lapse since the last meeting and every open post-enrollment
 * consultation the meeting covers appears (completeness), and no item names a person whose consent does not cover the
 * OWG disclosure; pseudonyms never stand for two people. A precinct meeting covers only its precinct's items
 * ({@link AgendaScope}): items of other precincts are not required, and listing one is a violation.
 */
final class AgendaChecks {

    private AgendaChecks() {
    }

    /** Violations of R38 in {@code agenda} built over {@code inputs}; empty when the rule holds. */
    static List<Violation> checkR38(Agenda agenda, OwgInputs inputs) {
        Require.present(agenda, "agenda");
        Require.present(inputs, "inputs");
        Meeting m = agenda.meeting();
        AgendaScope scope = AgendaScope.of(m, inputs);
        var out = new ArrayList<Violation>();
        Set<String> listed = new HashSet<>();
        for (Item i : agenda.items()) {
            listed.add(i.section() + "/" + i.subject());
        }
        for (Referral r : inputs.referrals()) {
            if (!scope.covers(r)) {
                continue;
            }
            String id = r.id().toString();
            if (OwgAgenda.isIntakeDueBeforeNext(r, m) && !listed.contains(Section.INTAKE_DUE_BEFORE_NEXT + "/" + id)) {
                out.add(new Violation(RuleId.R38, id, "pending intake due before the next meeting is not on the agenda"));
            }
            if (OwgAgenda.isLapsedSinceLast(r, m) && !listed.contains(Section.LAPSED_SINCE_LAST + "/" + id)) {
                out.add(new Violation(RuleId.R38, id, "intake lapsed since the last meeting is not on the agenda"));
            }
        }
        for (PostEnrollmentCase c : inputs.cases()) {
            String id = c.id().toString();
            if (OwgAgenda.isOpenConsultation(c) && scope.covers(c)
                    && !listed.contains(Section.OPEN_CONSULTATION + "/" + id)) {
                out.add(new Violation(RuleId.R38, id, "open post-enrollment consultation is not on the agenda"));
            }
        }
        Map<String, PersonId> pseudonyms = new HashMap<>();
        for (Item i : agenda.items()) {
            if (!isCovered(i, scope, inputs)) {
                out.add(new Violation(RuleId.R38, i.subject(),
                        "agenda item is outside the meeting's site or precinct"));
            }
            PersonId p = subjectPerson(i, inputs);
            if (i.isNamed() && !OwgAgenda.mayName(i.section(), i.person().get(), m, inputs)) {
                out.add(new Violation(RuleId.R38, i.subject(),
                        "agenda item names a person whose consent does not cover OWG disclosure"));
            }
            if (i.isNamed() && p != null && !p.equals(i.person().get())) {
                out.add(new Violation(RuleId.R38, i.subject(), "agenda item names someone other than its subject's person"));
            }
            if (!i.isNamed() && p != null && (i.label().equals(p.value())
                    || !pseudonyms.computeIfAbsent(i.label(), k -> p).equals(p))) {
                out.add(new Violation(RuleId.R38, i.subject(), "de-identified item's label identifies or is shared"));
            }
        }
        return out;
    }

    /** Whether the item's subject is covered by the meeting; an unknown subject is left to the other checks. */
    private static boolean isCovered(Item i, AgendaScope scope, OwgInputs inputs) {
        for (Referral r : inputs.referrals()) {
            if (r.id().toString().equals(i.subject())) {
                return scope.covers(r);
            }
        }
        for (PostEnrollmentCase c : inputs.cases()) {
            if (c.id().toString().equals(i.subject())) {
                return scope.covers(c);
            }
        }
        for (var e : inputs.enrollments()) {
            if (e.id().toString().equals(i.subject())) {
                return scope.covers(e);
            }
        }
        return true;
    }

    private static PersonId subjectPerson(Item i, OwgInputs inputs) {
        for (Referral r : inputs.referrals()) {
            if (r.id().toString().equals(i.subject())) {
                return r.submission().person().id();
            }
        }
        for (PostEnrollmentCase c : inputs.cases()) {
            if (c.id().toString().equals(i.subject())) {
                return c.person();
            }
        }
        for (var e : inputs.enrollments()) {
            if (e.id().toString().equals(i.subject())) {
                return e.person();
            }
        }
        return null;
    }
}
