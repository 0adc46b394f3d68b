/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.leaddiversion.domain.access.AccessContext;
import org.leaddiversion.domain.access.AccessPolicy;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.access.Operation;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.consent.Consent;
import org.leaddiversion.domain.consent.ConsentId;
import org.leaddiversion.domain.consent.ConsentType;
import org.leaddiversion.domain.consent.DisclosureEvent;
import org.leaddiversion.domain.consent.DisclosureLog;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentEvent;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.Caseloads;
import org.leaddiversion.domain.plan.FlexExpenditure;
import org.leaddiversion.domain.plan.FlexFund;
import org.leaddiversion.domain.plan.Goal;
import org.leaddiversion.domain.plan.InterventionPlan;
import org.leaddiversion.domain.policy.FlexPolicy;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.prosecution.RecordedDecision;
import org.leaddiversion.domain.workgroup.Meeting;
import org.leaddiversion.domain.workgroup.OwgAgenda;
import org.leaddiversion.domain.workgroup.OwgInputs;

/**
 * The checks of the rules about enrollment after intake, case management, coordination, disclosure and the work
 * group (R25, R28, R30, R31, R33–R36, R38), over a {@link ProgrammeRecord}. Each re-derives its rule from the data;
 * none calls the code that enforces it, except R38, which checks the agenda the library builds for each meeting held,
 * and R36, which reads the one access matrix ({@code AccessPolicy}) rather than keep a second copy of it.
 */
final class ProgrammeChecks {

    private ProgrammeChecks() {
    }

    /**
     * R25: an enrollment's status moves only by its own lifecycle — started, a re-engagement that follows a participant
     * contact of that enrollment in the same command, becoming inactive, a closure — and its current status is the one
     * those events give. A charge, case or decision has no way to move it.
     */
    static List<Violation> r25(ProgrammeRecord r) {
        var out = new ArrayList<Violation>();
        Map<EnrollmentId, EnrollmentStatus> replayed = new HashMap<>();
        DomainEvent previous = null;
        for (DomainEvent ev : r.events()) {
            if (ev instanceof EnrollmentEvent ee) {
                EnrollmentId id = enrollmentOf(ee);
                statusAfter(ee).ifPresent(to -> replayed.put(id, to));
                if (ee instanceof EnrollmentEvent.ParticipantReengaged re
                        && !(previous instanceof EnrollmentEvent.ContactRecorded c && c.enrollmentId().equals(id)
                        && c.contactType().isParticipantContact() && c.occurredAt().equals(re.occurredAt()))) {
                    out.add(new Violation(RuleId.R25, "enrollment " + id,
                            "re-engaged without a participant contact in the same command"));
                }
            }
            previous = ev;
        }
        for (Enrollment e : r.enrollments()) {
            EnrollmentStatus fromEvents = replayed.get(e.id());
            if (fromEvents != null && fromEvents != e.status()) {
                out.add(new Violation(RuleId.R25, "enrollment " + e.id(), "status " + e.status()
                        + " is not what its own lifecycle events give (" + fromEvents + ")"));
            }
        }
        return out;
    }

    private static Optional<EnrollmentStatus> statusAfter(EnrollmentEvent e) {
        if (e instanceof EnrollmentEvent.EnrollmentStarted || e instanceof EnrollmentEvent.ParticipantReengaged) {
            return Optional.of(EnrollmentStatus.ACTIVE);
        }
        if (e instanceof EnrollmentEvent.ParticipantBecameInactive) {
            return Optional.of(EnrollmentStatus.INACTIVE);
        }
        if (e instanceof EnrollmentEvent.EnrollmentClosed) {
            return Optional.of(EnrollmentStatus.CLOSED);
        }
        return Optional.empty();
    }

    private static EnrollmentId enrollmentOf(EnrollmentEvent e) {
        return new EnrollmentId(java.util.UUID.fromString(e.aggregateId()));
    }

    /**
     * R28: every referral lists, as prior enrollments, exactly the enrollments of the same person at the same site
     * that were closed when it was made, and an enrollment started from it carries the same links.
     */
    static List<Violation> r28(ProgrammeRecord r) {
        var out = new ArrayList<Violation>();
        Map<EnrollmentId, Enrollment> byId = new HashMap<>();
        for (Enrollment e : r.enrollments()) {
            byId.put(e.id(), e);
        }
        for (Referral ref : r.referrals()) {
            // closed strictly before the referral: must be linked; closed at the same instant: may be (the order of
            // two commands at one instant is the log's); the referral's own enrollment never is
            Set<EnrollmentId> required = new TreeSet<>();
            Set<EnrollmentId> allowed = new TreeSet<>();
            for (Enrollment e : r.enrollments()) {
                if (!e.person().equals(ref.submission().person().id()) || !e.site().equals(ref.submission().site())
                        || ref.enrollment().filter(e.id()::equals).isPresent() || e.closedAt().isEmpty()) {
                    continue;
                }
                Instant closed = e.closedAt().get();
                if (closed.isBefore(ref.referredAt())) {
                    required.add(e.id());
                }
                if (!closed.isAfter(ref.referredAt())) {
                    allowed.add(e.id());
                }
            }
            Set<EnrollmentId> linked = new TreeSet<>(ref.priorEnrollments());
            if (!linked.containsAll(required) || !allowed.containsAll(linked)) {
                out.add(new Violation(RuleId.R28, "referral " + ref.id(), "links to " + linked
                        + " but the person's enrollments at the site closed before it were " + required));
            }
            ref.enrollment().map(byId::get)
                    .filter(e -> !e.referrals().isEmpty() && e.referrals().get(0).equals(ref.id()))
                    .filter(e -> !new TreeSet<>(e.priorEnrollments()).equals(new TreeSet<>(ref.priorEnrollments())))
                    .ifPresent(e -> out.add(new Violation(RuleId.R28, "enrollment " + e.id(),
                            "does not carry its referral's links to prior enrollments")));
        }
        return out;
    }

    /**
     * R30: no case manager's open caseload exceeds the cap of the site policy in force, and only open enrollments are
     * on a caseload.
     */
    static List<Violation> r30(ProgrammeRecord r) {
        var out = new ArrayList<Violation>();
        Map<EnrollmentId, Enrollment> byId = new HashMap<>();
        for (Enrollment e : r.enrollments()) {
            byId.put(e.id(), e);
        }
        for (Map.Entry<SiteId, Caseloads> site : new java.util.TreeMap<>(r.caseloads()).entrySet()) {
            Optional<SitePolicy> policy = r.policies().inForceAt(site.getKey(), r.asOf());
            Map<CaseManagerId, Integer> counts = new java.util.TreeMap<>();
            for (Map.Entry<EnrollmentId, CaseManagerId> a : site.getValue().assignments().entrySet()) {
                counts.merge(a.getValue(), 1, Integer::sum);
                Enrollment e = byId.get(a.getKey());
                if (e == null || !e.isOpen() || !e.site().equals(site.getKey())) {
                    out.add(new Violation(RuleId.R30, "enrollment " + a.getKey(),
                            "on " + a.getValue() + "'s caseload but not an open enrollment of site " + site.getKey()));
                }
            }
            if (policy.isEmpty()) {
                continue;
            }
            int cap = policy.get().caseload().cap();
            counts.forEach((cm, n) -> {
                if (n > cap) {
                    out.add(new Violation(RuleId.R30, "caseManager " + cm, "open caseload " + n
                            + " exceeds the cap of " + cap));
                }
            });
        }
        return out;
    }

    /** R31: every goal of every plan was set by the participant; every plan belongs to a known enrollment. */
    static List<Violation> r31(ProgrammeRecord r) {
        var out = new ArrayList<Violation>();
        Set<EnrollmentId> known = new HashSet<>();
        for (Enrollment e : r.enrollments()) {
            known.add(e.id());
        }
        for (InterventionPlan p : r.plans()) {
            if (!known.contains(p.enrollment())) {
                out.add(new Violation(RuleId.R31, "plan " + p.id(), "plan of an unknown enrollment"));
            }
            for (Goal g : p.goals()) {
                if (!g.setByParticipant()) {
                    out.add(new Violation(RuleId.R31, "goal " + g.id(), "goal not set by the participant"));
                }
            }
        }
        return out;
    }

    /**
     * R33: every expenditure is positive and belongs to its ledger's known enrollment; one above a cap of the flex
     * policy in force when the money was spent (the expenditure itself, or the participant's month total with it)
     * was approved by an actor holding an approval role.
     */
    static List<Violation> r33(ProgrammeRecord r) {
        var out = new ArrayList<Violation>();
        Map<EnrollmentId, Enrollment> byId = new HashMap<>();
        for (Enrollment e : r.enrollments()) {
            byId.put(e.id(), e);
        }
        for (FlexFund fund : r.funds()) {
            Enrollment e = byId.get(fund.enrollment());
            if (e == null) {
                out.add(new Violation(RuleId.R33, "ledger " + fund.enrollment(), "ledger of an unknown enrollment"));
                continue;
            }
            var earlier = new ArrayList<FlexExpenditure>();
            for (FlexExpenditure x : fund.expenditures()) {
                if (!x.enrollment().equals(fund.enrollment()) || !x.amount().isPositive()) {
                    out.add(new Violation(RuleId.R33, "expenditure " + x.id(),
                            "not a positive amount of this enrollment's ledger"));
                }
                Optional<SitePolicy> policy = r.policies().inForceAt(e.site(), x.spentAt());
                if (policy.isPresent() && aboveCap(x, earlier, policy.get())
                        && x.approvedBy().filter(a -> policy.get().flex().mayApprove(a.role())).isEmpty()) {
                    out.add(new Violation(RuleId.R33, "expenditure " + x.id(),
                            "above a flex cap without approval by an approval role"));
                }
                earlier.add(x);
            }
        }
        return out;
    }

    /** Whether {@code x}, after the {@code earlier} expenditures of the ledger, exceeds a cap (re-derived here). */
    private static boolean aboveCap(FlexExpenditure x, List<FlexExpenditure> earlier, SitePolicy policy) {
        FlexPolicy flex = policy.flex();
        if (flex.capPerExpenditure().filter(cap -> x.amount().isGreaterThan(cap)).isPresent()) {
            return true;
        }
        if (flex.capPerParticipantMonth().isEmpty()) {
            return false;
        }
        var month = java.time.YearMonth.from(x.spentAt().atZone(policy.zone()));
        var total = x.amount();
        for (FlexExpenditure y : earlier) {
            if (java.time.YearMonth.from(y.spentAt().atZone(policy.zone())).equals(month)) {
                total = total.plus(y.amount());
            }
        }
        return total.isGreaterThan(flex.capPerParticipantMonth().get());
    }

    /**
     * R34: every charging decision on a LEAD participant's case follows a consultation request made no later than the
     * decision, or carries a non-blank waiver reason.
     */
    static List<Violation> r34(ProgrammeRecord r) {
        var out = new ArrayList<Violation>();
        for (PostEnrollmentCase c : r.cases()) {
            if (!c.isLeadParticipant() || c.decision().isEmpty()) {
                continue;
            }
            RecordedDecision d = c.decision().get();
            boolean consulted = c.consultation().filter(q -> !q.requestedAt().isAfter(d.decidedAt())).isPresent();
            boolean waived = d.waiverReason().filter(w -> !w.isBlank()).isPresent();
            if (!consulted && !waived) {
                out.add(new Violation(RuleId.R34, "case " + c.id(),
                        "charging decision without a prior consultation request or a waiver reason"));
            }
        }
        return out;
    }

    /**
     * R35: no disclosure for ENFORCEMENT or EVIDENCE was granted, a case manager's granted disclosures are flagged
     * non-evidentiary, and no charging decision rests on a LEAD disclosure.
     */
    static List<Violation> r35(ProgrammeRecord r) {
        var out = new ArrayList<Violation>();
        for (DisclosureLog.Entry e : r.disclosures()) {
            if (e.granted() && e.purpose().isEnforcement()) {
                out.add(new Violation(RuleId.R35, "disclosure " + e.sequence(),
                        "granted for " + e.purpose() + ", which LEAD information never serves"));
            }
            if (e.granted() && e.whoRole() == Role.CASE_MANAGER && !e.nonEvidentiary()) {
                out.add(new Violation(RuleId.R35, "disclosure " + e.sequence(),
                        "a case manager's disclosure is not flagged non-evidentiary"));
            }
        }
        for (PostEnrollmentCase c : r.cases()) {
            if (c.decision().filter(RecordedDecision::basedOnLeadDisclosure).isPresent()) {
                out.add(new Violation(RuleId.R35, "case " + c.id(),
                        "charging decision lists a LEAD disclosure as its basis"));
            }
        }
        return out;
    }

    /**
     * R36: the log has one entry per disclosure decision (as many entries as DisclosureGranted and DisclosureRefused
     * events, numbered 1..n); every granted entry rests, for each individual data class, on a consent of the
     * participant in force at that instant covering recipient, agency, purpose and class — a Part 2 consent (or a
     * permitting Part 2 exception) for SUD_PART2, which carries the re-disclosure notice; and the visibility matrix
     * lets the recipient's role read every class, AGGREGATE included, in the logged circumstances with the ROI, Part 2
     * and research conditions re-derived from the entry's consents, exception and purpose. The matrix is the one
     * {@link AccessPolicy} (a table, not the disclosure policy this rule checks).
     */
    static List<Violation> r36(ProgrammeRecord r) {
        var out = new ArrayList<Violation>();
        long decisions = r.events().stream().filter(e -> e instanceof DisclosureEvent.DisclosureGranted
                || e instanceof DisclosureEvent.DisclosureRefused).count();
        if (decisions != r.disclosures().size()) {
            out.add(new Violation(RuleId.R36, "disclosure log", r.disclosures().size() + " entries for " + decisions
                    + " disclosure decisions"));
        }
        Map<ConsentId, Consent> consents = new HashMap<>();
        for (Consent c : r.consents()) {
            consents.put(c.id(), c);
        }
        // a revocation at the very instant of a grant counts only if the log has it first
        Map<ConsentId, Integer> revokedAtIndex = new HashMap<>();
        List<Integer> decisionIndex = new ArrayList<>();
        for (int i = 0; i < r.events().size(); i++) {
            DomainEvent ev = r.events().get(i);
            if (ev instanceof DisclosureEvent.ConsentRevoked cr) {
                revokedAtIndex.putIfAbsent(cr.consent(), i);
            } else if (ev instanceof DisclosureEvent.DisclosureGranted || ev instanceof DisclosureEvent.DisclosureRefused) {
                decisionIndex.add(i);
            }
        }
        AccessPolicy matrix = new AccessPolicy();
        long expected = 1;
        for (DisclosureLog.Entry e : r.disclosures()) {
            if (e.sequence() != expected++) {
                out.add(new Violation(RuleId.R36, "disclosure " + e.sequence(), "log sequence has a gap or repeat"));
            }
            if (!e.granted()) {
                continue;
            }
            int grantIndex = e.sequence() <= decisionIndex.size() ? decisionIndex.get((int) e.sequence() - 1)
                    : Integer.MAX_VALUE;
            List<Consent> used = e.consents().stream().map(consents::get).filter(c -> c != null)
                    .map(c -> revokedAfter(c, e.at(), revokedAtIndex, grantIndex)).toList();
            for (DataClass data : e.dataClasses()) {
                boolean excepted = data == DataClass.SUD_PART2
                        && e.part2Exception().filter(x -> x.permits(e.purpose())).isPresent();
                boolean roi = used.stream().anyMatch(c -> covers(c, e, data, false));
                boolean part2 = used.stream().anyMatch(c -> covers(c, e, data, true)) || excepted;
                AccessContext context = e.circumstances().accessContext(roi, part2,
                        e.purpose() == Purpose.RESEARCH_EVALUATION);
                if (!matrix.decide(e.to(), data, Operation.READ, context).isAllowed()) {
                    out.add(new Violation(RuleId.R36, "disclosure " + e.sequence(), "granted " + data + " to role "
                            + e.to() + ", which the visibility matrix does not allow in the logged circumstances"));
                }
                if (data == DataClass.AGGREGATE) {
                    continue;
                }
                boolean consented = data == DataClass.SUD_PART2 ? part2 : roi;
                if (!consented) {
                    out.add(new Violation(RuleId.R36, "disclosure " + e.sequence(), "granted " + data
                            + " without an in-force consent covering recipient, purpose and class"));
                }
            }
            if (e.dataClasses().contains(DataClass.SUD_PART2) && e.redisclosureNotice().isEmpty()) {
                out.add(new Violation(RuleId.R36, "disclosure " + e.sequence(),
                        "Part 2 records disclosed without the re-disclosure notice"));
            }
        }
        return out;
    }

    /**
     * The consent as it stood at the grant: a revocation dated at the grant's very instant but logged after it did not
     * yet apply (two commands can share an instant; the log orders them).
     */
    private static Consent revokedAfter(Consent c, Instant grantedAt, Map<ConsentId, Integer> revokedAtIndex,
                                        int grantIndex) {
        if (c.revokedAt().filter(grantedAt::equals).isPresent()
                && revokedAtIndex.getOrDefault(c.id(), -1) > grantIndex) {
            return new Consent(c.id(), c.participant(), c.type(), c.recipientRoles(), c.recipientAgencies(),
                    c.purposes(), c.dataClasses(), c.signedAt(), c.expiresAt(), Optional.empty());
        }
        return c;
    }

    /**
     * Whether {@code c} covers {@code data} of entry {@code e}: in force at its instant, for its participant,
     * recipient, agency, purpose and class, and of the type asked for — a Part 2 consent when {@code part2}, else the
     * multi-party ROI (or an evaluation consent, for a research/evaluation purpose).
     */
    private static boolean covers(Consent c, DisclosureLog.Entry e, DataClass data, boolean part2) {
        boolean typeFits = part2 ? c.type() == ConsentType.PART2
                : c.type() == ConsentType.MULTI_PARTY_ROI
                        || (c.type() == ConsentType.EVALUATION && e.purpose() == Purpose.RESEARCH_EVALUATION);
        Instant t = e.at();
        boolean inForce = !t.isBefore(c.signedAt()) && c.expiresAt().map(t::isBefore).orElse(true)
                && c.revokedAt().map(t::isBefore).orElse(true);
        return typeFits && inForce && c.participant().equals(e.participant())
                && c.recipientRoles().contains(e.to())
                && (c.recipientAgencies().isEmpty() || e.toAgency().filter(c.recipientAgencies()::contains).isPresent())
                && c.purposes().contains(e.purpose()) && c.dataClasses().contains(data);
    }

    /**
     * R38: for every OWG meeting held, the agenda the library builds from the record lists every intake due before
     * the next meeting, every lapse since the last and every open consultation, naming only people whose consent
     * covers the work group.
     */
    static List<Violation> r38(ProgrammeRecord r) {
        var out = new ArrayList<Violation>();
        if (r.meetings().isEmpty()) {
            return out;
        }
        OwgInputs inputs = OwgInputs.of(r.referrals(), r.enrollments(), r.cases(), r.consents(), r.events(),
                List.of());
        for (Meeting m : r.meetings()) {
            out.addAll(AgendaChecks.checkR38(OwgAgenda.build(m, inputs), inputs));
        }
        return out;
    }
}
