/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.DoorPolicy;
import org.leaddiversion.domain.policy.EligibilityAuthority;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SitePolicyHistory;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.leaddiversion.domain.rules.ProgrammeRecord;
import org.leaddiversion.domain.rules.RuleCatalogue;
import org.leaddiversion.domain.rules.Violation;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Stateful property test of the referral lifecycle. Each example is a site with one or two policy versions, a clock,
 * a caseload capacity and 20–60 steps: submissions, every referral command by actors of random roles, withdrawals
 * from enrollments, clock moves (some landing on the last nanosecond or the first late instant of a deadline) and
 * deadline sweeps. Commands lean towards the open referrals and the next step of the happy path, so examples reach
 * completed intakes, lapses, withdrawals, declines and both fates of a held charge.
 *
 * <p>After every step: the whole rule catalogue holds over the programme; a rejected command changed nothing; a
 * successful one appended exactly its own events, dated now; a sweep lapses every due referral and a second sweep
 * straight after it appends nothing.
 */
class ReferralLifecycleStatefulTest {

    private static final SiteId SITE = new SiteId("stateful-site");
    /** Examples per run; raise it with -Dlifecycle.examples=5000 when hunting. */
    private static final int EXAMPLES = Integer.getInteger("lifecycle.examples", 300);

    /** Where a step goes; the kind is fixed when the example is generated, the details are chosen at run time. */
    enum Kind { SUBMIT, ACT, ADVANCE, SWEEP }

    /**
     * One step. {@code submissions} holds, for each policy version, a submission made for it (used by SUBMIT steps
     * under the version in force then); the dice choose target, command, actor and amounts against the state.
     */
    record Step(Kind kind, List<ReferralSubmission> submissions, int what, int which, int who, int much, int flag) {
    }

    record Scenario(SitePolicyHistory history, Instant start, long seed, OptionalInt capacity, List<Step> steps) {
        @Override
        public String toString() {
            var sb = new StringBuilder("Scenario{zone=" + history.zone() + ", start=" + start + ", seed=" + seed
                    + ", capacity=" + (capacity.isPresent() ? capacity.getAsInt() : "notTracked") + ", steps="
                    + steps.size());
            for (SitePolicy p : history.versions()) {
                sb.append("\n  v").append(p.version()).append(" from ").append(p.effectiveFrom()).append(" doors=")
                        .append(p.doors().keySet()).append(" deadlineDays=").append(p.intake().deadlineDays())
                        .append(" roi=").append(p.intake().requiresRoi()).append(" extensions=")
                        .append(p.intake().extensionsAllowed()).append(" lapse=").append(p.lapse().recipient());
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

    static Gen<Scenario> scenarios() {
        return in -> {
            ZoneId zone = LeadGenerators.ZONES.get(between(in, 0, LeadGenerators.ZONES.size() - 1));
            Instant start = LeadGenerators.referralInstants().generate(in);
            LocalDate startDate = LocalDate.ofInstant(start, zone);
            var versions = new ArrayList<SitePolicy>();
            versions.add(LeadGenerators.sitePolicy(in, SITE, 1, startDate.minusYears(1), zone));
            if (chance(in, 50)) {
                // version 2 takes effect during the run: referrals before it keep version 1, later ones use it
                versions.add(LeadGenerators.sitePolicy(in, SITE, 2, startDate.plusDays(between(in, 1, 40)), zone));
            }
            var history = new SitePolicyHistory(SITE, zone, versions);
            OptionalInt capacity = chance(in, 35) ? OptionalInt.of(between(in, 1, 12)) : OptionalInt.empty();
            long seed = between(in, 0, 1_000_000);
            int n = between(in, 20, 60);
            var steps = new ArrayList<Step>(n);
            LocalDate planned = startDate;
            for (int i = 0; i < n; i++) {
                int k = between(in, 1, 100);
                Kind kind = k <= 22 ? Kind.SUBMIT : k <= 80 ? Kind.ACT : k <= 93 ? Kind.ADVANCE : Kind.SWEEP;
                int what = between(in, 0, 999);
                int which = between(in, 0, 999);
                int who = between(in, 0, 999);
                int much = between(in, 0, 999);
                int flag = between(in, 0, 999);
                var submissions = new ArrayList<ReferralSubmission>();
                if (kind == Kind.SUBMIT) {
                    // facts are dated from the planned date, never later than the date the step actually runs
                    for (SitePolicy p : versions) {
                        submissions.add(chance(in, 70) ? LeadGenerators.admissibleSubmission(in, p, planned)
                                : LeadGenerators.submission(in, p, planned));
                    }
                }
                if (kind == Kind.ADVANCE) {
                    planned = LocalDate.ofInstant(start.plus(plannedAdvanceTotal(steps, much)), zone);
                }
                steps.add(new Step(kind, submissions, what, which, who, much, flag));
            }
            return new Scenario(history, start, seed, capacity, steps);
        };
    }

    /** A lower bound of how far the clock has moved after the ADVANCE steps so far plus one more. */
    private static Duration plannedAdvanceTotal(List<Step> before, int much) {
        Duration total = plannedAdvance(much);
        for (Step s : before) {
            if (s.kind() == Kind.ADVANCE) {
                total = total.plus(plannedAdvance(s.much()));
            }
        }
        return total;
    }

    /** The move a die asks for; deadline jumps (resolved at run time) only ever add to it. */
    static Duration plannedAdvance(int much) {
        int mode = much % 100;
        int amount = much / 100;
        if (mode < 25) {
            return Duration.ofMinutes(1 + amount * 53L);
        }
        if (mode < 45) {
            return Duration.ofHours(1 + amount * 7L);
        }
        if (mode < 70) {
            return Duration.ofDays(1 + (amount * 4L) % 40);
        }
        return Duration.ofMinutes(1);
    }

    // ---- the property ---------------------------------------------------------------------------------------

    @Test
    void every_rule_holds_after_every_step_of_random_referral_lifecycles() {
        var reached = new EnumMap<ReferralStatus, Integer>(ReferralStatus.class);
        var cases = new EnumMap<DivertedCaseStatus, Integer>(DivertedCaseStatus.class);
        var rejections = new int[1];
        qt().withExamples(EXAMPLES).forAll(scenarios()).checkAssert(s -> {
            var run = new Run(s);
            run.play();
            run.seen.forEach(st -> reached.merge(st, 1, Integer::sum));
            run.seenCases.forEach(st -> cases.merge(st, 1, Integer::sum));
            rejections[0] += run.rejected;
        });
        for (ReferralStatus st : List.of(ReferralStatus.INTAKE_COMPLETED, ReferralStatus.INTAKE_LAPSED,
                ReferralStatus.DECLINED_BY_PERSON, ReferralStatus.WITHDRAWN, ReferralStatus.INELIGIBLE,
                ReferralStatus.PENDING_INTAKE)) {
            assertTrue(reached.getOrDefault(st, 0) >= 5, () -> "the generated lifecycles rarely reach " + st
                    + ": " + reached);
        }
        for (DivertedCaseStatus st : List.of(DivertedCaseStatus.NOT_FILED,
                DivertedCaseStatus.RELEASED_FOR_ORDINARY_REVIEW, DivertedCaseStatus.HELD)) {
            assertTrue(cases.getOrDefault(st, 0) >= 5, () -> "the generated lifecycles rarely reach a " + st
                    + " case: " + cases);
        }
        System.out.println("examples reaching each referral state: " + reached + "; held-charge states: " + cases);
        assertTrue(rejections[0] > 0, "some commands must be refused, or the rejection checks prove nothing");
    }

    // ---- running one scenario -------------------------------------------------------------------------------

    /** One example: the programme, its clock, the command history and the checks after each step. */
    private static final class Run {
        private static final List<Role> ROLES = List.of(Role.values());

        private final Scenario scenario;
        private final MutableClock clock;
        private final InMemoryProgramme programme;
        private final ReferralDesk desk;
        private final List<ReferralId> ids = new ArrayList<>();
        private final List<String> log = new ArrayList<>();
        private int rejected;
        /** Referral and held-charge states this example passed through. */
        private final Set<ReferralStatus> seen = EnumSet.noneOf(ReferralStatus.class);
        private final Set<DivertedCaseStatus> seenCases = EnumSet.noneOf(DivertedCaseStatus.class);

        Run(Scenario scenario) {
            this.scenario = scenario;
            this.clock = new MutableClock(scenario.start());
            CaseloadCapacity capacity = scenario.capacity().isPresent()
                    ? CaseloadCapacity.fixed(scenario.capacity().getAsInt()) : CaseloadCapacity.notTracked();
            this.programme = new InMemoryProgramme(clock, IdGenerator.sequential(scenario.seed()), capacity);
            programme.policies().put(scenario.history());
            this.desk = programme.desk();
        }

        void play() {
            int n = 0;
            for (Step step : scenario.steps()) {
                n++;
                switch (step.kind()) {
                    case SUBMIT -> submit(step);
                    case ACT -> act(step);
                    case ADVANCE -> advance(step);
                    case SWEEP -> sweep(step);
                    default -> throw new IllegalStateException();
                }
                checkRules("after step " + n);
            }
        }

        // -- steps --

        private void submit(Step step) {
            SitePolicy policy = programme.policies().inForceAt(SITE, clock.instant()).orElseThrow();
            ReferralSubmission submission = step.submissions().get(policy.version() - 1);
            Outcome<Referral> out = command("submit " + submission.door() + " for " + submission.person().id()
                    + " by " + submission.referrer().actor().role() + " (consents=" + submission.personConsents()
                    + ", v" + policy.version() + ")", Optional.empty(), () -> desk.submit(submission));
            if (out.isSuccess()) {
                ids.add(out.value().id());
                assertEquals(0, out.value().version(), "a new referral starts at version 0");
                assertEquals(policy.version(), out.value().policyVersion(), "screened under the version in force");
            }
        }

        private void act(Step step) {
            if (ids.isEmpty()) {
                sweep(step);
                return;
            }
            Referral r = target(step);
            SitePolicy p = policyOf(r);
            if (step.what() % 100 < 65) {
                happyPath(step, r, p);
            } else {
                anyCommand(step, r, p);
            }
        }

        private Referral target(Step step) {
            var open = new ArrayList<Referral>();
            var all = new ArrayList<Referral>();
            for (ReferralId id : ids) {
                Referral r = programme.referrals().find(id).orElseThrow();
                all.add(r);
                if (!r.status().isTerminal() || r.divertedCase().map(c -> c.status() == DivertedCaseStatus.NOT_FILED
                        || c.status() == DivertedCaseStatus.RELEASED_FOR_ORDINARY_REVIEW).orElse(false)) {
                    open.add(r);
                }
            }
            if (!open.isEmpty() && step.which() % 10 < 8) {
                return open.get(step.which() / 10 % open.size());
            }
            return all.get(step.which() % all.size());
        }

        /** The next step the people around the referral would usually take. */
        private void happyPath(Step step, Referral r, SitePolicy p) {
            ReferralId id = r.id();
            DoorPolicy door = p.door(r.door()).orElseThrow();
            int f = step.flag() % 10;
            switch (r.status()) {
                case SUBMITTED -> {
                    if (f == 0) {
                        referralCommand("person declines", r, () -> desk.recordDecline(id, actor("cm", Role.CASE_MANAGER)));
                    } else if (r.consent().isEmpty()) {
                        referralCommand("consent", r, () -> desk.recordConsent(id, actor("cm", Role.CASE_MANAGER)));
                    } else if (r.door() == Door.ARREST_DIVERSION && r.handoff().isEmpty()) {
                        Instant now = clock.instant();
                        Instant called = later(r.referredAt(), now.minus(Duration.ofMinutes(step.much() % 90)));
                        referralCommand("hand-off", r, () -> desk.recordHandoff(id, actor("cm", Role.CASE_MANAGER),
                                called, now));
                    } else if (door.needsApproval() && r.approval().isEmpty()) {
                        Role role = pick(new ArrayList<>(door.approvalRoles()), step.who());
                        referralCommand("approve", r, () -> desk.approve(id, actor("approver", role)));
                    } else if (door.authority() != EligibilityAuthority.OFFICER_ONLY && f < 3) {
                        Role role = pick(new ArrayList<>(door.authorityRoles()), step.who());
                        referralCommand("authority confirms", r, () -> desk.decideEligibility(id, actor("auth", role),
                                true, null));
                    } else {
                        referralCommand("accept", r, () -> desk.accept(id, actor("cm", Role.CASE_MANAGER)));
                    }
                }
                case PRESUMPTIVELY_INELIGIBLE -> {
                    Role role = pick(new ArrayList<>(p.overrideAuthority()), step.who());
                    if (f < 3) {
                        referralCommand("confirm exclusion", r, () -> desk.confirmExclusion(id, actor("ovr", role),
                                "history confirmed"));
                    } else {
                        referralCommand("override", r, () -> desk.override(id, actor("ovr", role), "PCG override"));
                    }
                }
                case DEFERRED_CAPACITY -> referralCommand("accept (queued)", r,
                        () -> desk.accept(id, actor("cm", Role.CASE_MANAGER)));
                case PENDING_INTAKE -> {
                    if (f == 0) {
                        referralCommand("person withdraws", r, () -> desk.withdraw(id, actor("p", Role.PARTICIPANT), null));
                    } else if (f == 1 && door.authority() != EligibilityAuthority.OFFICER_ONLY) {
                        Role role = pick(new ArrayList<>(door.authorityRoles()), step.who());
                        referralCommand("authority rejects", r, () -> desk.decideEligibility(id, actor("auth", role),
                                false, "not suitable"));
                    } else if (f == 2 && p.intake().extensionsAllowed()) {
                        Role role = pick(new ArrayList<>(p.intake().extensionAuthority()), step.who());
                        LocalDate to = r.intakeDeadline().date().plusDays(1 + step.much() % 12);
                        referralCommand("extend deadline to " + to, r, () -> desk.extendDeadline(id, actor("ext", role),
                                to, "in hospital"));
                    } else if (p.intake().requiresRoi() && step.flag() % 2 == 0) {
                        referralCommand("ROI signed", r, () -> desk.recordRoiSignature(id, actor("cm", Role.CASE_MANAGER)));
                    } else {
                        referralCommand("intake assessment", r, () -> desk.completeIntake(id, actor("cm", Role.CASE_MANAGER)));
                    }
                }
                default -> afterTheReferral(step, r);
            }
        }

        /** A terminal referral: the enrollment, the held charge's later life. */
        private void afterTheReferral(Step step, Referral r) {
            ReferralId id = r.id();
            Optional<DivertedCase> c = r.divertedCase();
            int f = step.flag() % 4;
            if (c.isPresent() && c.get().status() == DivertedCaseStatus.NOT_FILED && f == 0) {
                referralCommand("prosecutor releases for later non-engagement", r,
                        () -> desk.releaseForLaterNonEngagement(id, actor("pros", Role.PROSECUTOR), "no contact"));
            } else if (c.isPresent() && f == 1) {
                DivertedCaseStatus outcome = step.much() % 2 == 0 ? DivertedCaseStatus.FILED : DivertedCaseStatus.DECLINED;
                referralCommand("ordinary review " + outcome, r,
                        () -> desk.recordOrdinaryReview(id, actor("pros", Role.PROSECUTOR), outcome));
            } else if (r.enrollment().isPresent()) {
                EnrollmentId e = r.enrollment().get();
                enrollmentCommand("participant leaves enrollment " + e, () -> desk.withdrawFromEnrollment(e,
                        actor("p", Role.PARTICIPANT)));
            } else {
                referralCommand("intake assessment (late or closed)", r,
                        () -> desk.completeIntake(id, actor("cm", Role.CASE_MANAGER)));
            }
        }

        /** Any command, by an actor of any role, with any reason. */
        private void anyCommand(Step step, Referral r, SitePolicy p) {
            ReferralId id = r.id();
            Actor a = actor(step.who() % 3 == 0 ? r.submission().referrer().actor().id().value() : "x" + step.who() % 2,
                    pick(ROLES, step.who() / 3));
            String reason = step.flag() % 5 == 0 ? " " : "reason " + step.flag();
            Instant now = clock.instant();
            switch (step.what() % 16) {
                case 0 -> referralCommand("consent by " + a, r, () -> desk.recordConsent(id, a));
                case 1 -> referralCommand("decline by " + a, r, () -> desk.recordDecline(id, a));
                case 2 -> {
                    Instant called = now.minus(Duration.ofMinutes(step.much() % 120));
                    Instant arrived = step.flag() % 3 == 0 ? now.plusSeconds(1) : now.minus(Duration.ofMinutes(step.much() % 7));
                    referralCommand("hand-off " + called + "→" + arrived, r,
                            () -> desk.recordHandoff(id, a, called, arrived));
                }
                case 3 -> referralCommand("approve by " + a, r, () -> desk.approve(id, a));
                case 4 -> referralCommand("override by " + a + " '" + reason + "'", r, () -> desk.override(id, a, reason));
                case 5 -> referralCommand("confirm exclusion by " + a, r, () -> desk.confirmExclusion(id, a, reason));
                case 6 -> referralCommand("accept by " + a, r, () -> desk.accept(id, a));
                case 7 -> {
                    boolean confirm = step.flag() % 2 == 0;
                    referralCommand((confirm ? "confirm" : "reject") + " eligibility by " + a + " '" + reason + "'", r,
                            () -> desk.decideEligibility(id, a, confirm, reason));
                }
                case 8 -> referralCommand("intake assessment by " + a, r, () -> desk.completeIntake(id, a));
                case 9 -> referralCommand("ROI witnessed by " + a, r, () -> desk.recordRoiSignature(id, a));
                case 10 -> referralCommand("withdraw by " + a + " '" + reason + "'", r, () -> desk.withdraw(id, a, reason));
                case 11 -> {
                    var open = programme.enrollments().all();
                    if (open.isEmpty()) {
                        referralCommand("withdraw by " + a, r, () -> desk.withdraw(id, a, null));
                    } else {
                        EnrollmentId e = open.get(step.much() % open.size()).id();
                        enrollmentCommand("leave enrollment " + e + " by " + a, () -> desk.withdrawFromEnrollment(e, a));
                    }
                }
                case 12 -> {
                    LocalDate to = r.intakeDeadline().date().plusDays(step.much() % 40 - 5);
                    referralCommand("extend deadline to " + to + " by " + a, r,
                            () -> desk.extendDeadline(id, a, to, reason));
                }
                case 13 -> {
                    DivertedCaseStatus outcome = step.much() % 2 == 0 ? DivertedCaseStatus.FILED : DivertedCaseStatus.DECLINED;
                    referralCommand("ordinary review " + outcome + " by " + a, r,
                            () -> desk.recordOrdinaryReview(id, a, outcome));
                }
                case 14 -> referralCommand("release for later non-engagement by " + a, r,
                        () -> desk.releaseForLaterNonEngagement(id, a, reason));
                default -> referralCommand("accept by " + a, r, () -> desk.accept(id, a));
            }
        }

        private void advance(Step step) {
            Instant now = clock.instant();
            Instant to;
            String how;
            if (step.much() % 100 >= 70) {
                // land on the edge of an open referral's deadline: last nanosecond, first late instant, or just after
                var open = programme.referrals().all().stream().filter(r -> !r.status().isTerminal()).toList();
                Instant edge = open.isEmpty() ? now.plusSeconds(60)
                        : open.get(step.which() % open.size()).intakeDeadline().firstLateInstant();
                to = switch (step.flag() % 3) {
                    case 0 -> edge.minusNanos(1);
                    case 1 -> edge;
                    default -> edge.plusSeconds(1 + step.which() % 3600);
                };
                how = "to deadline edge " + to;
                if (!to.isAfter(now)) {
                    to = now.plus(Duration.ofMinutes(1));
                }
            } else {
                to = now.plus(plannedAdvance(step.much()));
                how = "by " + plannedAdvance(step.much());
            }
            clock.set(to);
            log.add("clock " + how + " → " + to + " (" + to.atZone(scenario.history().zone()) + ")");
        }

        private void sweep(Step step) {
            int times = step.flag() % 3 == 0 ? 2 : 1;
            for (int i = 0; i < times; i++) {
                int eventsBefore = programme.events().size();
                var due = desk.dueForLapse();
                SweepReport report = desk.sweepDeadlines();
                List<DomainEvent> appended = programme.events().subList(eventsBefore, programme.events().size());
                log.add("sweep → lapsed " + report.lapsed().size() + ", skipped " + report.skipped().size()
                        + ", " + appended.size() + " events");
                String story = story();
                assertEquals(due, report.lapsed(), () -> "the sweep lapses exactly the due referrals\n" + story);
                assertTrue(report.skipped().isEmpty(), () -> "a lone sweep skips nothing\n" + story);
                assertTrue(desk.dueForLapse().isEmpty(), () -> "nothing is left due after a sweep\n" + story);
                for (ReferralId id : report.lapsed()) {
                    Referral r = programme.referrals().find(id).orElseThrow();
                    assertEquals(ReferralStatus.INTAKE_LAPSED, r.status(), () -> "lapsed\n" + story);
                    assertEquals(1, appended.stream().filter(e -> e instanceof ReferralEvent.IntakeLapsed l
                            && l.referralId().equals(id)).count(), () -> "one IntakeLapsed per lapse\n" + story);
                }
                appended.forEach(e -> assertEquals(clock.instant(), e.occurredAt(), () -> "dated now\n" + story));
                if (i == 1) {
                    assertTrue(appended.isEmpty() && report.lapsed().isEmpty(),
                            () -> "a second sweep straight after the first appends nothing\n" + story);
                }
                checkRules("after sweep " + (i + 1));
            }
        }

        // -- one command and the checks around it --

        private void referralCommand(String what, Referral target, Supplier<Outcome<Referral>> run) {
            Outcome<Referral> out = command(what + " [" + shortId(target.id()) + " " + target.door() + " "
                    + target.status() + " v" + target.version() + "]", Optional.of(target.id()), run);
            if (out.isSuccess()) {
                Referral stored = programme.referrals().find(target.id()).orElseThrow();
                long expected = out.events().isEmpty() ? target.version() : target.version() + 1;
                assertEquals(expected, stored.version(), () -> "one version per successful change\n" + story());
            }
        }

        private void enrollmentCommand(String what, Supplier<Outcome<Enrollment>> run) {
            command(what, Optional.empty(), run);
        }

        private <T> Outcome<T> command(String what, Optional<ReferralId> target, Supplier<Outcome<T>> run) {
            Snapshot before = snapshot();
            Outcome<T> out = run.get();
            log.add(what + " at " + clock.instant() + " → " + (out.isSuccess()
                    ? "ok " + out.events().stream().map(DomainEvent::type).toList()
                    + (out.warnings().isEmpty() ? "" : " warnings " + out.warnings().stream().map(w -> w.code()).toList())
                    : "rejected " + out.errors().stream().map(e -> e.code() + "/" + e.rule()).toList()));
            Snapshot after = snapshot();
            if (!out.isSuccess()) {
                rejected++;
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
            target.ifPresent(id -> before.referrals().keySet().forEach(other -> {
                if (!other.equals(id)) {
                    assertEquals(before.referrals().get(other), after.referrals().get(other),
                            () -> "a command changes only its own referral\n" + story());
                }
            }));
            return out;
        }

        private record Snapshot(Map<ReferralId, Long> referrals, Map<EnrollmentId, Long> enrollments, int events) {
        }

        private Snapshot snapshot() {
            var refs = new HashMap<ReferralId, Long>();
            programme.referrals().all().forEach(r -> refs.put(r.id(), r.version()));
            var enr = new HashMap<EnrollmentId, Long>();
            programme.enrollments().all().forEach(e -> enr.put(e.id(), e.version()));
            return new Snapshot(refs, enr, programme.events().size());
        }

        private void checkRules(String when) {
            ProgrammeRecord record = new ProgrammeRecord(programme.policies(), programme.referrals().all(),
                    programme.enrollments().all(), programme.events(), clock.instant());
            for (Referral r : record.referrals()) {
                seen.add(r.status());
                r.divertedCase().ifPresent(c -> seenCases.add(c.status()));
            }
            List<Violation> violations = RuleCatalogue.checkAll(record);
            if (!violations.isEmpty()) {
                fail("rules broken " + when + ":\n  " + String.join("\n  ",
                        violations.stream().map(Violation::toString).toList()) + "\n" + story());
            }
        }

        private String story() {
            return scenario + "\ncommands:\n  " + String.join("\n  ", log);
        }

        // -- helpers --

        private SitePolicy policyOf(Referral r) {
            return programme.policies().version(SITE, r.policyVersion()).orElseThrow();
        }

        private static Actor actor(String id, Role role) {
            return Actor.of(id, role);
        }

        private static <T> T pick(List<T> values, int die) {
            return values.get(Math.floorMod(die, values.size()));
        }

        private static Instant later(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }

        private static String shortId(ReferralId id) {
            String s = id.toString();
            return s.substring(s.length() - 4);
        }
    }
}
