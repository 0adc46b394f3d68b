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
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.Enrollment;
import org.leaddiversion.domain.evaluation.Encounter;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.evaluation.ReportScope;
import org.leaddiversion.domain.evaluation.ReportingPeriod;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.fixtures.ProgrammeFixtures;
import org.leaddiversion.domain.intake.CaseloadCapacity;
import org.leaddiversion.domain.intake.DivertedCaseStatus;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralDesk;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.policy.ClosureReason;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.prosecution.ChargingDecision;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.referral.Demographics;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * A programme's year as the real domain makes it, for comparing the equity measures computed in SQL with the domain's:
 * two generated sites in one in-memory programme with random ids (so ids of either sign order referrals), up to 25
 * referrals around a period walked through the desk as {@link FunnelWalks} walks them — races of every kind recorded,
 * sometimes a twin referral of the same person at the same instant with another race — then up to eight months of
 * contacts, inactivity sweeps, closures, withdrawals, late referrals, and post-enrollment cases with charging decisions
 * of every kind at both sites; and the records system's encounters of the period.
 */
final class EquityWalks {

    /** Everything a programme stored, the scope of a report and the instant it is made. */
    record Walk(List<Referral> referrals, List<Enrollment> enrollments, List<DomainEvent> events,
                List<PostEnrollmentCase> cases, List<Encounter> encounters, ReportScope scope, Instant asOf,
                String story) {
        @Override
        public String toString() {
            return scope + ", as of " + asOf + "\n" + story;
        }
    }

    private static final AtomicLong SEEDS = new AtomicLong(System.nanoTime());
    /** Recorded races: categories, another spelling of unknown, blank and none. */
    private static final List<String> RACES = java.util.Arrays.asList("WHITE", "BLACK", "ASIAN", "black", "Unknown",
            " ", null);

    private EquityWalks() {
    }

    static Gen<Walk> walks() {
        return EquityWalks::walk;
    }

    /** One of the policies. */
    static Gen<org.leaddiversion.domain.evaluation.equity.EquityPolicy> policies(
            List<org.leaddiversion.domain.evaluation.equity.EquityPolicy> policies) {
        return in -> pick(in, policies);
    }

    private static Walk walk(RandomnessSource in) {
        FunnelWalks.Setting setting = FunnelWalks.setting(in, "equity-site");
        ZoneId zone = setting.zone();
        SitePolicy here = setting.here();
        SitePolicy there = setting.there();
        ReportingPeriod period = setting.period();
        MutableClock clock = setting.clock();
        // ids of both signs: the domain orders ids as signed numbers, the databases as unsigned bytes
        var random = new SplittableRandom(SEEDS.addAndGet(0x9E3779B97F4A7C15L) ^ between(in, 0, Integer.MAX_VALUE));
        var programme = new InMemoryProgramme(clock, () -> new UUID(random.nextLong(), random.nextLong()),
                chance(in, 85) ? CaseloadCapacity.notTracked() : CaseloadCapacity.fixed(between(in, 0, 3)));
        programme.policies().put(ProgrammeFixtures.history(here));
        programme.policies().put(ProgrammeFixtures.history(there));
        ReferralDesk desk = programme.desk();
        var story = new StringBuilder();
        var made = new ArrayList<ReferralId>();
        for (int i = between(in, 0, 25); i > 0; i--) {
            clock.advance(pick(in, List.of(Duration.ofMinutes(between(in, 0, 600)),
                    Duration.ofHours(between(in, 1, 72)), Duration.ofSeconds(between(in, 0, 59)))));
            submit(in, programme, clock, chance(in, 85) ? here : there, made, story);
            for (int step = made.isEmpty() ? 0 : between(in, 0, 5); step > 0; step--) {
                ReferralId id = chance(in, 60) ? made.get(made.size() - 1) : pick(in, made);
                story.append("\n  ").append(FunnelWalks.act(in, programme, clock, id));
            }
            if (chance(in, 25)) {
                story.append("\n  ").append(postEnrollmentCase(in, programme, clock, here, there, made));
            }
        }
        for (ReferralId id : made) {
            if (chance(in, 50)) {
                story.append("\n  later, the usual way: ").append(FunnelWalks.usualWay(in, programme, clock, id));
            }
        }
        // the deadlines pass; the released charges are reviewed
        clock.advance(Duration.ofDays(between(in, 0, 40)));
        story.append("\n").append(clock.instant()).append(" sweep ").append(desk.sweepDeadlines().lapsed().size());
        for (ReferralId id : made) {
            Referral r = programme.referrals().find(id).orElseThrow();
            if (r.status() == ReferralStatus.INTAKE_LAPSED && r.divertedCase().isPresent() && chance(in, 80)) {
                DivertedCaseStatus review = chance(in, 50) ? DivertedCaseStatus.FILED : DivertedCaseStatus.DECLINED;
                story.append("\n  ordinary review ").append(review).append(" ").append(FunnelWalks.ok(desk
                        .recordOrdinaryReview(id, Fixtures.PROSECUTOR, review)));
            }
        }
        // up to eight months of the participants' lives, cases and decisions
        for (int step = between(in, 0, 40); step > 0; step--) {
            clock.advance(pick(in, List.of(Duration.ofDays(between(in, 1, 20)), Duration.ofHours(between(in, 1, 30)),
                    Duration.ofDays(between(in, 20, 60)))));
            story.append("\n").append(clock.instant()).append(" ").append(life(in, programme, clock, here, there,
                    made, story));
            if (chance(in, 50)) {
                story.append(", inactivity sweep ").append(desk.sweepInactivity().size());
            }
        }
        var referrals = new ArrayList<Referral>();
        for (ReferralId id : made) {
            referrals.add(programme.referrals().find(id).orElseThrow());
        }
        Instant first = period.start().atStartOfDay(zone).toInstant();
        Instant asOf = chance(in, 80) ? first.plus(Duration.ofDays(between(in, 150, 300)))
                .plusSeconds(between(in, 0, 86_399)) : clock.instant();
        return new Walk(List.copyOf(referrals), programme.enrollments().all(), programme.events(),
                programme.cases().all(), encounters(in, period, here.siteId(), there.siteId()),
                new ReportScope(here.siteId(), period), asOf, story.toString());
    }

    /** A submission at the site, with a race of any kind recorded; now and then a twin at the same instant. */
    private static void submit(RandomnessSource in, InMemoryProgramme programme, MutableClock clock, SitePolicy site,
                               List<ReferralId> made, StringBuilder story) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), site.zone());
        ReferralSubmission s = chance(in, 60) ? LeadGenerators.admissibleSubmission(in, site, day)
                : LeadGenerators.submission(in, site, day);
        int twins = chance(in, 15) ? 2 : 1;
        for (int i = 0; i < twins; i++) {
            Person p = s.person();
            ReferralSubmission raced = s.toBuilder().person(new Person(p.id(), p.dateOfBirth(), new Demographics(
                    Optional.ofNullable(pick(in, RACES)), Optional.empty(), Optional.empty()), p.residence(),
                    p.activeConfidentialInformant())).build();
            Outcome<Referral> out = programme.desk().submit(raced);
            story.append("\n").append(clock.instant()).append(" submit ").append(p.id()).append(" at ")
                    .append(site.siteId()).append(": ").append(out.isSuccess() ? out.value().status() : "refused");
            if (out.isSuccess()) {
                made.add(out.value().id());
            }
        }
    }

    private static String life(RandomnessSource in, InMemoryProgramme programme, MutableClock clock, SitePolicy here,
                               SitePolicy there, List<ReferralId> made, StringBuilder story) {
        ReferralDesk desk = programme.desk();
        List<Enrollment> enrollments = programme.enrollments().all();
        switch (between(in, 0, 9)) {
            case 0:
            case 1:
            case 2: {
                if (enrollments.isEmpty()) {
                    return "no enrollment to contact";
                }
                Enrollment e = pick(in, enrollments);
                return "contact " + e.person() + " " + FunnelWalks.ok(desk.recordContact(e.id(),
                        Fixtures.CASE_MANAGER, pick(in, List.of(ContactType.values())),
                        clock.instant().minusSeconds(between(in, 0, 3_600))));
            }
            case 3:
                return "inactivity sweep " + desk.sweepInactivity().size();
            case 4: {
                if (enrollments.isEmpty()) {
                    return "no enrollment to close";
                }
                Enrollment e = pick(in, enrollments);
                return chance(in, 70) ? "close " + e.person() + " " + FunnelWalks.ok(desk.closeEnrollment(e.id(),
                        Fixtures.CASE_MANAGER, pick(in, List.of(ClosureReason.values()))))
                        : "withdraw " + e.person() + " " + FunnelWalks.ok(desk.withdrawFromEnrollment(e.id(),
                        Fixtures.CASE_MANAGER));
            }
            case 5: {
                submit(in, programme, clock, chance(in, 80) ? here : there, made, story);
                return "a late referral";
            }
            default:
                return postEnrollmentCase(in, programme, clock, here, there, made);
        }
    }

    /**
     * A case of a referred person (often the one referred last, perhaps twice at once) or of someone never referred,
     * at either site, mostly decided at once.
     */
    private static String postEnrollmentCase(RandomnessSource in, InMemoryProgramme programme, MutableClock clock,
                                             SitePolicy here, SitePolicy there, List<ReferralId> made) {
        String person = !made.isEmpty() && chance(in, 40) ? programme.referrals().find(made.get(made.size() - 1))
                .orElseThrow().submission().person().id().value()
                : chance(in, 85) ? pick(in, LeadGenerators.PEOPLE) : "never-referred";
        SiteId site = chance(in, 85) ? here.siteId() : there.siteId();
        var coordination = programme.coordination();
        Outcome<PostEnrollmentCase> c = coordination.recordCase(Fixtures.PROSECUTOR, new PersonId(person), site,
                List.of(Offence.of("SHOPLIFTING", OffenceLevel.MISDEMEANOR)), List.of(),
                clock.instant().minusSeconds(between(in, 0, 86_400)));
        if (!c.isSuccess()) {
            return "case of " + person + " " + FunnelWalks.ok(c);
        }
        var done = new StringBuilder("case of " + person + " at " + site);
        if (chance(in, 60)) {
            done.append(", consultation ").append(FunnelWalks.ok(coordination.requestConsultation(c.value().id(),
                    Fixtures.PROSECUTOR)));
        }
        if (chance(in, 85)) {
            clock.advance(Duration.ofMinutes(between(in, 0, 600)));
            ChargingDecision decision = pick(in, List.of(ChargingDecision.values()));
            done.append(", decided ").append(decision).append(" ").append(FunnelWalks.ok(coordination.recordDecision(
                    c.value().id(), Fixtures.PROSECUTOR, decision, Optional.of("no time to consult"),
                    Optional.empty(), false)));
        }
        return done.toString();
    }

    /** Up to 40 encounters of the period and around it, at either site, in the pool or not, of every disposition. */
    private static List<Encounter> encounters(RandomnessSource in, ReportingPeriod period, SiteId here, SiteId there) {
        var out = new ArrayList<Encounter>();
        for (int i = between(in, 0, 40); i > 0; i--) {
            String race = pick(in, java.util.Arrays.asList("WHITE", "BLACK", "ASIAN", "black", null));
            out.add(new Encounter(new PersonId(chance(in, 50) ? pick(in, LeadGenerators.PEOPLE)
                    : "rms-" + between(in, 0, 20)), period.start().minusDays(5).plusDays(between(in, 0, 100)),
                    chance(in, 90) ? here : there, race == null ? EquityGroup.UNKNOWN : new EquityGroup(race),
                    pick(in, List.of(Encounter.Kind.values())), OffenceCode.of("DRUG_POSSESSION"), chance(in, 85),
                    chance(in, 85), pick(in, List.of(Encounter.Window.values())),
                    pick(in, List.of(Encounter.Disposition.values()))));
        }
        return out;
    }
}
