/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.leaddiversion.domain.evaluation.EvaluationFixtures.group;
import static org.leaddiversion.domain.evaluation.EvaluationFixtures.person;
import static org.leaddiversion.domain.evaluation.EvaluationFixtures.poolArrest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.intake.CaseloadCapacity;
import org.leaddiversion.domain.intake.DivertedCaseStatus;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralDesk;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.prosecution.ChargingDecision;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;

/**
 * A Santa Fe programme shaped like the December 2016 client profile (SPEC §8.3): 105 referrals — 9 ineligible, 3
 * declined, 6 not in the programme for missing the 7-day intake, 87 enrolled, 55% of them (48) through the social door —
 * made on one Monday of January 2016 and followed for seven months, with the race each referral recorded:
 *
 * <pre>
 *                          HISPANIC  WHITE  NATIVE  UNKNOWN   total
 *   arrest, under 18 (E4)       5      4                          9
 *   arrest, declined                          2        1          3
 *   arrest, lapsed              3      3                          6   (charge filed later: 1 HISPANIC, 2 WHITE)
 *   arrest, enrolled           20     15      4                  39
 *   social, enrolled           25     20               3         48
 *   referrals                  53     42      6        4        105
 *   enrolled                   45     35      4        3         87
 *   still engaged at 6 months  30     28      4        2         64
 * </pre>
 * Warm hand-offs of accepted arrest diversions took 15 minutes (30 of them) or 45 minutes (the other 15). The records
 * system's eligible pool for the quarter holds 175 HISPANIC, 120 WHITE, 30 NATIVE and 5 UNKNOWN arrests (27, 12, 6 and 0
 * of them booked), plus 15 arrests outside the pool. Four participants have a new case decided: two HISPANIC (DECLINE,
 * FILE_WITH_COORDINATED_RESOLUTION), one WHITE (FILE_STANDARD), one NATIVE (DECLINE).
 */
public final class SantaFeQuarter {

    public static final ZoneId ZONE = ZoneId.of("America/Denver");
    public static final Instant START = LocalDateTime.parse("2016-01-04T09:00").atZone(ZONE).toInstant();
    public static final ReportingPeriod Q1 = ReportingPeriod.quarter(2016, 1, ZONE);
    public static final ReportScope SCOPE = new ReportScope(EvaluationFixtures.SANTA_FE, Q1);
    public static final Actor CASE_MANAGER = Actor.of("sf-cm-1", Role.CASE_MANAGER);
    public static final Actor PROSECUTOR = Actor.of("sf-da-1", Role.PROSECUTOR);

    /** What happens to a referral of the profile. */
    enum Path {
        UNDER_AGE, DECLINED, LAPSED, ENROLLED
    }

    public final MutableClock clock = new MutableClock(START);
    public final InMemoryProgramme programme;
    public final SitePolicy policy;
    public final List<Encounter> encounters = new ArrayList<>();
    private final Map<ReferralId, String> raceOf = new LinkedHashMap<>();
    private int people;

    /** Builds the whole programme. */
    public SantaFeQuarter() {
        programme = new InMemoryProgramme(clock, IdGenerator.sequential(2016L), CaseloadCapacity.notTracked());
        programme.policies().put(EvaluationFixtures.santaFe());
        policy = EvaluationFixtures.santaFe().latest();
        ReferralDesk desk = programme.desk();
        var lapsed = new ArrayList<ReferralId>();
        var enrolled = new ArrayList<ReferralId>();
        int handoffs = 0;
        for (Object[] row : new Object[][] {
                {Path.UNDER_AGE, false, "HISPANIC", 5}, {Path.UNDER_AGE, false, "WHITE", 4},
                {Path.DECLINED, false, "NATIVE", 2}, {Path.DECLINED, false, null, 1},
                {Path.LAPSED, false, "HISPANIC", 3}, {Path.LAPSED, false, "WHITE", 3},
                {Path.ENROLLED, false, "HISPANIC", 20}, {Path.ENROLLED, false, "WHITE", 15},
                {Path.ENROLLED, false, "NATIVE", 4},
                {Path.ENROLLED, true, "HISPANIC", 25}, {Path.ENROLLED, true, "WHITE", 20},
                {Path.ENROLLED, true, null, 3}}) {
            Path path = (Path) row[0];
            boolean social = (Boolean) row[1];
            String race = (String) row[2];
            for (int i = 0; i < (Integer) row[3]; i++) {
                LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
                LocalDate born = path == Path.UNDER_AGE ? today.minusYears(17) : today.minusYears(35);
                Person p = person(String.format("sf-%03d", ++people), race, born);
                var submission = social ? EvaluationFixtures.santaFeSocial(p, today)
                        : EvaluationFixtures.santaFeArrest(p);
                Referral r = expect(desk.submit(submission), "submit");
                raceOf.put(r.id(), race);
                if (path == Path.UNDER_AGE) {
                    assertEquals(ReferralStatus.INELIGIBLE, r.status());
                    clock.advance(Duration.ofMinutes(5));
                    continue;
                }
                if (path == Path.DECLINED) {
                    expect(desk.recordDecline(r.id(), EvaluationFixtures.OFFICER), "decline");
                    clock.advance(Duration.ofMinutes(5));
                    continue;
                }
                expect(desk.recordConsent(r.id(), CASE_MANAGER), "consent");
                if (!social) {
                    Instant called = clock.instant();
                    clock.advance(Duration.ofMinutes(handoffs++ % 3 == 2 ? 45 : 15));
                    expect(desk.recordHandoff(r.id(), CASE_MANAGER, called, clock.instant()), "hand-off");
                }
                expect(desk.accept(r.id(), CASE_MANAGER), "accept");
                (path == Path.LAPSED ? lapsed : enrolled).add(r.id());
                clock.advance(Duration.ofMinutes(5));
            }
        }
        // two days later: intake for the 87; the other 6 never come
        clock.set(START.plus(Duration.ofDays(2)));
        var enrollments = new ArrayList<EnrollmentId>();
        for (ReferralId id : enrolled) {
            enrollments.add(expect(desk.completeIntake(id, CASE_MANAGER), "intake").enrollment().orElseThrow());
        }
        clock.set(START.plus(Duration.ofDays(10)));
        assertEquals(lapsed, desk.sweepDeadlines().lapsed());
        Map<String, Integer> filed = new LinkedHashMap<>();
        for (ReferralId id : lapsed) {
            String race = raceOf.get(id);
            boolean file = filed.merge(race, 1, Integer::sum) <= (race.equals("HISPANIC") ? 1 : 2);
            expect(desk.recordOrdinaryReview(id, PROSECUTOR, file ? DivertedCaseStatus.FILED
                    : DivertedCaseStatus.DECLINED), "ordinary review");
        }
        // seven months of outreach: the engaged keep in touch monthly; the others go "in the wind" after 90 days
        var engaged = engaged(enrolled);
        for (int month = 1; month <= 7; month++) {
            clock.set(START.plus(Duration.ofDays(30L * month)));
            for (int i = 0; i < enrolled.size(); i++) {
                if (engaged.contains(enrolled.get(i))) {
                    expect(desk.recordContact(enrollments.get(i), CASE_MANAGER, ContactType.IN_PERSON_FIELD,
                            clock.instant()), "contact");
                }
            }
            desk.sweepInactivity();
        }
        // four new cases, decided after consultation
        decide(enrolled, "HISPANIC", 0, ChargingDecision.DECLINE);
        decide(enrolled, "HISPANIC", 1, ChargingDecision.FILE_WITH_COORDINATED_RESOLUTION);
        decide(enrolled, "WHITE", 0, ChargingDecision.FILE_STANDARD);
        decide(enrolled, "NATIVE", 0, ChargingDecision.DECLINE);
        // the records system's quarter
        pool("HISPANIC", 175, 27);
        pool("WHITE", 120, 12);
        pool("NATIVE", 30, 6);
        pool("UNKNOWN", 5, 0);
        LocalDate day = LocalDate.of(2016, 2, 1);
        for (int i = 0; i < 10; i++) {
            encounters.add(new Encounter(new PersonId("rms-x" + i), day, EvaluationFixtures.SANTA_FE, group("HISPANIC"),
                    Encounter.Kind.ARREST, OffenceCode.of("BURGLARY"), false, true, Encounter.Window.NO_WINDOWS,
                    Encounter.Disposition.BOOKED));
        }
        for (int i = 0; i < 5; i++) {
            encounters.add(new Encounter(new PersonId("rms-y" + i), day, EvaluationFixtures.SANTA_FE, group("WHITE"),
                    Encounter.Kind.CITATION, OffenceCode.of("SHOPLIFTING"), true, false, Encounter.Window.NO_WINDOWS,
                    Encounter.Disposition.CITED_AND_RELEASED));
        }
    }

    private List<ReferralId> engaged(List<ReferralId> enrolled) {
        Map<String, Integer> quota = Map.of("HISPANIC", 30, "WHITE", 28, "NATIVE", 4, "UNKNOWN", 2);
        Map<String, Integer> taken = new LinkedHashMap<>();
        var out = new ArrayList<ReferralId>();
        for (ReferralId id : enrolled) {
            String g = Optional.ofNullable(raceOf.get(id)).orElse("UNKNOWN");
            if (taken.merge(g, 1, Integer::sum) <= quota.get(g)) {
                out.add(id);
            }
        }
        return out;
    }

    private void decide(List<ReferralId> enrolled, String race, int nth, ChargingDecision decision) {
        ReferralId id = enrolled.stream().filter(r -> race.equals(raceOf.get(r))).skip(nth).findFirst().orElseThrow();
        PersonId person = programme.referrals().find(id).orElseThrow().submission().person().id();
        var c = expect(programme.coordination().recordCase(PROSECUTOR, person, EvaluationFixtures.SANTA_FE,
                List.of(Offence.of("SHOPLIFTING", OffenceLevel.MISDEMEANOR)), List.of(),
                clock.instant().minusSeconds(3600)), "new case");
        expect(programme.coordination().requestConsultation(c.id(), PROSECUTOR), "consultation");
        expect(programme.coordination().recordDecision(c.id(), PROSECUTOR, decision, Optional.empty(),
                Optional.empty(), false), "decision");
    }

    private void pool(String race, int arrests, int booked) {
        LocalDate day = LocalDate.of(2016, 1, 15);
        for (int i = 0; i < arrests; i++) {
            encounters.add(poolArrest("rms-" + race + "-" + i, day.plusDays(i % 60), EvaluationFixtures.SANTA_FE,
                    group(race), i < booked ? Encounter.Disposition.BOOKED : Encounter.Disposition.CITED_AND_RELEASED));
        }
    }

    /** Every referral as stored. */
    public List<Referral> referrals() {
        return programme.referrals().all();
    }

    private static <T> T expect(Outcome<T> out, String step) {
        if (!out.isSuccess()) {
            fail(step + " refused: " + out.errors());
        }
        return out.value();
    }
}
