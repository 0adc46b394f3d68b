/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.Consent;
import org.leaddiversion.domain.consent.ConsentType;
import org.leaddiversion.domain.consent.DisclosureDecision;
import org.leaddiversion.domain.consent.DisclosureRequest;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentEvent;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.intake.CaseloadCapacity;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralDesk;
import org.leaddiversion.domain.intake.SweepReport;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.FlexFund;
import org.leaddiversion.domain.plan.Goal;
import org.leaddiversion.domain.plan.GoalId;
import org.leaddiversion.domain.plan.GoalKind;
import org.leaddiversion.domain.plan.GoalStatus;
import org.leaddiversion.domain.plan.InterventionPlan;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.domain.plan.ServiceReferralStatus;
import org.leaddiversion.domain.policy.CaseloadPolicy;
import org.leaddiversion.domain.policy.ClosureReason;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.DoorPolicy;
import org.leaddiversion.domain.policy.EligibilityAuthority;
import org.leaddiversion.domain.policy.EnrollmentPolicy;
import org.leaddiversion.domain.policy.FlexPolicy;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SitePolicyHistory;
import org.leaddiversion.domain.prosecution.ChargingDecision;
import org.leaddiversion.domain.prosecution.LegalMatter;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.workgroup.Meeting;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Stateful property test of the whole programme (STYLE habit 9): random sequences of every command of the in-memory
 * programme — referrals through every enabled door for a small pool of people, the intake commands and sweeps, the
 * enrollment lifecycle, case management, prosecution coordination, consents and disclosures, work-group meetings,
 * clock moves and a policy version taking effect during the run.
 *
 * <p>Steps are data (a kind fixed at generation time and dice), so QuickTheories shrinks them; an interpreter picks
 * targets and actors by index into what exists when the step runs. After every step: the whole rule catalogue holds
 * over {@link InMemoryProgramme#record()}; a rejected command changed nothing; a forbidden closure reason was
 * rejected; no case manager holds more open enrollments than the cap; no disclosure for ENFORCEMENT or EVIDENCE was
 * granted. Across the run the interesting paths must actually be reached, so the test cannot silently go vacuous.
 */
class ProgrammeStatefulTest {

    private static final SiteId SITE = new SiteId("programme-site");
    /** Examples per run; raise it with -Dprogramme.examples=2000 when hunting. */
    private static final int EXAMPLES = Integer.getInteger("programme.examples", 1500);
    /** Shrink attempts after a failure; each replays a whole history, so keep it modest. */
    private static final int SHRINK_CYCLES = Integer.getInteger("programme.shrinkCycles", 100);
    /** A pool smaller than the generators' so that re-referrals, arrests of participants and closures recur. */
    private static final List<String> PEOPLE = List.of("P1", "P2", "P3", "P4");
    private static final List<String> CASE_MANAGERS = List.of("cm1", "cm2", "cm3");
    private static final List<Role> RECIPIENTS = List.of(Role.CASE_MANAGER, Role.PROSECUTOR, Role.DEFENDER,
            Role.COURT, Role.PROBATION, Role.OWG_MEMBER, Role.EVALUATOR, Role.OFFICER);
    private static final List<Purpose> PURPOSES = List.of(Purpose.values());
    private static final List<DataClass> CLASSES = List.of(DataClass.values());

    enum Kind { SUBMIT, REFERRAL, ENROLLMENT, PLAN, COORDINATION, CONSENT, DISCLOSE, MEETING, ADVANCE, SWEEP }

    /** One step: its kind, a submission per policy version (SUBMIT only) and dice read against the state. */
    record Step(Kind kind, List<ReferralSubmission> submissions, int what, int which, int who, int much, int flag) {
        @Override
        public String toString() {
            return kind + "(" + what + "," + which + "," + who + "," + much + "," + flag + ")";
        }
    }

    record Scenario(SitePolicyHistory history, Instant start, long seed, OptionalInt capacity, List<Step> steps) {
        @Override
        public String toString() {
            var sb = new StringBuilder("Scenario{zone=" + history.zone() + ", start=" + start + ", seed=" + seed
                    + ", capacity=" + (capacity.isPresent() ? capacity.getAsInt() : "notTracked") + ", steps="
                    + steps.size());
            for (SitePolicy p : history.versions()) {
                sb.append("\n  v").append(p.version()).append(" from ").append(p.effectiveFrom())
                        .append(" doors=").append(p.doors().keySet())
                        .append(" caseload=").append(p.caseload())
                        .append(" flex=").append(p.flex())
                        .append(" enrollment=").append(p.enrollment())
                        .append(" consultationDays=").append(p.consultationWindowDays());
            }
            return sb.append('}').toString();
        }
    }

    // ---- generation -----------------------------------------------------------------------------------------

    private static int between(RandomnessSource in, int min, int max) {
        return Generate.range(min, max).generate(in);
    }

    private static boolean chance(RandomnessSource in, int percent) {
        return between(in, 1, 100) <= percent;
    }

    /**
     * A generated policy with small caseload and flex caps and a short inactivity threshold, so that all are hit. The
     * cap is at least {@code minCap}: a later version lowering the cap makes R30 report the caseloads already above
     * it (by design, pinned in CaseloadCapTest), which no command can prevent.
     */
    static SitePolicy policy(RandomnessSource in, int version, LocalDate from, ZoneId zone, int minCap) {
        SitePolicy base = LeadGenerators.sitePolicy(in, SITE, version, from, zone);
        int cap = between(in, minCap, Math.max(minCap, 2));
        Optional<Money> perExpenditure = chance(in, 75)
                ? Optional.of(Money.of(between(in, 20, 120) + ".00", "USD")) : Optional.empty();
        Optional<Money> perMonth = chance(in, 60)
                ? Optional.of(Money.of(between(in, 100, 300) + ".00", "USD")) : Optional.empty();
        Set<Role> approvers = chance(in, 50) ? EnumSet.of(Role.PROJECT_MANAGER)
                : EnumSet.of(Role.PROJECT_MANAGER, Role.PCG_MEMBER);
        var enrollment = new EnrollmentPolicy(between(in, 1, 40), base.enrollment().allowedClosureReasons());
        return base.toBuilder().version(version, from)
                .caseload(new CaseloadPolicy(cap, between(in, 1, cap)))
                .flex(new FlexPolicy(perExpenditure, perMonth, approvers))
                .enrollment(enrollment)
                .consultationWindowDays(between(in, 1, 14))
                .build();
    }

    static Gen<Scenario> scenarios() {
        return in -> {
            ZoneId zone = LeadGenerators.ZONES.get(between(in, 0, LeadGenerators.ZONES.size() - 1));
            Instant start = LeadGenerators.referralInstants().generate(in);
            LocalDate startDate = LocalDate.ofInstant(start, zone);
            var versions = new ArrayList<SitePolicy>();
            versions.add(policy(in, 1, startDate.minusYears(1), zone, 1));
            if (chance(in, 50)) {
                versions.add(policy(in, 2, startDate.plusDays(between(in, 1, 40)), zone,
                        versions.get(0).caseload().cap()));
            }
            var history = new SitePolicyHistory(SITE, zone, versions);
            OptionalInt capacity = chance(in, 25) ? OptionalInt.of(between(in, 1, 8)) : OptionalInt.empty();
            long seed = between(in, 0, 1_000_000);
            int n = between(in, 40, 90);
            var steps = new ArrayList<Step>(n);
            Duration advanced = Duration.ZERO;
            for (int i = 0; i < n; i++) {
                int k = between(in, 1, 100);
                Kind kind = k <= 12 ? Kind.SUBMIT : k <= 42 ? Kind.REFERRAL : k <= 54 ? Kind.ENROLLMENT
                        : k <= 70 ? Kind.PLAN : k <= 78 ? Kind.COORDINATION : k <= 84 ? Kind.CONSENT
                        : k <= 90 ? Kind.DISCLOSE : k <= 91 ? Kind.MEETING : k <= 98 ? Kind.ADVANCE : Kind.SWEEP;
                int what = between(in, 0, 999);
                int which = between(in, 0, 999);
                int who = between(in, 0, 999);
                int much = between(in, 0, 999);
                int flag = between(in, 0, 999);
                var submissions = new ArrayList<ReferralSubmission>();
                if (kind == Kind.SUBMIT) {
                    // the clock only moves forward, so facts dated from the planned date are never in the future
                    LocalDate planned = LocalDate.ofInstant(start.plus(advanced), zone);
                    String person = PEOPLE.get(between(in, 0, PEOPLE.size() - 1));
                    for (SitePolicy p : versions) {
                        ReferralSubmission s = chance(in, 80) ? LeadGenerators.admissibleSubmission(in, p, planned)
                                : LeadGenerators.submission(in, p, planned);
                        submissions.add(as(s, person));
                    }
                }
                if (kind == Kind.ADVANCE) {
                    advanced = advanced.plus(plannedAdvance(much));
                }
                steps.add(new Step(kind, submissions, what, which, who, much, flag));
            }
            return new Scenario(history, start, seed, capacity, steps);
        };
    }

    /** The submission, made for one of the small pool of people. */
    private static ReferralSubmission as(ReferralSubmission s, String person) {
        Person p = s.person();
        return s.toBuilder().person(new Person(new PersonId(person), p.dateOfBirth(), p.demographics(), p.residence(),
                p.activeConfidentialInformant())).build();
    }

    /** A clock move: minutes, hours, days or months; edge jumps decided at run time only add to it. */
    static Duration plannedAdvance(int much) {
        int mode = much % 100;
        int amount = much / 100;
        if (mode < 25) {
            return Duration.ofMinutes(1 + amount * 37L);
        }
        if (mode < 45) {
            return Duration.ofHours(1 + amount * 5L);
        }
        if (mode < 80) {
            return Duration.ofDays(1 + amount * 3L);
        }
        if (mode < 90) {
            return Duration.ofDays(30L * (1 + amount % 3));
        }
        return Duration.ofMinutes(1);
    }

    // ---- the property ---------------------------------------------------------------------------------------

    /** The paths the run must reach, counted over all examples. */
    enum Path {
        ENROLLED, ROUTED_POST_ENROLLMENT_CASE, LEAD_CASE_DECIDED, CONSULTATION_REQUESTED, REVOKED_THEN_REFUSED,
        DISCLOSURE_GRANTED, ENFORCEMENT_REFUSED, ABOVE_CAP_APPROVED_SPEND, ABOVE_CAP_UNAPPROVED_REJECTED,
        BECAME_INACTIVE, INACTIVE_TO_ACTIVE, CLOSED_WITH_ALLOWED_REASON, FORBIDDEN_CLOSURE_REJECTED, WITHDRAWN,
        RE_REFERRAL_AFTER_CLOSURE, CASELOAD_CAP_REJECTED, CASE_MANAGER_ASSIGNED, GOAL_SET, NON_PARTICIPANT_GOAL_REJECTED,
        SERVICE_REFERRAL, MEETING_HELD, POLICY_V2_USED, REJECTED_COMMAND
    }

    @Test
    void every_rule_holds_after_every_step_of_random_programme_histories() {
        var reached = new TreeMap<Path, Integer>();
        long began = System.nanoTime();
        qt().withExamples(EXAMPLES).withShrinkCycles(SHRINK_CYCLES).forAll(scenarios()).checkAssert(s -> {
            var run = new Run(s);
            run.play();
            run.counts.forEach((p, n) -> reached.merge(p, n, Integer::sum));
        });
        long millis = (System.nanoTime() - began) / 1_000_000;
        System.out.println("ProgrammeStatefulTest: " + EXAMPLES + " examples in " + millis + " ms; paths reached: "
                + reached);
        for (Path p : Path.values()) {
            assertTrue(reached.getOrDefault(p, 0) >= 5, () -> "the generated histories rarely reach " + p + ": "
                    + reached);
        }
    }

    // ---- running one scenario -------------------------------------------------------------------------------

    private static final class Run {
        private final Scenario scenario;
        private final MutableClock clock;
        private final InMemoryProgramme programme;
        private final ReferralDesk desk;
        private final List<String> log = new ArrayList<>();
        private final Map<Path, Integer> counts = new TreeMap<>();
        private final int maxCap;

        Run(Scenario scenario) {
            this.scenario = scenario;
            this.clock = new MutableClock(scenario.start());
            CaseloadCapacity capacity = scenario.capacity().isPresent()
                    ? CaseloadCapacity.fixed(scenario.capacity().getAsInt()) : CaseloadCapacity.notTracked();
            this.programme = new InMemoryProgramme(clock, IdGenerator.sequential(scenario.seed()), capacity);
            programme.policies().put(scenario.history());
            this.desk = programme.desk();
            this.maxCap = scenario.history().versions().stream().mapToInt(p -> p.caseload().cap()).max().orElseThrow();
        }

        void play() {
            int n = 0;
            for (Step step : scenario.steps()) {
                n++;
                switch (step.kind()) {
                    case SUBMIT -> submit(step);
                    case REFERRAL -> referral(step);
                    case ENROLLMENT -> enrollment(step);
                    case PLAN -> plan(step);
                    case COORDINATION -> coordination(step);
                    case CONSENT -> consent(step);
                    case DISCLOSE -> disclose(step);
                    case MEETING -> meeting();
                    case ADVANCE -> advance(step);
                    case SWEEP -> sweep(step);
                    default -> throw new IllegalStateException();
                }
                checkAfterStep("after step " + n + " " + step);
            }
        }

        private void reach(Path p) {
            counts.merge(p, 1, Integer::sum);
        }

        private SitePolicy policyNow() {
            return programme.policies().inForceAt(SITE, clock.instant()).orElseThrow();
        }

        // -- part 1: referrals --

        private void submit(Step step) {
            SitePolicy policy = policyNow();
            ReferralSubmission generated = step.submissions().get(policy.version() - 1);
            // now and then the referral is of someone enrolled right now: a participant's new arrest or referral
            var open = enrollments().stream().filter(Enrollment::isOpen).toList();
            ReferralSubmission s = !open.isEmpty() && step.which() % 3 == 0
                    ? as(generated, open.get(step.which() / 3 % open.size()).person().value()) : generated;
            Outcome<Referral> out = command("submit " + s.door() + " for " + s.person().id() + " by "
                    + s.referrer().actor().role() + " (consents=" + s.personConsents() + ", v" + policy.version()
                    + ")", () -> desk.submit(s));
            if (out.isSuccess()) {
                if (policy.version() == 2) {
                    reach(Path.POLICY_V2_USED);
                }
                if (!out.value().priorEnrollments().isEmpty()) {
                    reach(Path.RE_REFERRAL_AFTER_CLOSURE);
                }
            }
        }

        private List<Referral> referrals() {
            return programme.referrals().all();
        }

        private void referral(Step step) {
            List<Referral> all = referrals();
            if (all.isEmpty()) {
                // nothing to act on yet: the scheduler's tick instead
                sweep(step);
                return;
            }
            var open = all.stream().filter(r -> !r.status().isTerminal()).toList();
            Referral r = !open.isEmpty() && step.which() % 10 < 8 ? open.get(step.which() / 10 % open.size())
                    : all.get(step.which() % all.size());
            SitePolicy p = programme.policies().version(SITE, r.policyVersion()).orElseThrow();
            if (step.what() % 100 < 85) {
                happyPath(step, r, p);
            } else {
                anyReferralCommand(step, r);
            }
        }

        private void happyPath(Step step, Referral r, SitePolicy p) {
            ReferralId id = r.id();
            DoorPolicy door = p.door(r.door()).orElseThrow();
            Actor cm = Actor.of("cm1", Role.CASE_MANAGER);
            int f = step.flag() % 10;
            switch (r.status()) {
                case SUBMITTED -> {
                    if (f == 0) {
                        on(r, "person declines", () -> desk.recordDecline(id, cm));
                    } else if (r.consent().isEmpty()) {
                        on(r, "consent", () -> desk.recordConsent(id, cm));
                    } else if (r.door() == Door.ARREST_DIVERSION && r.handoff().isEmpty()) {
                        Instant now = clock.instant();
                        Instant called = now.minus(Duration.ofMinutes(step.much() % 90));
                        Instant from = called.isBefore(r.referredAt()) ? r.referredAt() : called;
                        on(r, "hand-off", () -> desk.recordHandoff(id, cm, from, now));
                    } else if (door.needsApproval() && r.approval().isEmpty()) {
                        Role role = pick(new ArrayList<>(door.approvalRoles()), step.who());
                        on(r, "approve by " + role, () -> desk.approve(id, Actor.of("approver", role)));
                    } else if (door.authority() != EligibilityAuthority.OFFICER_ONLY && f < 3) {
                        Role role = pick(new ArrayList<>(door.authorityRoles()), step.who());
                        on(r, "authority confirms", () -> desk.decideEligibility(id, Actor.of("auth", role), true,
                                null));
                    } else {
                        on(r, "accept", () -> desk.accept(id, cm));
                    }
                }
                case PRESUMPTIVELY_INELIGIBLE -> {
                    Role role = pick(new ArrayList<>(p.overrideAuthority()), step.who());
                    if (f < 3) {
                        on(r, "confirm exclusion", () -> desk.confirmExclusion(id, Actor.of("ovr", role),
                                "history confirmed"));
                    } else {
                        on(r, "override", () -> desk.override(id, Actor.of("ovr", role), "PCG override"));
                    }
                }
                case DEFERRED_CAPACITY -> on(r, "accept (queued)", () -> desk.accept(id, cm));
                case PENDING_INTAKE -> {
                    if (f == 0) {
                        on(r, "person withdraws", () -> desk.withdraw(id,
                                Actor.of(r.submission().person().id().value(), Role.PARTICIPANT), null));
                    } else if (f == 1 && door.authority() != EligibilityAuthority.OFFICER_ONLY) {
                        Role role = pick(new ArrayList<>(door.authorityRoles()), step.who());
                        on(r, "authority rejects", () -> desk.decideEligibility(id, Actor.of("auth", role), false,
                                "not suitable"));
                    } else if (f == 2 && p.intake().extensionsAllowed()) {
                        Role role = pick(new ArrayList<>(p.intake().extensionAuthority()), step.who());
                        LocalDate to = r.intakeDeadline().date().plusDays(1 + step.much() % 12);
                        on(r, "extend deadline to " + to, () -> desk.extendDeadline(id, Actor.of("ext", role), to,
                                "in hospital"));
                    } else if (p.intake().requiresRoi() && step.flag() % 2 == 0) {
                        on(r, "ROI signed", () -> desk.recordRoiSignature(id, cm));
                    } else {
                        on(r, "intake assessment", () -> desk.completeIntake(id, cm));
                    }
                }
                default -> {
                    if (r.divertedCase().isPresent() && f < 3) {
                        on(r, "prosecutor releases for later non-engagement", () -> desk.releaseForLaterNonEngagement(
                                id, Actor.of("pros", Role.PROSECUTOR), "no contact"));
                    } else {
                        on(r, "intake assessment (late or closed)", () -> desk.completeIntake(id, cm));
                    }
                }
            }
        }

        private void anyReferralCommand(Step step, Referral r) {
            ReferralId id = r.id();
            Actor a = Actor.of("x" + step.who() % 2, pick(List.of(Role.values()), step.who() / 2));
            String reason = step.flag() % 5 == 0 ? " " : "reason " + step.flag();
            Instant now = clock.instant();
            switch (step.what() % 13) {
                case 0 -> on(r, "consent by " + a, () -> desk.recordConsent(id, a));
                case 1 -> on(r, "decline by " + a, () -> desk.recordDecline(id, a));
                case 2 -> on(r, "hand-off by " + a, () -> desk.recordHandoff(id, a,
                        now.minus(Duration.ofMinutes(step.much() % 120)), now));
                case 3 -> on(r, "approve by " + a, () -> desk.approve(id, a));
                case 4 -> on(r, "override by " + a, () -> desk.override(id, a, reason));
                case 5 -> on(r, "confirm exclusion by " + a, () -> desk.confirmExclusion(id, a, reason));
                case 6 -> on(r, "accept by " + a, () -> desk.accept(id, a));
                case 7 -> on(r, "eligibility by " + a, () -> desk.decideEligibility(id, a, step.flag() % 2 == 0,
                        reason));
                case 8 -> on(r, "intake by " + a, () -> desk.completeIntake(id, a));
                case 9 -> on(r, "ROI by " + a, () -> desk.recordRoiSignature(id, a));
                case 10 -> on(r, "withdraw by " + a, () -> desk.withdraw(id, a, reason));
                case 11 -> {
                    LocalDate to = r.intakeDeadline().date().plusDays(step.much() % 40 - 5);
                    on(r, "extend to " + to + " by " + a, () -> desk.extendDeadline(id, a, to, reason));
                }
                default -> on(r, "release by " + a, () -> desk.releaseForLaterNonEngagement(id, a, reason));
            }
        }

        private void on(Referral r, String what, Supplier<Outcome<Referral>> run) {
            String s = r.id().toString();
            command(what + " [" + s.substring(s.length() - 4) + " " + r.door() + " " + r.status() + " "
                    + r.submission().person().id() + "]", run);
        }

        private void sweep(Step step) {
            SweepReport report = desk.sweepDeadlines();
            log.add("sweep deadlines at " + clock.instant() + " → lapsed " + report.lapsed().size() + ", skipped "
                    + report.skipped().size());
            assertTrue(desk.dueForLapse().isEmpty(), () -> "nothing is left due after a sweep\n" + story());
            if (step.flag() % 2 == 0) {
                sweepInactivity();
            }
        }

        // -- enrollment --

        private List<Enrollment> enrollments() {
            return programme.enrollments().all();
        }

        private Optional<Enrollment> enrollmentTarget(Step step) {
            List<Enrollment> all = enrollments();
            if (all.isEmpty()) {
                return Optional.empty();
            }
            var open = all.stream().filter(Enrollment::isOpen).toList();
            return Optional.of(!open.isEmpty() && step.which() % 10 < 8 ? open.get(step.which() / 10 % open.size())
                    : all.get(step.which() % all.size()));
        }

        private void enrollment(Step step) {
            Optional<Enrollment> target = enrollmentTarget(step);
            if (target.isEmpty() || step.what() % 10 == 9) {
                sweepInactivity();
                return;
            }
            Enrollment e = target.get();
            EnrollmentId id = e.id();
            Instant now = clock.instant();
            int w = step.what() % 10;
            String about = " [" + e.person() + " " + e.status() + "]";
            if (w < 4) {
                ContactType type = pick(List.of(ContactType.values()), step.much());
                Role role = step.who() % 8 == 0 ? pick(List.of(Role.values()), step.who() / 8)
                        : pick(new ArrayList<>(Enrollment.CONTACT_ROLES), step.who());
                // mostly in the past; sometimes before the start or in the future (both rejected)
                Instant at = switch (step.flag() % 10) {
                    case 0 -> now.plusSeconds(1);
                    case 1 -> e.startedAt().minusSeconds(1);
                    default -> {
                        Instant t = now.minus(Duration.ofMinutes((long) step.flag() * 7));
                        yield t.isBefore(e.startedAt()) ? e.startedAt() : t;
                    }
                };
                boolean wasInactive = e.status() == EnrollmentStatus.INACTIVE;
                Outcome<Enrollment> out = command("contact " + type + " at " + at + " by " + role + about,
                        () -> desk.recordContact(id, Actor.of("staff", role), type, at));
                if (out.isSuccess() && wasInactive && out.value().status() == EnrollmentStatus.ACTIVE) {
                    reach(Path.INACTIVE_TO_ACTIVE);
                }
            } else if (w < 7) {
                ClosureReason reason = pick(List.of(ClosureReason.values()), step.much());
                Role role = step.who() % 6 == 0 ? pick(List.of(Role.values()), step.who() / 6)
                        : pick(List.of(Role.CASE_MANAGER, Role.PROJECT_MANAGER), step.who());
                Outcome<Enrollment> out = command("close " + reason + " by " + role + about,
                        () -> desk.closeEnrollment(id, Actor.of("staff", role), reason));
                if (reason.isForbidden()) {
                    assertFalse(out.isSuccess(), () -> "a forbidden closure reason " + reason
                            + " must always be rejected\n" + story());
                    reach(Path.FORBIDDEN_CLOSURE_REJECTED);
                } else if (out.isSuccess()) {
                    reach(Path.CLOSED_WITH_ALLOWED_REASON);
                }
            } else {
                Role role = step.who() % 5 == 0 ? pick(List.of(Role.values()), step.who() / 5) : Role.PARTICIPANT;
                Outcome<Enrollment> out = command("leave enrollment by " + role + about,
                        () -> desk.withdrawFromEnrollment(id, actorAs(role, e.person())));
                if (out.isSuccess()) {
                    reach(Path.WITHDRAWN);
                }
            }
        }

        private void sweepInactivity() {
            int before = programme.events().size();
            List<EnrollmentId> marked = desk.sweepInactivity();
            log.add("sweep inactivity at " + clock.instant() + " → " + marked.size() + " marked");
            for (EnrollmentId id : marked) {
                assertEquals(EnrollmentStatus.INACTIVE, programme.enrollments().find(id).orElseThrow().status(),
                        () -> "a marked enrollment is INACTIVE\n" + story());
                reach(Path.BECAME_INACTIVE);
            }
            if (marked.isEmpty()) {
                assertEquals(before, programme.events().size(), () -> "an empty sweep appends nothing\n" + story());
            }
        }

        // -- case management --

        private Optional<CaseManagerId> caseManagerOf(EnrollmentId id) {
            return programme.caseloads().of(SITE).caseManagerOf(id);
        }

        private void plan(Step step) {
            Optional<Enrollment> target = enrollmentTarget(step);
            if (target.isEmpty()) {
                sweepInactivity();
                return;
            }
            Enrollment e = target.get();
            EnrollmentId id = e.id();
            Optional<CaseManagerId> assigned = caseManagerOf(id);
            String about = " [" + e.person() + " " + e.status() + " cm=" + assigned.map(CaseManagerId::value)
                    .orElse("-") + "]";
            // plan writes are made by the assigned case manager, now and then by someone else (rejected)
            Actor writer = assigned.isPresent() && step.who() % 7 != 0
                    ? Actor.of(assigned.get().value(), Role.CASE_MANAGER)
                    : Actor.of(pick(CASE_MANAGERS, step.who()), step.who() % 3 == 0 ? Role.PROJECT_MANAGER
                            : Role.CASE_MANAGER);
            int w = step.what() % 10;
            if (assigned.isEmpty() && w < 6 || w < 2) {
                assign(step, e, about);
            } else if (w < 4) {
                GoalKind kind = pick(List.of(GoalKind.values()), step.much());
                boolean byParticipant = step.flag() % 5 != 0;
                PlanDomain domain = pick(List.of(PlanDomain.values()), step.flag());
                Outcome<InterventionPlan> out = command("goal " + kind + " " + domain + " set by participant="
                        + byParticipant + " by " + writer + about, () -> programme.caseManagement().addGoal(id,
                        writer, domain, kind, "goal " + step.much(), byParticipant));
                if (!byParticipant) {
                    assertFalse(out.isSuccess(), () -> "a goal the participant did not set is refused\n" + story());
                    reach(Path.NON_PARTICIPANT_GOAL_REJECTED);
                } else if (out.isSuccess()) {
                    reach(Path.GOAL_SET);
                }
            } else if (w < 5) {
                List<Goal> goals = programme.plans().forEnrollment(id).map(InterventionPlan::goals).orElse(List.of());
                GoalId goal = goals.isEmpty() ? new GoalId(new java.util.UUID(0, step.much()))
                        : goals.get(step.much() % goals.size()).id();
                GoalStatus status = pick(List.of(GoalStatus.values()), step.flag());
                command("goal status " + status + " by " + writer + about,
                        () -> programme.caseManagement().updateGoalStatus(id, writer, goal, status));
            } else if (w < 6) {
                ServiceReferralStatus status = pick(List.of(ServiceReferralStatus.values()), step.flag());
                PlanDomain domain = pick(List.of(PlanDomain.values()), step.much());
                Outcome<InterventionPlan> out = command("service referral " + domain + " " + status + " by " + writer
                        + about, () -> programme.caseManagement().addServiceReferral(id, writer, domain,
                        "provider " + step.much() % 5, status));
                if (out.isSuccess()) {
                    reach(Path.SERVICE_REFERRAL);
                }
            } else {
                spend(step, e, writer, about);
            }
        }

        private void assign(Step step, Enrollment e, String about) {
            CaseManagerId cm = new CaseManagerId(pick(CASE_MANAGERS, step.much()));
            int mode = step.who() % 10;
            Actor actor = mode < 5 ? Actor.of("pm", Role.PROJECT_MANAGER)
                    : mode < 9 ? Actor.of(cm.value(), Role.CASE_MANAGER)
                    : Actor.of(pick(CASE_MANAGERS, step.who()), pick(List.of(Role.values()), step.flag()));
            int before = programme.caseloads().of(SITE).openCaseload(cm);
            Outcome<?> out = command("assign " + cm + " (holding " + before + ") by " + actor + about,
                    () -> programme.caseManagement().assignCaseManager(e.id(), cm, actor));
            int cap = policyNow().caseload().cap();
            if (out.isSuccess()) {
                int after = programme.caseloads().of(SITE).openCaseload(cm);
                assertTrue(after <= cap, () -> "an assignment took " + cm + " to " + after + " above the cap of "
                        + cap + "\n" + story());
                reach(Path.CASE_MANAGER_ASSIGNED);
            } else if (out.errors().stream().anyMatch(x -> x.code() == ErrorCode.CASELOAD_CAP_EXCEEDED)) {
                assertTrue(before + 1 > cap, () -> "refused under the cap\n" + story());
                reach(Path.CASELOAD_CAP_REJECTED);
            }
        }

        private void spend(Step step, Enrollment e, Actor writer, String about) {
            Instant now = clock.instant();
            Instant spentAt = switch (step.flag() % 12) {
                case 0 -> now.plusSeconds(1);
                case 1 -> e.startedAt().minusSeconds(1);
                default -> {
                    Instant t = now.minus(Duration.ofHours(step.flag() % 200));
                    yield t.isBefore(e.startedAt()) ? e.startedAt() : t;
                }
            };
            SitePolicy atSpending = programme.policies().inForceAt(SITE, spentAt).orElse(policyNow());
            FlexPolicy flex = atSpending.flex();
            BigDecimal base = flex.capPerExpenditure().or(flex::capPerParticipantMonth)
                    .map(Money::amount).orElse(new BigDecimal("50.00"));
            BigDecimal amount = switch (step.much() % 6) {
                case 0 -> base.subtract(new BigDecimal("0.01"));
                case 1 -> base;
                case 2 -> base.add(new BigDecimal("0.01"));
                case 3 -> base.divide(BigDecimal.valueOf(2)).setScale(2, java.math.RoundingMode.HALF_UP);
                case 4 -> base.multiply(BigDecimal.valueOf(2));
                default -> new BigDecimal("0.01").max(base.subtract(BigDecimal.valueOf(step.much() % 40)));
            };
            Money money = Money.of(amount.toPlainString(), "USD");
            int mode = step.who() % 6;
            Optional<Actor> approver = mode < 2 ? Optional.empty()
                    : mode < 4 ? Optional.of(Actor.of("pm", Role.PROJECT_MANAGER))
                    : Optional.of(Actor.of("ap", pick(List.of(Role.values()), step.who() / 6)));
            List<Goal> goals = programme.plans().forEnrollment(e.id()).map(InterventionPlan::goals).orElse(List.of());
            Optional<GoalId> goal = goals.isEmpty() || step.what() % 2 == 0 ? Optional.empty()
                    : Optional.of(goals.get(step.which() % goals.size()).id());
            Optional<FlexFund> fund = programme.funds().forEnrollment(e.id());
            boolean aboveCap = aboveCap(fund, money, spentAt, atSpending);
            Outcome<FlexFund> out = command("spend " + money + " at " + spentAt + " approved by "
                    + approver.map(Actor::toString).orElse("nobody") + " by " + writer + " (above cap " + aboveCap
                    + ")" + about, () -> programme.caseManagement().spend(e.id(), writer, spentAt, money,
                    PlanDomain.BASIC_NEEDS, "Corner shop", "a hot meal", approver, goal));
            if (out.isSuccess() && aboveCap) {
                assertTrue(approver.filter(a -> flex.mayApprove(a.role())).isPresent(),
                        () -> "an above-cap spend went through without an approval role\n" + story());
                reach(Path.ABOVE_CAP_APPROVED_SPEND);
            }
            if (aboveCap && approver.isEmpty()) {
                assertFalse(out.isSuccess(), () -> "an above-cap spend needs an approver\n" + story());
                reach(Path.ABOVE_CAP_UNAPPROVED_REJECTED);
            }
        }

        /** Whether the amount, spent at that instant after the ledger so far, exceeds a cap (re-derived here). */
        private static boolean aboveCap(Optional<FlexFund> fund, Money amount, Instant spentAt, SitePolicy policy) {
            FlexPolicy flex = policy.flex();
            if (flex.capPerExpenditure().filter(amount::isGreaterThan).isPresent()) {
                return true;
            }
            if (flex.capPerParticipantMonth().isEmpty()) {
                return false;
            }
            var month = java.time.YearMonth.from(spentAt.atZone(policy.zone()));
            Money total = amount;
            for (var x : fund.map(FlexFund::expenditures).orElse(List.of())) {
                if (java.time.YearMonth.from(x.spentAt().atZone(policy.zone())).equals(month)) {
                    total = total.plus(x.amount());
                }
            }
            return total.isGreaterThan(flex.capPerParticipantMonth().get());
        }

        // -- coordination --

        private void coordination(Step step) {
            List<PostEnrollmentCase> cases = programme.cases().all();
            int w = step.what() % 10;
            Instant now = clock.instant();
            if (cases.isEmpty() || w < 3) {
                PersonId person = new PersonId(pick(PEOPLE, step.which()));
                Role role = step.who() % 4 == 0 ? pick(List.of(Role.values()), step.who() / 4)
                        : pick(List.of(Role.PROSECUTOR, Role.LIAISON_PROSECUTOR), step.who());
                Instant at = step.flag() % 10 == 0 ? now.plusSeconds(1) : now.minus(Duration.ofHours(step.flag() % 48));
                List<LegalMatter> matters = step.much() % 3 == 0 ? List.of(new LegalMatter(LegalMatter.Kind.COURT_DATE,
                        LocalDate.ofInstant(now, scenario.history().zone()).plusDays(step.much() % 30)))
                        : List.of();
                command("record case of " + person + " at " + at + " by " + role, () -> programme.coordination()
                        .recordCase(Actor.of("pros", role), person, SITE, List.of(Offence.of("DRUG_POSSESSION",
                                OffenceLevel.MISDEMEANOR)), matters, at));
                return;
            }
            // lean towards the cases of LEAD participants still without a decision
            var lead = cases.stream().filter(c -> c.isLeadParticipant() && c.decision().isEmpty()).toList();
            PostEnrollmentCase c = !lead.isEmpty() && step.which() % 10 < 7 ? lead.get(step.which() / 10 % lead.size())
                    : cases.get(step.which() % cases.size());
            String about = " [" + c.person() + (c.isLeadParticipant() ? " LEAD" : "") + (c.referral().isPresent()
                    ? " routed" : "") + " consulted=" + c.consultation().isPresent() + "]";
            Role prosecutor = step.who() % 5 == 0 ? pick(List.of(Role.values()), step.who() / 5)
                    : pick(List.of(Role.PROSECUTOR, Role.LIAISON_PROSECUTOR), step.who());
            if (w < 5) {
                Outcome<PostEnrollmentCase> out = command("request consultation by " + prosecutor + about,
                        () -> programme.coordination().requestConsultation(c.id(), Actor.of("pros", prosecutor)));
                if (out.isSuccess()) {
                    reach(Path.CONSULTATION_REQUESTED);
                }
            } else if (w < 6) {
                Role role = step.who() % 4 == 0 ? pick(List.of(Role.values()), step.who()) : Role.CASE_MANAGER;
                String summary = step.flag() % 6 == 0 ? " " : "engaged, housing in progress";
                command("case manager input by " + role + about, () -> programme.coordination()
                        .recordCaseManagerInput(c.id(), Actor.of("cm1", role), summary));
            } else {
                ChargingDecision decision = pick(List.of(ChargingDecision.values()), step.much());
                Optional<String> waiver = switch (step.flag() % 4) {
                    case 0 -> Optional.of("urgent public safety matter");
                    case 1 -> Optional.of(" ");
                    default -> Optional.empty();
                };
                boolean onDisclosure = step.flag() % 7 == 0;
                Optional<String> basis = step.much() % 2 == 0 ? Optional.of("police report") : Optional.empty();
                Outcome<PostEnrollmentCase> out = command("decision " + decision + " waiver=" + waiver
                        + " basedOnLeadDisclosure=" + onDisclosure + " by " + prosecutor + about,
                        () -> programme.coordination().recordDecision(c.id(), Actor.of("pros", prosecutor), decision,
                                waiver, basis, onDisclosure));
                if (onDisclosure) {
                    assertFalse(out.isSuccess(), () -> "a decision resting on a LEAD disclosure is refused\n"
                            + story());
                }
                if (out.isSuccess() && c.isLeadParticipant()) {
                    reach(Path.LEAD_CASE_DECIDED);
                }
            }
        }

        // -- consent and disclosure --

        private void consent(Step step) {
            List<Consent> all = programme.consents().all();
            Instant now = clock.instant();
            if (!all.isEmpty() && step.what() % 10 < 3) {
                Consent c = all.get(step.which() % all.size());
                Role role = step.who() % 6 == 0 ? pick(List.of(Role.values()), step.who() / 6) : Role.PARTICIPANT;
                command("revoke consent " + c.type() + " of " + c.participant() + " by " + role,
                        () -> programme.disclosure().revoke(c.id(), actorAs(role, c.participant())));
                return;
            }
            PersonId person = new PersonId(pick(PEOPLE, step.which()));
            ConsentType type = pick(List.of(ConsentType.values()), step.much());
            Role by = step.who() % 8 == 0 ? pick(List.of(Role.values()), step.who() / 8)
                    : pick(List.of(Role.PARTICIPANT, Role.CASE_MANAGER), step.who());
            Set<Role> roles = subset(RECIPIENTS, step.flag(), step.what() % 9 == 0 ? 0 : 1);
            Set<String> agencies = step.much() % 4 == 0 ? Set.of("Agency A") : Set.of();
            Set<Purpose> purposes = subset(PURPOSES, step.flag() * 7 + step.much(), step.what() % 11 == 0 ? 0 : 1);
            Set<DataClass> classes = subset(CLASSES, step.which() * 3 + step.much(), 1);
            Optional<Instant> expires = switch (step.flag() % 5) {
                case 0 -> Optional.of(now.plus(Duration.ofDays(1 + step.much() % 60)));
                case 1 -> Optional.of(now);
                default -> Optional.empty();
            };
            command("consent " + type + " of " + person + " by " + by + " to " + roles + agencies + " for " + purposes
                    + " of " + classes + " until " + expires, () -> programme.disclosure().recordConsent(
                    actorAs(by, person), person, type, roles, agencies, purposes, classes, expires));
        }

        /** An actor in {@code role}: the person herself when the role is PARTICIPANT (her actor id is her person id). */
        private Actor actorAs(Role role, PersonId person) {
            return Actor.of(role == Role.PARTICIPANT ? person.value() : "p", role);
        }

        private void disclose(Step step) {
            List<Consent> all = programme.consents().all();
            Instant now = clock.instant();
            Actor requester = Actor.of("req", pick(List.of(Role.CASE_MANAGER, Role.PROJECT_MANAGER,
                    Role.PROSECUTOR), step.who()));
            DisclosureRequest request;
            if (!all.isEmpty() && step.what() % 10 < 6) {
                // shaped after a consent on file, so that grants (and refusals after a revocation) happen
                Consent c = all.get(step.which() % all.size());
                Role to = pick(new ArrayList<>(new TreeSet<>(c.recipientRoles())), step.much());
                Purpose purpose = step.flag() % 6 == 0 ? pick(List.of(Purpose.ENFORCEMENT, Purpose.EVIDENCE),
                        step.flag()) : pick(new ArrayList<>(new TreeSet<>(c.purposes())), step.flag());
                DataClass data = pick(new ArrayList<>(new TreeSet<>(c.dataClasses())), step.much() / 3);
                Optional<String> agency = c.recipientAgencies().isEmpty() ? Optional.empty()
                        : Optional.of(c.recipientAgencies().iterator().next());
                request = new DisclosureRequest(requester, to, agency, c.participant(), Set.of(data), purpose,
                        Optional.empty());
            } else {
                Purpose purpose = pick(PURPOSES, step.flag());
                request = DisclosureRequest.of(requester, pick(RECIPIENTS, step.much()),
                        new PersonId(pick(PEOPLE, step.which())), subset(CLASSES, step.much() + step.flag(), 1),
                        purpose);
            }
            Snapshot before = snapshot();
            DisclosureDecision decision = programme.disclosure().disclose(request);
            boolean granted = decision instanceof DisclosureDecision.Granted;
            log.add("disclose " + request.dataClasses() + " of " + request.participant() + " to "
                    + request.recipientRole() + request.recipientAgency().map(a -> "/" + a).orElse("") + " for "
                    + request.purpose() + " by " + requester.role() + " at " + now + " → "
                    + (granted ? "granted" : "refused"));
            assertEquals(before.disclosures() + 1, programme.disclosures().entries().size(),
                    () -> "every disclosure decision is logged once\n" + story());
            if (request.purpose().isEnforcement()) {
                assertFalse(granted, () -> "a disclosure for " + request.purpose() + " was granted\n" + story());
                reach(Path.ENFORCEMENT_REFUSED);
            } else if (granted) {
                reach(Path.DISCLOSURE_GRANTED);
            } else if (revokedConsentWouldCover(request, now)) {
                reach(Path.REVOKED_THEN_REFUSED);
            }
        }

        /** Whether a consent revoked by {@code now} would, unrevoked, have covered the whole request. */
        private boolean revokedConsentWouldCover(DisclosureRequest request, Instant now) {
            for (Consent c : programme.consents().of(request.participant())) {
                if (c.revokedAt().filter(t -> !t.isAfter(now)).isEmpty()) {
                    continue;
                }
                var unrevoked = new Consent(c.id(), c.participant(), c.type(), c.recipientRoles(),
                        c.recipientAgencies(), c.purposes(), c.dataClasses(), c.signedAt(), c.expiresAt(),
                        Optional.empty());
                boolean typeFits = c.type() == ConsentType.MULTI_PARTY_ROI || (c.type() == ConsentType.PART2
                        && request.dataClasses().equals(Set.of(DataClass.SUD_PART2)));
                if (typeFits && request.dataClasses().stream().allMatch(d -> unrevoked.covers(request.recipientRole(),
                        request.recipientAgency(), request.purpose(), d, now))) {
                    return true;
                }
            }
            return false;
        }

        // -- work group and the clock --

        private void meeting() {
            Instant now = clock.instant();
            if (programme.meetings().all().stream().anyMatch(m -> m.at().equals(now))) {
                return;
            }
            programme.meetings().add(Meeting.of(SITE, scenario.history().zone(), now, Optional.empty(),
                    Optional.empty(), Meeting.DEFAULT_CADENCE_DAYS));
            log.add("OWG meeting at " + now);
            reach(Path.MEETING_HELD);
        }

        private void advance(Step step) {
            Instant now = clock.instant();
            Instant to = now.plus(plannedAdvance(step.much()));
            String how = "by " + plannedAdvance(step.much());
            if (step.flag() % 4 == 0) {
                // just past the inactivity threshold of an active enrollment
                var active = enrollments().stream().filter(e -> e.status() == EnrollmentStatus.ACTIVE).toList();
                if (!active.isEmpty()) {
                    Enrollment e = active.get(step.which() % active.size());
                    Instant due = e.lastEngagementAt().plus(Duration.ofDays(
                            policyNow().enrollment().inactivityThresholdDays())).plusSeconds(step.which() % 120);
                    if (due.isAfter(to)) {
                        to = due;
                        how = "to the inactivity threshold of " + e.person();
                    }
                }
            }
            clock.set(to);
            log.add("clock " + how + " → " + to + " (" + to.atZone(scenario.history().zone()) + ")");
            if (step.flag() % 2 == 0) {
                // the host's scheduler ticks after the clock moved
                sweep(step);
            }
        }

        // -- one command and the checks around it --

        private <T> Outcome<T> command(String what, Supplier<Outcome<T>> run) {
            Snapshot before = snapshot();
            Outcome<T> out = run.get();
            log.add(what + " at " + clock.instant() + " → " + (out.isSuccess()
                    ? "ok " + out.events().stream().map(DomainEvent::type).toList()
                    : "rejected " + out.errors().stream().map(e -> e.code() + "/" + e.rule()).toList()));
            Snapshot after = snapshot();
            if (!out.isSuccess()) {
                reach(Path.REJECTED_COMMAND);
                assertEquals(before, after, () -> "a rejected command changes nothing\n" + story());
                return out;
            }
            List<DomainEvent> appended = programme.events().subList(before.events(), after.events());
            assertEquals(out.events(), appended, () -> "a command stores exactly its own events\n" + story());
            appended.forEach(e -> assertEquals(clock.instant(), e.occurredAt(),
                    () -> e.type() + " is dated by the clock\n" + story()));
            if (out.events().isEmpty()) {
                assertEquals(before, after, () -> "a command without events changes nothing\n" + story());
            }
            for (DomainEvent e : appended) {
                if (e instanceof EnrollmentEvent.EnrollmentStarted) {
                    reach(Path.ENROLLED);
                }
            }
            return out;
        }

        /** Every version and count the programme stores: equal snapshots mean nothing was written. */
        private record Snapshot(Map<String, Long> versions, int events, int disclosures, int meetings) {
        }

        private Snapshot snapshot() {
            var v = new HashMap<String, Long>();
            programme.referrals().all().forEach(r -> v.put("referral " + r.id(), r.version()));
            programme.enrollments().all().forEach(e -> v.put("enrollment " + e.id(), e.version()));
            programme.caseloads().all().forEach((site, c) -> v.put("caseloads " + site, c.version()));
            programme.plans().all().forEach(p -> v.put("plan " + p.enrollment(), p.version()));
            programme.funds().all().forEach(f -> v.put("fund " + f.enrollment(), f.version()));
            programme.consents().all().forEach(c -> v.put("consent " + c.id(), c.version()));
            programme.cases().all().forEach(c -> v.put("case " + c.id(), c.version()));
            return new Snapshot(v, programme.events().size(), programme.disclosures().entries().size(),
                    programme.meetings().all().size());
        }

        private void checkAfterStep(String when) {
            ProgrammeRecord record = programme.record();
            List<Violation> violations = RuleCatalogue.checkAll(record);
            if (!violations.isEmpty()) {
                fail("rules broken " + when + ":\n  " + String.join("\n  ",
                        violations.stream().map(Violation::toString).toList()) + "\n" + story());
            }
            record.caseloads().values().forEach(c -> {
                Map<CaseManagerId, Integer> held = new TreeMap<>();
                c.assignments().values().forEach(cm -> held.merge(cm, 1, Integer::sum));
                held.forEach((cm, n) -> assertTrue(n <= maxCap, () -> cm + " holds " + n + " open enrollments, above"
                        + " every cap (" + maxCap + ") " + when + "\n" + story()));
            });
            for (var e : record.disclosures()) {
                assertFalse(e.granted() && e.purpose().isEnforcement(), () -> "disclosure " + e.sequence()
                        + " for " + e.purpose() + " was granted " + when + "\n" + story());
            }
            counts.put(Path.ROUTED_POST_ENROLLMENT_CASE,
                    (int) record.cases().stream().filter(c -> c.referral().isPresent()).count());
        }

        private String story() {
            return scenario + "\ncommands:\n  " + String.join("\n  ", log);
        }

        // -- helpers --

        private static <T> T pick(List<T> values, int die) {
            return values.get(Math.floorMod(die, values.size()));
        }

        /** The values whose bit is set in {@code bits}, at least {@code min} of them (the first ones). */
        private static <T extends Enum<T>> Set<T> subset(List<T> values, int bits, int min) {
            var out = new TreeSet<T>();
            long h = (bits + 1) * 0x9E3779B97F4A7C15L;
            for (int i = 0; i < values.size(); i++) {
                if ((h >>> (i * 3 + 5) & 3) == 0) {
                    out.add(values.get(i));
                }
            }
            for (int i = 0; out.size() < min && i < values.size(); i++) {
                out.add(values.get(Math.floorMod(bits + i, values.size())));
            }
            return out.isEmpty() ? Set.of() : EnumSet.copyOf(out);
        }
    }

}
