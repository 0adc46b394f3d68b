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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.evaluation.ReportScope;
import org.leaddiversion.domain.evaluation.ReportingPeriod;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.fixtures.ProgrammeFixtures;
import org.leaddiversion.domain.intake.CaseloadCapacity;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralDesk;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.ReferralId;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Referral funnels as the real domain makes them, for comparing the process measures computed in SQL with the
 * domain's: two generated sites in one in-memory programme, up to 25 referrals submitted in time order around a
 * period (admissible ones and any others, so every screening result occurs), and after each submission a few desk
 * commands on the referrals made so far — consent, decline, hand-offs of 0 to 3 hours with odd seconds, approval,
 * override, acceptance, intake, withdrawal, authority decisions — with clock moves and deadline sweeps in between, so
 * referrals end in every status, with and without the facts each stage reads.
 */
final class FunnelWalks {

    /** The referrals of one programme, the scope a report covers and the hand-off target it is measured against. */
    record Funnel(List<Referral> referrals, ReportScope scope, int handoffTargetMinutes, String story) {
        @Override
        public String toString() {
            return scope + ", target " + handoffTargetMinutes + "\n" + story;
        }
    }

    private static final AtomicLong SEEDS = new AtomicLong(System.nanoTime() & 0xFFFF_FFFFL);
    private static final List<Actor> STAFF = List.of(Fixtures.CASE_MANAGER, Fixtures.PROJECT_MANAGER,
            Fixtures.PROSECUTOR, Fixtures.SERGEANT, Fixtures.OFFICER, Actor.of("outreach-1", Role.OUTREACH_WORKER));

    private FunnelWalks() {
    }

    /**
     * Where a walk happens: a zone, the site under study and another one (each a generated policy in force since
     * 2010), a reporting period of 1 to 92 days early in 2024, and a clock set up to 20 days before it.
     */
    record Setting(ZoneId zone, SitePolicy here, SitePolicy there, ReportingPeriod period, MutableClock clock) {
    }

    static Setting setting(RandomnessSource in, String site) {
        ZoneId zone = pick(in, LeadGenerators.ZONES);
        LocalDate since = LocalDate.of(2010, 1, 1);
        SitePolicy here = LeadGenerators.sitePolicy(in, new SiteId(site), 1, since, zone);
        SitePolicy there = LeadGenerators.sitePolicy(in, new SiteId("other-site"), 1, since, zone);
        LocalDate start = LocalDate.of(2024, 1, 1).plusDays(between(in, 0, 60));
        ReportingPeriod period = new ReportingPeriod(start, start.plusDays(chance(in, 70) ? between(in, 28, 92)
                : between(in, 1, 27)), zone);
        var clock = new MutableClock(start.minusDays(between(in, 0, 20)).atStartOfDay(zone).toInstant()
                .plusSeconds(between(in, 0, 86_399)));
        return new Setting(zone, here, there, period, clock);
    }

    static Gen<Funnel> funnels() {
        return FunnelWalks::funnel;
    }

    private static Funnel funnel(RandomnessSource in) {
        Setting setting = setting(in, "funnel-site");
        ZoneId zone = setting.zone();
        SitePolicy here = setting.here();
        SitePolicy there = setting.there();
        ReportingPeriod period = setting.period();
        MutableClock clock = setting.clock();
        var programme = new InMemoryProgramme(clock, IdGenerator.sequential(SEEDS.addAndGet(1_000_003L) * 7_919L),
                chance(in, 85) ? CaseloadCapacity.notTracked() : CaseloadCapacity.fixed(between(in, 0, 3)));
        programme.policies().put(ProgrammeFixtures.history(here));
        programme.policies().put(ProgrammeFixtures.history(there));
        ReferralDesk desk = programme.desk();
        var story = new StringBuilder();
        var made = new ArrayList<ReferralId>();
        for (int i = between(in, 0, 25); i > 0; i--) {
            clock.advance(pick(in, List.of(Duration.ofMinutes(between(in, 0, 600)),
                    Duration.ofHours(between(in, 1, 72)), Duration.ofSeconds(between(in, 0, 59)))));
            SitePolicy site = chance(in, 85) ? here : there;
            LocalDate day = LocalDate.ofInstant(clock.instant(), zone);
            Outcome<Referral> out = desk.submit(chance(in, 50) ? LeadGenerators.admissibleSubmission(in, site, day)
                    : LeadGenerators.submission(in, site, day));
            story.append("\n").append(clock.instant()).append(" submit at ").append(site.siteId()).append(": ")
                    .append(out.isSuccess() ? out.value().status() : "refused");
            if (out.isSuccess()) {
                made.add(out.value().id());
            }
            for (int step = made.isEmpty() ? 0 : between(in, 0, 5); step > 0; step--) {
                ReferralId id = chance(in, 60) ? made.get(made.size() - 1) : pick(in, made);
                story.append("\n  ").append(act(in, programme, clock, id));
            }
        }
        // the weeks after: referrals taken further the usual way, then time passes and the deadlines are swept
        for (ReferralId id : made) {
            if (chance(in, 50)) {
                story.append("\n  later, the usual way: ").append(usualWay(in, programme, clock, id));
            }
        }
        if (chance(in, 60)) {
            clock.advance(Duration.ofDays(between(in, 0, 40)));
            story.append("\n").append(clock.instant()).append(" sweep ").append(desk.sweepDeadlines().lapsed().size());
        }
        var referrals = new ArrayList<Referral>();
        for (ReferralId id : made) {
            referrals.add(programme.referrals().find(id).orElseThrow());
        }
        return new Funnel(List.copyOf(referrals), new ReportScope(here.siteId(), period), between(in, 1, 120),
                story.toString());
    }

    static String act(RandomnessSource in, InMemoryProgramme programme, MutableClock clock, ReferralId id) {
        ReferralDesk desk = programme.desk();
        Actor cm = Fixtures.CASE_MANAGER;
        Actor someone = pick(in, STAFF);
        switch (between(in, 0, 14)) {
            case 0:
                return "consent " + ok(desk.recordConsent(id, someone));
            case 1:
            case 2: {
                clock.advance(Duration.ofSeconds(between(in, 0, 3 * 3_600)));
                Instant arrived = clock.instant();
                Instant called = arrived.minusSeconds(between(in, 0, 3 * 3_600)).minusNanos(between(in, 0, 999));
                return "hand-off " + Duration.between(called, arrived) + " " + ok(desk.recordHandoff(id, someone,
                        called, arrived));
            }
            case 3:
                return "approve " + ok(desk.approve(id, someone));
            case 4:
                return "override " + anyone(a -> desk.override(id, a, "known to outreach; engaged"));
            case 5:
                return "accept " + ok(desk.accept(id, cm));
            case 6:
                return "intake " + ok(desk.completeIntake(id, cm));
            case 7:
                return "decline " + ok(desk.recordDecline(id, someone));
            case 8:
                return "withdraw " + ok(desk.withdraw(id, cm, "moved away"));
            case 9: {
                boolean confirm = chance(in, 70);
                return "authority " + anyone(a -> desk.decideEligibility(id, a, confirm, "reviewed the file"));
            }
            case 10:
            case 11:
            case 12:
                return "the usual way: " + usualWay(in, programme, clock, id);
            default: {
                Duration d = pick(in, List.of(Duration.ofMinutes(between(in, 1, 90)),
                        Duration.ofHours(between(in, 1, 48)), Duration.ofDays(between(in, 1, 20))));
                clock.advance(d);
                return "clock +" + d + ", sweep " + desk.sweepDeadlines().lapsed().size();
            }
        }
    }

    /** The next steps from where the referral is, as the desk's users usually take them. */
    static String usualWay(RandomnessSource in, InMemoryProgramme programme, MutableClock clock,
                                   ReferralId id) {
        ReferralDesk desk = programme.desk();
        Referral r = programme.referrals().find(id).orElseThrow();
        Actor cm = Fixtures.CASE_MANAGER;
        if (r.status() == ReferralStatus.PRESUMPTIVELY_INELIGIBLE) {
            return "override " + anyone(a -> desk.override(id, a, "known to outreach; engaged"));
        }
        if (r.status() == ReferralStatus.PENDING_INTAKE) {
            clock.advance(Duration.ofHours(between(in, 1, 24 * 12)));
            return "intake " + ok(desk.completeIntake(id, cm));
        }
        var done = new StringBuilder();
        if (r.consent().isEmpty()) {
            done.append("consent ").append(ok(desk.recordConsent(id, cm))).append(", ");
        }
        if (r.handoff().isEmpty()) {
            clock.advance(Duration.ofMinutes(between(in, 0, 90)));
            Instant arrived = clock.instant();
            done.append("hand-off ").append(ok(desk.recordHandoff(id, cm, arrived.minusSeconds(between(in, 0,
                    5_400)), arrived))).append(", ");
        }
        if (r.approval().isEmpty()) {
            done.append("approve ").append(anyone(a -> desk.approve(id, a))).append(", ");
        }
        return done.append("accept ").append(ok(desk.accept(id, cm))).toString();
    }

    /** The first role, in declaration order, for which the command succeeds. */
    private static String anyone(java.util.function.Function<Actor, Outcome<Referral>> command) {
        Outcome<Referral> last = null;
        for (Role role : Role.values()) {
            last = command.apply(Actor.of("staff-" + role.name().toLowerCase(java.util.Locale.ROOT), role));
            if (last.isSuccess()) {
                return "by " + role + " ok";
            }
        }
        return ok(last);
    }

    static String ok(Outcome<?> out) {
        return out.isSuccess() ? "ok" : "refused " + out.errors().stream().map(e -> e.code().name()).toList();
    }
}
