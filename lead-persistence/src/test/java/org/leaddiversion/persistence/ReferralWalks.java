/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.leaddiversion.domain.fixtures.LeadGenerators.between;
import static org.leaddiversion.domain.fixtures.LeadGenerators.chance;
import static org.leaddiversion.domain.fixtures.LeadGenerators.pick;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.LeadGenerators.ScreeningCase;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.fixtures.ProgrammeFixtures;
import org.leaddiversion.domain.intake.CaseloadCapacity;
import org.leaddiversion.domain.intake.DivertedCaseStatus;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralDesk;
import org.leaddiversion.domain.intake.ReferralEvent;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Referrals as the real domain makes them: a generated site policy, one to three submissions to an in-memory
 * programme (with or without a capacity gate), then a random walk of desk commands by staff of every role, clock moves
 * across deadlines and deadline sweeps. Every version each referral passed through is kept with the events its
 * command produced, so a store can be fed the same sequence of saves the desk made. Examples reach every referral
 * status and every state of a held charge.
 */
final class ReferralWalks {

    /** One save the desk made: the referral's new version and its own events, in order. */
    record Saved(Referral referral, List<DomainEvent> events) {
    }

    /** The versions of each referral of one programme, oldest first. */
    record Walk(List<List<Saved>> histories, String story) {

        /** The last version of every referral. */
        List<Referral> finals() {
            return histories.stream().map(h -> h.get(h.size() - 1).referral()).toList();
        }

        @Override
        public String toString() {
            return story;
        }
    }

    /** Ids of different examples never collide: each programme numbers its ids from its own seed. */
    private static final AtomicLong SEEDS = new AtomicLong(System.nanoTime() & 0xFFFF_FFFFL);

    private static final List<Actor> STAFF = List.of(Fixtures.CASE_MANAGER, Fixtures.PROJECT_MANAGER,
            Fixtures.PROSECUTOR, Fixtures.SERGEANT, Fixtures.OFFICER, Actor.of("liaison-1", Role.LIAISON_PROSECUTOR),
            Actor.of("outreach-1", Role.OUTREACH_WORKER));

    private ReferralWalks() {
    }

    static Gen<Walk> walks() {
        return ReferralWalks::walk;
    }

    private static Walk walk(RandomnessSource in) {
        ScreeningCase c = chance(in, 60)
                ? LeadGenerators.admissibleCases(pick(in, List.of(Door.values()))).generate(in)
                : LeadGenerators.screeningCases().generate(in);
        SitePolicy policy = c.policy();
        int capacityKind = between(in, 0, 9);
        CaseloadCapacity capacity = capacityKind < 6 ? CaseloadCapacity.notTracked()
                : CaseloadCapacity.fixed(capacityKind - 6);
        var clock = new MutableClock(c.referredAt());
        var programme = new InMemoryProgramme(clock, IdGenerator.sequential(SEEDS.addAndGet(1_000_003L) * 7_919L),
                capacity);
        programme.policies().put(ProgrammeFixtures.history(policy));
        ReferralDesk desk = programme.desk();
        var story = new StringBuilder("policy v" + policy.version() + " of " + policy.siteId() + " in "
                + policy.zone() + ", capacity " + capacity.of(policy.siteId()) + " at " + c.referredAt());
        Map<ReferralId, List<Saved>> histories = new LinkedHashMap<>();

        var submissions = new ArrayList<ReferralSubmission>(List.of(c.submission()));
        LocalDate day = LocalDate.ofInstant(c.referredAt(), policy.zone());
        for (int i = between(in, 0, 2); i > 0; i--) {
            submissions.add(LeadGenerators.admissibleSubmission(in, policy, day));
        }
        for (ReferralSubmission s : submissions) {
            int before = programme.events().size();
            Outcome<Referral> out = desk.submit(s);
            story.append("\n submit ").append(s.door()).append(": ").append(out.isSuccess() ? out.value().status()
                    : out.errors());
            if (out.isSuccess()) {
                Referral r = out.value();
                histories.put(r.id(), new ArrayList<>(List.of(new Saved(r, eventsOf(programme, before, r.id())))));
            }
        }
        List<ReferralId> ids = new ArrayList<>(histories.keySet());
        if (ids.isEmpty()) {
            return new Walk(List.of(), story.toString());
        }
        for (int step = between(in, 0, 14); step > 0; step--) {
            ReferralId id = pick(in, ids);
            int before = programme.events().size();
            int command = between(in, 0, 19);
            int who = between(in, 0, STAFF.size() - 1);
            String done = act(in, desk, programme, clock, policy, id, command, who);
            story.append("\n ").append(done);
            for (ReferralId each : ids) {
                List<Saved> h = histories.get(each);
                Referral now = programme.referrals().find(each).orElseThrow();
                if (now.version() != h.get(h.size() - 1).referral().version()) {
                    h.add(new Saved(now, eventsOf(programme, before, each)));
                    story.append(" -> ").append(now.status()).append(" v").append(now.version());
                }
            }
        }
        return new Walk(List.copyOf(histories.values()), story.toString());
    }

    private static String act(RandomnessSource in, ReferralDesk desk, InMemoryProgramme programme, MutableClock clock,
                              SitePolicy policy, ReferralId id, int command, int who) {
        Referral r = programme.referrals().find(id).orElseThrow();
        Actor cm = Fixtures.CASE_MANAGER;
        switch (command) {
            case 0:
                return "consent " + ok(desk.recordConsent(id, cm));
            case 1:
                return "hand-off " + ok(desk.recordHandoff(id, cm, clock.instant(), clock.instant()));
            case 2: {
                var roles = policy.door(r.door()).map(d -> List.copyOf(d.approvalRoles())).orElse(List.of());
                Role role = roles.isEmpty() ? Role.SERGEANT : pick(in, roles);
                return "approve " + ok(desk.approve(id, Actor.of("approver-" + role, role)));
            }
            case 3:
                return "accept " + ok(desk.accept(id, cm));
            case 4: {
                String first = ok(desk.completeIntake(id, cm));
                return "intake " + first + " roi " + ok(desk.recordRoiSignature(id, cm));
            }
            case 5:
                return "withdraw " + ok(desk.withdraw(id, cm, chance(in, 50) ? "moved away" : ""));
            case 6:
                return "decline " + ok(desk.recordDecline(id, cm));
            case 7:
                return "override " + anyone(who, a -> desk.override(id, a, "known to outreach; engaged"));
            case 8:
                return "confirm exclusion " + anyone(who, a -> desk.confirmExclusion(id, a, "confirmed on review"));
            case 9: {
                boolean confirm = chance(in, 60);
                return "authority " + confirm + " " + anyone(who, a -> desk.decideEligibility(id, a, confirm,
                        "reviewed the file"));
            }
            case 10: {
                LocalDate later = r.intakeDeadline().date().plusDays(between(in, 1, 10));
                return "extend to " + later + " " + anyone(who, a -> desk.extendDeadline(id, a, later,
                        "person in hospital"));
            }
            case 11:
            case 12: {
                Duration d = pick(in, List.of(Duration.ofMinutes(between(in, 1, 90)), Duration.ofHours(between(in, 1,
                        48)), Duration.ofDays(between(in, 1, 40))));
                if (chance(in, 30)) {
                    // land exactly on the last nanosecond of a deadline, or on its first late instant
                    Instant edge = r.intakeDeadline().firstLateInstant().minusNanos(chance(in, 50) ? 1 : 0);
                    if (edge.isAfter(clock.instant())) {
                        clock.set(edge);
                        return "clock to " + edge + ", sweep " + desk.sweepDeadlines().lapsed().size();
                    }
                }
                clock.advance(d);
                return "clock +" + d + ", sweep " + desk.sweepDeadlines().lapsed().size();
            }
            case 13: {
                DivertedCaseStatus outcome = chance(in, 50) ? DivertedCaseStatus.FILED : DivertedCaseStatus.DECLINED;
                return "ordinary review " + outcome + " " + ok(desk.recordOrdinaryReview(id, Fixtures.PROSECUTOR,
                        outcome));
            }
            case 14:
                return "release for later non-engagement " + ok(desk.releaseForLaterNonEngagement(id,
                        Fixtures.PROSECUTOR, "stopped engaging"));
            default:
                return "the usual way: " + usualWay(desk, policy, r);
        }
    }

    /** The next steps of the happy path from where the referral is, as the desk's users usually take them. */
    private static String usualWay(ReferralDesk desk, SitePolicy policy, Referral r) {
        ReferralId id = r.id();
        Actor cm = Fixtures.CASE_MANAGER;
        if (r.status() == ReferralStatus.SUBMITTED) {
            var done = new StringBuilder();
            if (r.consent().isEmpty()) {
                done.append("consent ").append(ok(desk.recordConsent(id, cm))).append(", ");
            }
            if (r.door() == Door.ARREST_DIVERSION && r.handoff().isEmpty()) {
                Instant now = r.referredAt();
                done.append("hand-off ").append(ok(desk.recordHandoff(id, cm, now, now))).append(", ");
            }
            var door = policy.door(r.door());
            if (door.isPresent() && door.get().needsApproval() && r.approval().isEmpty()) {
                Role role = door.get().approvalRoles().iterator().next();
                done.append("approve ").append(ok(desk.approve(id, Actor.of("approver-" + role, role)))).append(", ");
            }
            return done.append("accept ").append(ok(desk.accept(id, cm))).toString();
        }
        if (r.status() == ReferralStatus.PENDING_INTAKE) {
            String first = ok(desk.completeIntake(id, cm));
            return "intake " + first + " roi " + ok(desk.recordRoiSignature(id, cm));
        }
        if (r.divertedCase().isPresent()
                && r.divertedCase().get().status() == DivertedCaseStatus.RELEASED_FOR_ORDINARY_REVIEW) {
            DivertedCaseStatus outcome = r.version() % 2 == 0 ? DivertedCaseStatus.FILED : DivertedCaseStatus.DECLINED;
            return "ordinary review " + outcome + " " + ok(desk.recordOrdinaryReview(id, Fixtures.PROSECUTOR, outcome));
        }
        return "nothing to do";
    }

    /** The first member of staff, starting at {@code who}, for whom the command succeeds. */
    private static String anyone(int who, Function<Actor, Outcome<Referral>> command) {
        Outcome<Referral> last = null;
        for (int i = 0; i < STAFF.size(); i++) {
            last = command.apply(STAFF.get((who + i) % STAFF.size()));
            if (last.isSuccess()) {
                return "by " + STAFF.get((who + i) % STAFF.size()).role() + " ok";
            }
        }
        return ok(last);
    }

    private static String ok(Outcome<?> out) {
        return out.isSuccess() ? "ok" : "refused " + out.errors().stream().map(e -> e.code().name()).toList();
    }

    private static List<DomainEvent> eventsOf(InMemoryProgramme programme, int from, ReferralId id) {
        var out = new ArrayList<DomainEvent>();
        List<DomainEvent> all = programme.events();
        for (DomainEvent e : all.subList(from, all.size())) {
            if (e instanceof ReferralEvent re && re.referralId().equals(id)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The statuses a set of walks reached, for coverage checks. */
    static EnumSet<org.leaddiversion.domain.intake.ReferralStatus> statuses(List<Referral> referrals) {
        var out = EnumSet.noneOf(org.leaddiversion.domain.intake.ReferralStatus.class);
        referrals.forEach(r -> out.add(r.status()));
        return out;
    }

    /** The held-charge states a set of walks reached. */
    static EnumSet<DivertedCaseStatus> chargeStatuses(List<Referral> referrals) {
        var out = EnumSet.noneOf(DivertedCaseStatus.class);
        referrals.forEach(r -> r.divertedCase().ifPresent(c -> out.add(c.status())));
        return out;
    }
}
