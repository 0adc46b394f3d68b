/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.DomainError;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentEvent;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.intake.DivertedCase;
import org.leaddiversion.domain.intake.DivertedCaseStatus;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralEvent;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.intake.ReleaseReason;
import org.leaddiversion.domain.policy.ClosureReason;
import org.leaddiversion.domain.policy.CriminalHistoryRule;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.DrugPolicy;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.ExclusionSetting;
import org.leaddiversion.domain.policy.HistoryAnchor;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.RuleStrength;
import org.leaddiversion.domain.policy.SalesPolicy;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.Conviction;
import org.leaddiversion.domain.referral.CourtOrder;
import org.leaddiversion.domain.referral.CriminalHistory;
import org.leaddiversion.domain.referral.DrugFacts;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.PendingCase;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.screening.DoorRules;
import org.leaddiversion.domain.screening.EligibilityResult;
import org.leaddiversion.domain.screening.EligibilityScreening;
import org.leaddiversion.domain.screening.Finding;
import org.leaddiversion.domain.screening.ScreeningDecision;

/**
 * The programme rules the library enforces — R01–R38 and R40 of SPEC §10 (R39, the equity computation, is a measure,
 * not a property of stored data) — each as an {@link Invariant} whose check re-derives the rule from a
 * {@link ProgrammeRecord} rather than trusting the code that enforced it. {@link #checkAll} runs all of them; each
 * invariant can also be driven on its own from any property-testing engine.
 */
public final class RuleCatalogue {

    private static final List<Invariant> INVARIANTS = List.of(
            Invariant.of(RuleId.R01, "No referral is accepted, and no enrollment exists, without a consent to LEAD "
                    + "recorded no later than the acceptance.", RuleCatalogue::r01),
            Invariant.of(RuleId.R02, "A person who declines at the offer has no held charge: a declined referral never "
                    + "has a diverted case.", RuleCatalogue::r02),
            Invariant.of(RuleId.R03, "From PENDING_INTAKE, ACTIVE or INACTIVE a participant-initiated withdrawal always "
                    + "succeeds, for every site policy.", RuleCatalogue::r03),
            Invariant.of(RuleId.R04, "An arrest diversion exists only with probable cause and at least one offence on the "
                    + "site's divertible list.", r -> doorRule(r, RuleId.R04)),
            Invariant.of(RuleId.R05, "A social-contact referral exists only with verification of an accepted kind, inside "
                    + "the look-back window and, where required, inside the programme area.", r -> doorRule(r, RuleId.R05)),
            Invariant.of(RuleId.R06, "No referral exists through a disabled door or from a referrer the door does not "
                    + "allow.", r -> doorRule(r, RuleId.R06)),
            Invariant.of(RuleId.R07, "A referral through a door that needs approval is accepted only after approval by an "
                    + "approver role other than its submitter.", RuleCatalogue::r07),
            Invariant.of(RuleId.R08, "Screening is deterministic: the same facts, policy version and context give the same "
                    + "result and the same ordered reasons, whatever the order of the inputs.", RuleCatalogue::r08),
            Invariant.of(RuleId.R09, "HARD findings are never overridden; PRESUMPTIVE ones only by the override authority "
                    + "with a reason; DISCRETIONARY factors never change the result.", RuleCatalogue::r09),
            Invariant.of(RuleId.R10, "E1 applies exactly when the net weight exceeds the threshold under the comparator "
                    + "(or a substantial quantity is recorded where the site uses it), never for exempt forms.",
                    RuleCatalogue::r10),
            Invariant.of(RuleId.R11, "E2 applies under NO_SALES to any sale flag, under SUBSISTENCE_ONLY only to sale "
                    + "for profit above subsistence, and never under ANY.", RuleCatalogue::r11),
            Invariant.of(RuleId.R12, "A person younger than the minimum age at the local referral date is excluded (E4).",
                    RuleCatalogue::r12),
            Invariant.of(RuleId.R13, "A conviction counts iff it is of a listed category, not never-disqualifying, and "
                    + "(lifetime or convictionDate > referralDate − L years).", RuleCatalogue::r13),
            Invariant.of(RuleId.R14, "An identified complainant who has not agreed to forgo prosecution excludes the "
                    + "offences the site lists (E13).", RuleCatalogue::r14),
            Invariant.of(RuleId.R15, "A pending treatment-court case of a listed court, or an order protecting a current "
                    + "participant at screening time, excludes where configured.", RuleCatalogue::r15),
            Invariant.of(RuleId.R16, "A rejection by the eligibility authority makes the referral ineligible, releases a "
                    + "held charge and creates no enrollment.", RuleCatalogue::r16),
            Invariant.of(RuleId.R17, "Charge-holding doors are refused only when open ≥ capacity; other doors are deferred "
                    + "once open ≥ capacity − reserve (with arrest priority) or open ≥ capacity.", RuleCatalogue::r17),
            Invariant.of(RuleId.R18, "The intake deadline is the local referral date plus the policy's days (within any "
                    + "statutory maximum); intake is timely until the end of that local day.", RuleCatalogue::r18),
            Invariant.of(RuleId.R19, "A charge not filed after timely intake is never released afterwards (unless the "
                    + "site enabled the fidelity variant).", RuleCatalogue::r19),
            Invariant.of(RuleId.R20, "A missed deadline lapses the referral, releases its held charge exactly once with "
                    + "one notification, and creates no enrollment.", RuleCatalogue::r20),
            Invariant.of(RuleId.R21, "Doors without a held charge never create or release a diverted case.",
                    RuleCatalogue::r21),
            Invariant.of(RuleId.R22, "Where the site requires a signed ROI, intake completes only with it, at the later "
                    + "of assessment and signature.", RuleCatalogue::r22),
            Invariant.of(RuleId.R23, "A person has at most one open enrollment per site; every completed intake belongs "
                    + "to an enrollment of the same person and site.", RuleCatalogue::r23),
            Invariant.of(RuleId.R24, "No enrollment is ever closed for use, relapse, a positive test, non-abstinence, sex "
                    + "work, missed appointments, an unmet goal or a new arrest.", RuleCatalogue::r24),
            Invariant.of(RuleId.R25, "Recording an arrest, a charge or a charging decision never changes an enrollment: "
                    + "its status moves only by its own lifecycle (a re-engagement only with a participant contact) "
                    + "and is the one those events give.", ProgrammeChecks::r25),
            Invariant.of(RuleId.R26, "An enrollment becomes INACTIVE only once the site's threshold has passed since the "
                    + "last participant contact, is ACTIVE again after the next one, and is closed for "
                    + "ADMINISTRATIVE_INACTIVITY only while INACTIVE and where the policy in force allowed it.",
                    RuleCatalogue::r26),
            Invariant.of(RuleId.R27, "Every closure reason is VOLUNTARY_WITHDRAWAL or in the allowed reasons of the "
                    + "policy in force at closure.", RuleCatalogue::r27),
            Invariant.of(RuleId.R28, "A referral made after a closure links to every closed enrollment of the person at "
                    + "the site, and the enrollment it starts carries the same links.", ProgrammeChecks::r28),
            Invariant.of(RuleId.R29, "Every event is dated between its referral's referredAt and now, and each "
                    + "aggregate's events are in time order.", RuleCatalogue::r29),
            Invariant.of(RuleId.R30, "No case manager's open caseload exceeds the caseload cap of the policy in force, "
                    + "and only open enrollments are on a caseload.", ProgrammeChecks::r30),
            Invariant.of(RuleId.R31, "Every goal of an intervention plan is set by the participant; abstinence exists "
                    + "only as a goal the participant chose.", ProgrammeChecks::r31),
            Invariant.of(RuleId.R32, "Every contact belongs to a known enrollment, is dated no later than its recording "
                    + "and asOf and no earlier than the enrollment's start; only participant contacts move the last "
                    + "engagement.", RuleCatalogue::r32),
            Invariant.of(RuleId.R33, "Every flexible-fund expenditure is positive, on an enrollment's ledger, and, when "
                    + "above a cap of the flex policy in force, approved by an actor holding an approval role.",
                    ProgrammeChecks::r33),
            Invariant.of(RuleId.R34, "Every charging decision on a LEAD participant's case follows a consultation "
                    + "request or carries a waiver reason.", ProgrammeChecks::r34),
            Invariant.of(RuleId.R35, "LEAD information is never disclosed for enforcement or evidence, a case manager's "
                    + "disclosures are flagged non-evidentiary, and no charging decision rests on a LEAD disclosure.",
                    ProgrammeChecks::r35),
            Invariant.of(RuleId.R36, "Every disclosure decision is logged exactly once; every granted disclosure is "
                    + "allowed by the access matrix for the recipient and rests on an in-force consent covering "
                    + "recipient, purpose and each data class (a Part 2 consent or exception for Part 2 records, which "
                    + "carry the re-disclosure notice).", ProgrammeChecks::r36),
            Invariant.of(RuleId.R37, "An active confidential informant is never accepted or enrolled.",
                    RuleCatalogue::r37),
            Invariant.of(RuleId.R38, "Every OWG agenda lists each intake due before the next meeting, each lapse since "
                    + "the last and each open consultation, naming only people whose consent covers the work group.",
                    ProgrammeChecks::r38),
            Invariant.of(RuleId.R40, "A referral is screened and timed against the policy version in force at its "
                    + "referredAt.", RuleCatalogue::r40));

    private RuleCatalogue() {
    }

    /** Every invariant of the catalogue, in rule order. */
    public static List<Invariant> invariants() {
        return INVARIANTS;
    }

    /** The invariant of a rule, if this catalogue covers it. */
    public static Optional<Invariant> invariant(RuleId id) {
        return INVARIANTS.stream().filter(i -> i.id() == id).findFirst();
    }

    /**
     * Rule R38 for one agenda: every item the agenda must list over {@code inputs} is on it, and no item names a person
     * whose consent does not cover the work group. For hosts that build or edit agendas themselves.
     */
    public static List<Violation> checkAgenda(org.leaddiversion.domain.workgroup.Agenda agenda,
                                              org.leaddiversion.domain.workgroup.OwgInputs inputs) {
        return AgendaChecks.checkR38(agenda, inputs);
    }

    /** Runs every invariant; empty when the programme's data keeps every rule. */
    public static List<Violation> checkAll(ProgrammeRecord record) {
        var all = new ArrayList<Violation>();
        for (Invariant i : INVARIANTS) {
            all.addAll(i.check(record));
        }
        return all;
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static SitePolicy policyOf(ProgrammeRecord r, Referral ref) {
        return r.policies().version(ref.submission().site(), ref.policyVersion()).orElseThrow(() ->
                new IllegalStateException("missing policy version " + ref.policyVersion() + " of "
                        + ref.submission().site()));
    }

    private static List<Violation> each(ProgrammeRecord r, RuleId rule,
                                        BiConsumer<Referral, java.util.function.Consumer<String>> check) {
        var out = new ArrayList<Violation>();
        for (Referral ref : r.referrals()) {
            check.accept(ref, msg -> out.add(new Violation(rule, "referral " + ref.id(), msg)));
        }
        return out;
    }

    private static LocalDate referralDate(Referral ref) {
        return LocalDate.ofInstant(ref.referredAt(), ref.zone());
    }

    private static boolean screenedPastTheDoor(Referral ref) {
        return !ref.screening().refusedAtTheDoor();
    }

    private static long findings(Referral ref, ExclusionKind kind) {
        return ref.screening().findings().stream().filter(f -> f.exclusion() == kind).count()
                + ref.screening().notes().stream().filter(f -> f.exclusion() == kind).count();
    }

    private static Optional<ExclusionSetting> active(SitePolicy p, ExclusionKind kind, Door door) {
        return p.exclusion(kind).filter(s -> s.appliesTo(door));
    }

    // ---- the rules -----------------------------------------------------------------------------------------

    private static List<Violation> r01(ProgrammeRecord r) {
        var out = each(r, RuleId.R01, (ref, fail) -> {
            if (ref.acceptedAt().isPresent()) {
                if (ref.consent().isEmpty()) {
                    fail.accept("accepted without a recorded consent");
                } else if (ref.consent().get().at().isAfter(ref.acceptedAt().get())) {
                    fail.accept("consent recorded after acceptance");
                }
            }
        });
        Map<org.leaddiversion.domain.referral.ReferralId, Referral> byId = new HashMap<>();
        r.referrals().forEach(ref -> byId.put(ref.id(), ref));
        for (Enrollment e : r.enrollments()) {
            Referral first = e.referrals().isEmpty() ? null : byId.get(e.referrals().get(0));
            if (first == null || first.consent().isEmpty()) {
                out.add(new Violation(RuleId.R01, "enrollment " + e.id(), "enrollment without a consented referral"));
            }
        }
        return out;
    }

    private static List<Violation> r02(ProgrammeRecord r) {
        return each(r, RuleId.R02, (ref, fail) -> {
            if (ref.status() == ReferralStatus.DECLINED_BY_PERSON && ref.divertedCase().isPresent()) {
                fail.accept("declined referral has a diverted case");
            }
        });
    }

    private static List<Violation> r03(ProgrammeRecord r) {
        // the participant herself: an actor in the PARTICIPANT role whose id is her person id
        var out = each(r, RuleId.R03, (ref, fail) -> {
            if (ref.status() == ReferralStatus.PENDING_INTAKE) {
                Actor herself = Actor.of(ref.submission().person().id().value(), Role.PARTICIPANT);
                Instant at = r.asOf().isBefore(ref.referredAt()) ? ref.referredAt() : r.asOf();
                if (!ref.withdraw(herself, "rule check", at, policyOf(r, ref)).isSuccess()) {
                    fail.accept("a withdrawal from PENDING_INTAKE was refused");
                }
            }
        });
        for (Enrollment e : r.enrollments()) {
            Actor herself = Actor.of(e.person().value(), Role.PARTICIPANT);
            if (e.isOpen() && !e.withdraw(herself, r.asOf()).isSuccess()) {
                out.add(new Violation(RuleId.R03, "enrollment " + e.id(), "a withdrawal from an open enrollment was refused"));
            }
        }
        return out;
    }

    private static List<Violation> doorRule(ProgrammeRecord r, RuleId rule) {
        return each(r, rule, (ref, fail) -> {
            SitePolicy p = policyOf(r, ref);
            LocalDateTime local = LocalDateTime.ofInstant(ref.referredAt(), ref.zone());
            for (DomainError e : new DoorRules(p).check(ref.submission(), local)) {
                if (e.rule() == rule) {
                    fail.accept("stored although " + e.field() + ": " + e.message());
                }
            }
        });
    }

    private static List<Violation> r07(ProgrammeRecord r) {
        return each(r, RuleId.R07, (ref, fail) -> {
            SitePolicy p = policyOf(r, ref);
            var door = p.door(ref.door());
            if (ref.approval().isPresent()) {
                var a = ref.approval().get();
                if (a.by().equals(ref.submission().referrer().actor().id())) {
                    fail.accept("approved by its own submitter");
                }
                if (door.isPresent() && !door.get().approvalRoles().contains(a.role())) {
                    fail.accept("approved by role " + a.role() + ", not an approver role");
                }
            }
            if (ref.acceptedAt().isPresent() && door.isPresent() && door.get().needsApproval() && ref.approval().isEmpty()) {
                fail.accept("accepted without the required approval");
            }
        });
    }

    private static List<Violation> r08(ProgrammeRecord r) {
        return each(r, RuleId.R08, (ref, fail) -> {
            SitePolicy p = policyOf(r, ref);
            EligibilityScreening s = EligibilityScreening.of(p);
            ScreeningDecision again = s.screen(reversed(ref.submission()), ref.referredAt(), ref.screening().context());
            if (!again.equals(ref.screening())) {
                fail.accept("re-screening the same facts in another order gives " + again.result() + " with "
                        + again.findings().size() + " findings instead of " + ref.screening().result() + " with "
                        + ref.screening().findings().size());
            }
        });
    }

    /** The same facts with every input collection in reverse order. */
    static ReferralSubmission reversed(ReferralSubmission s) {
        CriminalHistory h = s.history();
        var history = new CriminalHistory(rev(h.convictions()), rev(h.pendingCases()), rev(h.orders()),
                rev(h.supervisions()), rev(h.prisonReleases()), h.outstandingWarrants());
        return s.toBuilder().offences(rev(s.offences())).evidence(rev(s.evidence())).history(history).build();
    }

    private static <T> List<T> rev(List<T> list) {
        var copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static List<Violation> r09(ProgrammeRecord r) {
        return each(r, RuleId.R09, (ref, fail) -> {
            SitePolicy p = policyOf(r, ref);
            ScreeningDecision d = ref.screening();
            if (d.hasHardFinding()) {
                if (d.result() != EligibilityResult.INELIGIBLE) {
                    fail.accept("a HARD finding did not make the referral INELIGIBLE");
                }
                if (ref.override().isPresent() || ref.acceptedAt().isPresent()) {
                    fail.accept("a referral with a HARD finding was overridden or accepted");
                }
            }
            ref.override().ifPresent(o -> {
                if (!p.overrideAuthority().contains(o.role())) {
                    fail.accept("overridden by role " + o.role() + ", outside the override authority");
                }
                if (o.reason().isBlank()) {
                    fail.accept("overridden without a reason");
                }
            });
            if (d.findings().isEmpty() && (d.result() == EligibilityResult.INELIGIBLE
                    || d.result() == EligibilityResult.PRESUMPTIVELY_INELIGIBLE)) {
                fail.accept("ineligible with no HARD or PRESUMPTIVE finding (discretionary factors only)");
            }
            for (Finding n : d.notes()) {
                if (n.strength() != RuleStrength.DISCRETIONARY) {
                    fail.accept("a note that is not discretionary");
                }
            }
        });
    }

    private static List<Violation> r10(ProgrammeRecord r) {
        return each(r, RuleId.R10, (ref, fail) -> {
            if (!screenedPastTheDoor(ref)) {
                return;
            }
            SitePolicy p = policyOf(r, ref);
            long expected = 0;
            if (active(p, ExclusionKind.DRUG_WEIGHT_OVER_THRESHOLD, ref.door()).isPresent()
                    && ref.submission().drugFacts().isPresent()) {
                DrugFacts f = ref.submission().drugFacts().get();
                DrugPolicy d = p.drug();
                if (!d.weightExemptForms().contains(f.form())) {
                    if (d.thresholdGrams().isPresent() && f.netWeightGrams().isPresent()
                            && d.comparator().exceeds(f.netWeightGrams().get(), d.thresholdGrams().get())) {
                        expected++;
                    }
                    if (d.substantialQuantityExcludes() && f.substantialQuantity()) {
                        expected++;
                    }
                }
            }
            long actual = findings(ref, ExclusionKind.DRUG_WEIGHT_OVER_THRESHOLD);
            if (actual != expected) {
                fail.accept("E1 found " + actual + " time(s), the weight rule gives " + expected);
            }
        });
    }

    private static List<Violation> r11(ProgrammeRecord r) {
        return each(r, RuleId.R11, (ref, fail) -> {
            if (!screenedPastTheDoor(ref)) {
                return;
            }
            SitePolicy p = policyOf(r, ref);
            boolean expected = false;
            if (active(p, ExclusionKind.SALES_ABOVE_SUBSISTENCE, ref.door()).isPresent()
                    && ref.submission().drugFacts().isPresent()) {
                DrugFacts f = ref.submission().drugFacts().get();
                expected = p.salesPolicy() == SalesPolicy.NO_SALES ? f.saleOrIntent()
                        : p.salesPolicy() == SalesPolicy.SUBSISTENCE_ONLY && f.saleOrIntent() && f.forProfitAboveSubsistence();
            }
            if (expected != (findings(ref, ExclusionKind.SALES_ABOVE_SUBSISTENCE) > 0)) {
                fail.accept("E2 " + (expected ? "missing" : "present") + " under sales policy " + p.salesPolicy());
            }
        });
    }

    private static List<Violation> r12(ProgrammeRecord r) {
        return each(r, RuleId.R12, (ref, fail) -> {
            if (!screenedPastTheDoor(ref)) {
                return;
            }
            SitePolicy p = policyOf(r, ref);
            boolean expected = active(p, ExclusionKind.UNDER_MIN_AGE, ref.door()).isPresent()
                    && ref.submission().person().dateOfBirth().isPresent()
                    && Period.between(ref.submission().person().dateOfBirth().get(), referralDate(ref)).getYears()
                    < p.minAge().getAsInt();
            if (expected != (findings(ref, ExclusionKind.UNDER_MIN_AGE) > 0)) {
                fail.accept("E4 " + (expected ? "missing for a person under" : "present for a person not under")
                        + " the minimum age");
            }
        });
    }

    private static List<Violation> r13(ProgrammeRecord r) {
        return each(r, RuleId.R13, (ref, fail) -> {
            if (!screenedPastTheDoor(ref)) {
                return;
            }
            SitePolicy p = policyOf(r, ref);
            long expected = 0;
            if (active(p, ExclusionKind.DISQUALIFYING_CRIMINAL_HISTORY, ref.door()).isPresent()) {
                LocalDate date = referralDate(ref);
                for (CriminalHistoryRule rule : p.historyRules()) {
                    if (rule.anchor() == HistoryAnchor.RELEASE_DATE) {
                        for (LocalDate release : ref.submission().history().prisonReleases()) {
                            if (release.isAfter(date.minusYears(rule.lookbackYears().getAsInt()))) {
                                expected++;
                            }
                        }
                        continue;
                    }
                    for (Conviction c : ref.submission().history().convictions()) {
                        if (c.attemptOrConspiracy() && !p.countAttempts()) {
                            continue;
                        }
                        boolean listed = false;
                        for (OffenceCode cat : c.categories()) {
                            listed |= rule.offences().contains(cat) && !p.neverDisqualifying().contains(cat);
                        }
                        if (listed && (rule.isLifetime()
                                || c.convictionDate().isAfter(date.minusYears(rule.lookbackYears().getAsInt())))) {
                            expected++;
                        }
                    }
                }
            }
            long actual = findings(ref, ExclusionKind.DISQUALIFYING_CRIMINAL_HISTORY);
            if (actual != expected) {
                fail.accept("E7 found " + actual + " time(s), the look-back rules give " + expected);
            }
        });
    }

    private static List<Violation> r14(ProgrammeRecord r) {
        return each(r, RuleId.R14, (ref, fail) -> {
            if (!screenedPastTheDoor(ref)) {
                return;
            }
            SitePolicy p = policyOf(r, ref);
            Optional<ExclusionSetting> s = active(p, ExclusionKind.COMPLAINANT_DOES_NOT_CONSENT, ref.door());
            boolean expected = false;
            if (s.isPresent() && ref.submission().complainant().isPresent()) {
                var c = ref.submission().complainant().get();
                boolean covered = s.get().scope().contains("ANY");
                for (Offence o : ref.submission().offences()) {
                    covered |= s.get().scope().contains(o.code().value());
                }
                expected = c.identified() && !c.consentsToForgoProsecution() && covered;
            }
            if (expected != (findings(ref, ExclusionKind.COMPLAINANT_DOES_NOT_CONSENT) > 0)) {
                fail.accept("E13 " + (expected ? "missing" : "present") + " for the complainant's consent");
            }
            if (expected && s.get().strength() == RuleStrength.HARD && ref.screening().result() != EligibilityResult.INELIGIBLE) {
                fail.accept("no complainant consent, yet not INELIGIBLE");
            }
        });
    }

    private static List<Violation> r15(ProgrammeRecord r) {
        return each(r, RuleId.R15, (ref, fail) -> {
            if (!screenedPastTheDoor(ref)) {
                return;
            }
            SitePolicy p = policyOf(r, ref);
            long court = 0;
            Optional<ExclusionSetting> e8 = active(p, ExclusionKind.PENDING_TREATMENT_COURT_CASE, ref.door());
            if (e8.isPresent()) {
                for (PendingCase c : ref.submission().history().pendingCases()) {
                    if (c.court().isPresent() && e8.get().scope().contains(c.court().get())) {
                        court++;
                    }
                }
            }
            long orders = 0;
            if (active(p, ExclusionKind.NO_CONTACT_ORDER_WITH_PARTICIPANT, ref.door()).isPresent()) {
                for (CourtOrder o : ref.submission().history().orders()) {
                    if (ref.screening().context().currentParticipants().contains(o.protectedPerson())) {
                        orders++;
                    }
                }
            }
            if (court != findings(ref, ExclusionKind.PENDING_TREATMENT_COURT_CASE)) {
                fail.accept("E8 findings do not match the pending treatment-court cases");
            }
            if (orders != findings(ref, ExclusionKind.NO_CONTACT_ORDER_WITH_PARTICIPANT)) {
                fail.accept("E9 findings do not match the orders protecting current participants");
            }
        });
    }

    private static List<Violation> r16(ProgrammeRecord r) {
        return each(r, RuleId.R16, (ref, fail) -> {
            if (ref.authorityRejection().isEmpty()) {
                return;
            }
            if (ref.status() != ReferralStatus.INELIGIBLE) {
                fail.accept("rejected by the eligibility authority but " + ref.status());
            }
            if (ref.enrollment().isPresent()) {
                fail.accept("rejected by the eligibility authority but enrolled");
            }
            ref.divertedCase().ifPresent(c -> {
                if (c.status() == DivertedCaseStatus.HELD || c.status() == DivertedCaseStatus.NOT_FILED) {
                    fail.accept("rejected by the eligibility authority but the charge is " + c.status());
                }
            });
        });
    }

    private static List<Violation> r17(ProgrammeRecord r) {
        return each(r, RuleId.R17, (ref, fail) -> {
            ScreeningDecision d = ref.screening();
            if (d.context().capacity().isEmpty() || !d.findings().isEmpty() || d.refusedAtTheDoor()) {
                return;
            }
            SitePolicy p = policyOf(r, ref);
            var c = d.context().capacity().get();
            EligibilityResult expected;
            if (ref.door().holdsCharge()) {
                expected = c.open() >= c.capacity() ? EligibilityResult.REJECTED : EligibilityResult.ELIGIBLE;
            } else {
                int threshold = p.capacity().arrestPriority() ? c.capacity() - p.capacity().reserveFor(c.capacity())
                        : c.capacity();
                expected = c.open() < threshold ? EligibilityResult.ELIGIBLE
                        : switch (p.capacity().whenFull()) {
                            case DEFER -> EligibilityResult.DEFERRED_CAPACITY;
                            case REJECT -> EligibilityResult.REJECTED;
                        };
            }
            if (d.result() != expected) {
                fail.accept("capacity " + c.capacity() + " with " + c.open() + " open gives " + expected + ", screening said "
                        + d.result());
            }
        });
    }

    private static List<Violation> r18(ProgrammeRecord r) {
        return each(r, RuleId.R18, (ref, fail) -> {
            SitePolicy p = policyOf(r, ref);
            LocalDate expected = referralDate(ref).plusDays(p.intake().deadlineDays());
            LocalDate actual = ref.intakeDeadline().date();
            if (ref.extension().isEmpty() ? !actual.equals(expected) : !actual.isAfter(expected)) {
                fail.accept("deadline " + actual + " instead of " + expected);
            }
            p.intake().statutoryMaxDays().ifPresent(max -> {
                if (actual.isAfter(referralDate(ref).plusDays(max))) {
                    fail.accept("deadline beyond the statutory maximum of " + max + " days");
                }
            });
            ref.intakeCompletedAt().ifPresent(t -> {
                if (!t.isBefore(actual.plusDays(1).atStartOfDay(ref.zone()).toInstant())) {
                    fail.accept("intake completed after the end of the deadline day");
                }
            });
        });
    }

    private static List<Violation> r19(ProgrammeRecord r) {
        var out = each(r, RuleId.R19, (ref, fail) -> ref.divertedCase().ifPresent(c -> {
            if (c.status() == DivertedCaseStatus.NOT_FILED && ref.status() != ReferralStatus.INTAKE_COMPLETED) {
                fail.accept("a charge is NOT_FILED without a completed intake");
            }
            if (ref.status() == ReferralStatus.INTAKE_COMPLETED && c.status() != DivertedCaseStatus.NOT_FILED
                    && !policyOf(r, ref).lapse().releaseOnLaterNonEngagement()) {
                fail.accept("intake completed on time but the charge is " + c.status());
            }
        }));
        Set<String> notFiled = new HashSet<>();
        Map<String, Referral> byId = new HashMap<>();
        r.referrals().forEach(ref -> byId.put(ref.id().toString(), ref));
        for (DomainEvent e : r.events()) {
            if (e instanceof ReferralEvent.DivertedCaseNotFiled nf) {
                notFiled.add(nf.caseId().toString());
            } else if (e instanceof ReferralEvent.DivertedCaseReleased rel && notFiled.contains(rel.caseId().toString())) {
                Referral ref = byId.get(rel.referralId().toString());
                if (ref == null || !policyOf(r, ref).lapse().releaseOnLaterNonEngagement()
                        || rel.reason() != ReleaseReason.LATER_NON_ENGAGEMENT) {
                    out.add(new Violation(RuleId.R19, "referral " + rel.referralId(), "a NOT_FILED charge was released"));
                }
            }
        }
        return out;
    }

    private static List<Violation> r20(ProgrammeRecord r) {
        Map<String, Integer> releases = new HashMap<>();
        Map<String, Integer> lapses = new HashMap<>();
        for (DomainEvent e : r.events()) {
            if (e instanceof ReferralEvent.DivertedCaseReleased rel) {
                releases.merge(rel.caseId().toString(), 1, Integer::sum);
            } else if (e instanceof ReferralEvent.IntakeLapsed l) {
                lapses.merge(l.referralId().toString(), 1, Integer::sum);
            }
        }
        var out = each(r, RuleId.R20, (ref, fail) -> {
            if (lapses.getOrDefault(ref.id().toString(), 0) > 1) {
                fail.accept("lapsed more than once");
            }
            ref.divertedCase().ifPresent(c -> {
                if (releases.getOrDefault(c.id().toString(), 0) > 1) {
                    fail.accept("the held charge was released more than once");
                }
            });
            if (ref.status() != ReferralStatus.INTAKE_LAPSED) {
                return;
            }
            if (ref.enrollment().isPresent() || ref.intakeCompletedAt().isPresent()) {
                fail.accept("lapsed but enrolled");
            }
            Optional<DivertedCase> c = ref.divertedCase();
            if (c.isPresent() && (c.get().status() == DivertedCaseStatus.HELD || c.get().status() == DivertedCaseStatus.NOT_FILED)) {
                fail.accept("lapsed but the charge is " + c.get().status());
            }
            if (c.isPresent() && releases.getOrDefault(c.get().id().toString(), 0) != 1) {
                fail.accept("lapsed with " + releases.getOrDefault(c.get().id().toString(), 0) + " release notifications");
            }
            if (ref.intakeDeadline().isMetBy(ref.endedAt().orElse(r.asOf()))) {
                fail.accept("lapsed before its deadline had passed");
            }
        });
        return out;
    }

    private static List<Violation> r21(ProgrammeRecord r) {
        Set<String> released = new HashSet<>();
        for (DomainEvent e : r.events()) {
            if (e instanceof ReferralEvent.DivertedCaseReleased rel) {
                released.add(rel.referralId().toString());
            }
        }
        return each(r, RuleId.R21, (ref, fail) -> {
            if (!ref.door().holdsCharge() && (ref.divertedCase().isPresent() || released.contains(ref.id().toString()))) {
                fail.accept("a " + ref.door() + " referral has a diverted case or a release notification");
            }
        });
    }

    private static List<Violation> r22(ProgrammeRecord r) {
        return each(r, RuleId.R22, (ref, fail) -> {
            if (ref.intakeCompletedAt().isEmpty() || !policyOf(r, ref).intake().requiresRoi()) {
                return;
            }
            if (ref.roiSignedAt().isEmpty() || ref.assessmentAt().isEmpty()) {
                fail.accept("intake completed without both assessment and signed ROI");
                return;
            }
            Instant later = ref.roiSignedAt().get().isAfter(ref.assessmentAt().get()) ? ref.roiSignedAt().get()
                    : ref.assessmentAt().get();
            if (!ref.intakeCompletedAt().get().equals(later)) {
                fail.accept("intake completion is not the later of assessment and ROI signature");
            }
        });
    }

    private static List<Violation> r23(ProgrammeRecord r) {
        var out = new ArrayList<Violation>();
        Map<String, Integer> open = new HashMap<>();
        Map<org.leaddiversion.domain.enrollment.EnrollmentId, Enrollment> byId = new HashMap<>();
        for (Enrollment e : r.enrollments()) {
            byId.put(e.id(), e);
            if (e.isOpen()) {
                String key = e.person() + "@" + e.site();
                if (open.merge(key, 1, Integer::sum) == 2) {
                    out.add(new Violation(RuleId.R23, "enrollment " + e.id(), "a second open enrollment of the same "
                            + "person at the same site"));
                }
            }
        }
        out.addAll(each(r, RuleId.R23, (ref, fail) -> {
            if (ref.status() != ReferralStatus.INTAKE_COMPLETED) {
                return;
            }
            Enrollment e = ref.enrollment().map(byId::get).orElse(null);
            if (e == null) {
                fail.accept("completed intake without an enrollment");
            } else if (!e.person().equals(ref.submission().person().id()) || !e.site().equals(ref.submission().site())
                    || !e.referrals().contains(ref.id())) {
                fail.accept("completed intake joined an enrollment of another person, site or referral list");
            }
        }));
        return out;
    }

    private static Map<EnrollmentId, Enrollment> enrollmentsById(ProgrammeRecord r) {
        Map<EnrollmentId, Enrollment> byId = new HashMap<>();
        r.enrollments().forEach(e -> byId.put(e.id(), e));
        return byId;
    }

    private static List<Violation> r24(ProgrammeRecord r) {
        var out = new ArrayList<Violation>();
        for (Enrollment e : r.enrollments()) {
            e.closureReason().filter(ClosureReason::isForbidden).ifPresent(reason -> out.add(new Violation(RuleId.R24,
                    "enrollment " + e.id(), "closed for the forbidden reason " + reason)));
        }
        for (DomainEvent ev : r.events()) {
            if (ev instanceof EnrollmentEvent.EnrollmentClosed c && c.reason().isForbidden()) {
                out.add(new Violation(RuleId.R24, "enrollment " + c.enrollmentId(), "an EnrollmentClosed event carries "
                        + "the forbidden reason " + c.reason()));
            }
        }
        return out;
    }

    private static List<Violation> r26(ProgrammeRecord r) {
        var out = new ArrayList<Violation>();
        Map<EnrollmentId, Enrollment> byId = enrollmentsById(r);
        Map<EnrollmentId, Instant> lastEngagement = new HashMap<>();
        Map<EnrollmentId, EnrollmentStatus> status = new HashMap<>();
        for (DomainEvent ev : r.events()) {
            if (!(ev instanceof EnrollmentEvent ee)) {
                continue;
            }
            EnrollmentId id = ee.enrollmentId();
            String subject = "enrollment " + id;
            if (ee instanceof EnrollmentEvent.EnrollmentStarted st) {
                lastEngagement.put(id, st.occurredAt());
                status.put(id, EnrollmentStatus.ACTIVE);
            } else if (ee instanceof EnrollmentEvent.ContactRecorded c && c.contactType().isParticipantContact()) {
                lastEngagement.merge(id, c.contactAt(), (a, b) -> a.isAfter(b) ? a : b);
            } else if (ee instanceof EnrollmentEvent.ParticipantReengaged) {
                if (status.get(id) != EnrollmentStatus.INACTIVE) {
                    out.add(new Violation(RuleId.R26, subject, "re-engaged though it was not INACTIVE"));
                }
                status.put(id, EnrollmentStatus.ACTIVE);
            } else if (ee instanceof EnrollmentEvent.ParticipantBecameInactive in) {
                Enrollment e = byId.get(id);
                Optional<SitePolicy> p = e == null ? Optional.empty() : r.policies().inForceAt(e.site(), in.occurredAt());
                Instant last = lastEngagement.get(id);
                if (p.isEmpty() || last == null) {
                    out.add(new Violation(RuleId.R26, subject, "became INACTIVE without a known start or policy"));
                } else if (in.occurredAt().isBefore(last.plus(java.time.Duration.ofDays(
                        p.get().enrollment().inactivityThresholdDays())))) {
                    out.add(new Violation(RuleId.R26, subject, "became INACTIVE before "
                            + p.get().enrollment().inactivityThresholdDays() + " days without a participant contact"));
                }
                if (status.get(id) != EnrollmentStatus.ACTIVE) {
                    out.add(new Violation(RuleId.R26, subject, "became INACTIVE though it was not ACTIVE"));
                }
                status.put(id, EnrollmentStatus.INACTIVE);
            } else if (ee instanceof EnrollmentEvent.EnrollmentClosed c) {
                if (c.reason() == ClosureReason.ADMINISTRATIVE_INACTIVITY) {
                    Enrollment e = byId.get(id);
                    boolean allowed = e != null && r.policies().inForceAt(e.site(), c.occurredAt())
                            .map(p -> p.enrollment().allowedClosureReasons().contains(c.reason())).orElse(false);
                    if (!allowed || status.get(id) != EnrollmentStatus.INACTIVE) {
                        out.add(new Violation(RuleId.R26, subject, "closed for ADMINISTRATIVE_INACTIVITY while "
                                + status.get(id) + (allowed ? "" : " though the policy in force did not allow it")));
                    }
                }
                status.put(id, EnrollmentStatus.CLOSED);
            }
        }
        for (Enrollment e : r.enrollments()) {
            if (e.closureReason().orElse(null) == ClosureReason.ADMINISTRATIVE_INACTIVITY && !r.policies()
                    .inForceAt(e.site(), e.closedAt().orElse(e.startedAt()))
                    .map(p -> p.enrollment().allowedClosureReasons().contains(ClosureReason.ADMINISTRATIVE_INACTIVITY))
                    .orElse(false)) {
                out.add(new Violation(RuleId.R26, "enrollment " + e.id(), "closed for ADMINISTRATIVE_INACTIVITY though "
                        + "the policy in force at closure did not allow it"));
            }
        }
        return out;
    }

    private static List<Violation> r27(ProgrammeRecord r) {
        var out = new ArrayList<Violation>();
        for (Enrollment e : r.enrollments()) {
            if (e.isOpen()) {
                continue;
            }
            ClosureReason reason = e.closureReason().orElse(null);
            if (reason == null || e.closedAt().isEmpty()) {
                out.add(new Violation(RuleId.R27, "enrollment " + e.id(), "CLOSED without a reason or closure time"));
            } else if (reason != ClosureReason.VOLUNTARY_WITHDRAWAL && !r.policies().inForceAt(e.site(),
                    e.closedAt().get()).map(p -> p.enrollment().allowedClosureReasons().contains(reason)).orElse(false)) {
                out.add(new Violation(RuleId.R27, "enrollment " + e.id(), "closed for " + reason
                        + ", which the policy in force at closure did not allow"));
            }
        }
        return out;
    }

    private static List<Violation> r32(ProgrammeRecord r) {
        var out = new ArrayList<Violation>();
        Map<EnrollmentId, Enrollment> byId = enrollmentsById(r);
        Map<EnrollmentId, Instant> lastEngagement = new HashMap<>();
        for (DomainEvent ev : r.events()) {
            if (!(ev instanceof EnrollmentEvent.ContactRecorded c)) {
                continue;
            }
            String subject = "enrollment " + c.enrollmentId();
            Enrollment e = byId.get(c.enrollmentId());
            if (e == null) {
                out.add(new Violation(RuleId.R32, subject, "a contact of an unknown enrollment"));
                continue;
            }
            if (c.contactAt().isAfter(r.asOf()) || c.contactAt().isAfter(c.occurredAt())) {
                out.add(new Violation(RuleId.R32, subject, "a contact is dated in the future"));
            }
            if (c.contactAt().isBefore(e.startedAt())) {
                out.add(new Violation(RuleId.R32, subject, "a contact is dated before the enrollment started"));
            }
            if (c.contactType().isParticipantContact()) {
                lastEngagement.merge(c.enrollmentId(), c.contactAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        for (Enrollment e : r.enrollments()) {
            Instant expected = lastEngagement.getOrDefault(e.id(), e.startedAt());
            if (expected.isBefore(e.startedAt())) {
                expected = e.startedAt();
            }
            if (!e.lastEngagementAt().equals(expected)) {
                out.add(new Violation(RuleId.R32, "enrollment " + e.id(), "lastEngagementAt " + e.lastEngagementAt()
                        + " is not the latest participant contact " + expected));
            }
        }
        return out;
    }

    private static List<Violation> r29(ProgrammeRecord r) {
        var out = new ArrayList<Violation>();
        Map<String, Instant> referredAt = new HashMap<>();
        r.referrals().forEach(ref -> referredAt.put(ref.id().toString(), ref.referredAt()));
        Map<String, Instant> last = new HashMap<>();
        for (DomainEvent e : r.events()) {
            if (e.occurredAt().isAfter(r.asOf())) {
                out.add(new Violation(RuleId.R29, e.aggregateId(), e.type() + " is dated in the future"));
            }
            if (e instanceof ReferralEvent re) {
                Instant start = referredAt.get(re.referralId().toString());
                if (start != null && e.occurredAt().isBefore(start)) {
                    out.add(new Violation(RuleId.R29, e.aggregateId(), e.type() + " is dated before the referral"));
                }
            }
            Instant previous = last.put(e.aggregateId(), e.occurredAt());
            if (previous != null && e.occurredAt().isBefore(previous)) {
                out.add(new Violation(RuleId.R29, e.aggregateId(), e.type() + " is dated before an earlier event"));
            }
        }
        return out;
    }

    private static List<Violation> r37(ProgrammeRecord r) {
        return each(r, RuleId.R37, (ref, fail) -> {
            if (ref.submission().person().activeConfidentialInformant()
                    && (ref.acceptedAt().isPresent() || ref.enrollment().isPresent())) {
                fail.accept("an active confidential informant was accepted or enrolled");
            }
        });
    }

    private static List<Violation> r40(ProgrammeRecord r) {
        return each(r, RuleId.R40, (ref, fail) -> {
            Optional<SitePolicy> inForce = r.policies().inForceAt(ref.submission().site(), ref.referredAt());
            if (inForce.isEmpty()) {
                fail.accept("no policy version was in force at referredAt");
            } else if (inForce.get().version() != ref.policyVersion() || ref.screening().policyVersion() != ref.policyVersion()) {
                fail.accept("screened under version " + ref.screening().policyVersion() + " though version "
                        + inForce.get().version() + " was in force at referredAt");
            }
        });
    }

    /** Rules covered by this catalogue, for documentation. */
    public static Map<RuleId, String> statements() {
        var m = new EnumMap<RuleId, String>(RuleId.class);
        INVARIANTS.forEach(i -> m.put(i.id(), i.statement()));
        return Collections.unmodifiableMap(m);
    }
}
