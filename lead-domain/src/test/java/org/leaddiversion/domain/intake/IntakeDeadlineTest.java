/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.CASE_MANAGER;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.assertRulesHold;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.pendingIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.withIntake;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.LeadGenerators;
import org.leaddiversion.domain.fixtures.LeadGenerators.ScreeningCase;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.policy.IntakePolicy;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.referral.Person;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralSubmission;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * R18: {@code intakeDeadline = localDate(referredAt, zone) + deadlineDays}; intake at any instant up to the end of that
 * local day is timely, one nanosecond later is late — whatever daylight-saving change falls inside the window.
 * Statutory maxima bound the deadline; extensions exist only where the site allows them.
 */
@DisplayName("R18 deadline arithmetic")
class IntakeDeadlineTest {

    /**
     * Zones with daylight-saving changes at unusual hours: Lord Howe moves by 30 minutes, Chatham sits at +12:45,
     * Santiago and Havana change at midnight (so some local days start at 01:00), plus the generators' zones.
     */
    private static final List<ZoneId> ZONES;

    static {
        var zones = new ArrayList<>(LeadGenerators.ZONES);
        zones.addAll(List.of(ZoneId.of("Pacific/Chatham"), ZoneId.of("America/Santiago"), ZoneId.of("America/Havana"),
                ZoneId.of("Europe/Berlin"), ZoneId.of("America/St_Johns")));
        ZONES = List.copyOf(zones);
    }

    /** Instants around the 2024–2025 daylight-saving changes of the zones above, and anywhere else. */
    static Gen<Instant> instants() {
        Gen<Instant> nearChanges = Generate.pick(List.of(LocalDate.of(2024, 3, 10), LocalDate.of(2024, 9, 8),
                        LocalDate.of(2024, 11, 3), LocalDate.of(2025, 3, 9), LocalDate.of(2025, 3, 30),
                        LocalDate.of(2025, 4, 6), LocalDate.of(2025, 9, 7), LocalDate.of(2025, 10, 5),
                        LocalDate.of(2025, 10, 26), LocalDate.of(2025, 11, 2)))
                .zip(Generate.range(-31 * 24 * 60, 2 * 24 * 60), (d, m) -> d.atStartOfDay(ZoneId.of("UTC")).toInstant()
                        .plus(Duration.ofMinutes(m)));
        return nearChanges.mix(LeadGenerators.referralInstants(), 30);
    }

    @Test
    void the_deadline_is_the_local_referral_date_plus_the_days_and_ends_with_that_local_day() {
        qt().withExamples(3000).forAll(instants(), Generate.pick(ZONES), Generate.range(1, 30)).checkAssert((at, zone, days) -> {
            IntakeDeadline d = IntakeDeadline.of(at, zone, days);
            assertEquals(LocalDate.ofInstant(at, zone).plusDays(days), d.date());
            Instant firstLate = d.firstLateInstant();
            Instant lastNanosecond = firstLate.minusNanos(1);
            // the last nanosecond still falls on the deadline day, the first late instant on the next day
            assertEquals(d.date(), LocalDate.ofInstant(lastNanosecond, zone));
            assertEquals(d.date().plusDays(1), LocalDate.ofInstant(firstLate, zone));
            assertTrue(d.isMetBy(lastNanosecond));
            assertFalse(d.isMetBy(firstLate));
            assertTrue(d.isMetBy(at));
        });
    }

    @Test
    void intake_at_the_last_nanosecond_of_the_local_deadline_day_is_timely_one_nanosecond_later_is_lapsed() {
        qt().withExamples(400).forAll(casesInAwkwardZones()).checkAssert(c -> {
            SitePolicy policy = c.policy();
            ZoneId zone = policy.zone();
            Instant at = c.referredAt();
            var clock = new MutableClock(at);
            var programme = programme(clock, history(policy));
            var desk = programme.desk();
            // Given two people referred at the same instant, both pending intake (ROI signed where required)
            ReferralSubmission first = c.submission().toBuilder().person(renamed(c.submission(), "ON-TIME")).build();
            ReferralSubmission second = c.submission().toBuilder().person(renamed(c.submission(), "LATE")).build();
            Referral onTime = pendingIntake(desk, policy, first);
            Referral late = pendingIntake(desk, policy, second);
            if (policy.intake().requiresRoi()) {
                expect(desk.recordRoiSignature(onTime.id(), CASE_MANAGER), "ROI");
                expect(desk.recordRoiSignature(late.id(), CASE_MANAGER), "ROI");
            }
            LocalDate expected = LocalDate.ofInstant(at, zone).plusDays(policy.intake().deadlineDays());
            assertEquals(expected, onTime.intakeDeadline().date());
            Instant firstLate = ZonedDateTime.of(expected.plusDays(1).atStartOfDay(), zone).toInstant();
            assertEquals(firstLate, onTime.intakeDeadline().firstLateInstant());

            // When the clock shows the last nanosecond of the deadline day, intake is timely
            clock.set(firstLate.minusNanos(1));
            assertTrue(desk.sweepDeadlines().lapsed().isEmpty(), "nothing is due on the deadline day");
            Referral done = expect(desk.completeIntake(onTime.id(), CASE_MANAGER), "intake at the last nanosecond");
            assertEquals(ReferralStatus.INTAKE_COMPLETED, done.status());
            assertEquals(firstLate.minusNanos(1), done.intakeCompletedAt().orElseThrow());

            // and one nanosecond later it is refused as lapsed, and the sweep lapses the referral
            clock.set(firstLate);
            Outcome<Referral> tooLate = desk.completeIntake(late.id(), CASE_MANAGER);
            assertTrue(tooLate.hasError(ErrorCode.REFERRAL_LAPSED), () -> tooLate.errors().toString());
            assertEquals(List.of(late.id()), desk.sweepDeadlines().lapsed());
            assertRulesHold(programme, clock.instant());
        });
    }

    @Test
    void seattle_30_days_across_the_fall_back_and_santa_fe_7_days_across_the_spring_forward() {
        Instant seattle = LocalDateTime.of(2025, 10, 20, 9, 15).atZone(ZoneId.of("America/Los_Angeles")).toInstant();
        IntakeDeadline thirty = IntakeDeadline.of(seattle, ZoneId.of("America/Los_Angeles"), 30);
        assertEquals(LocalDate.of(2025, 11, 19), thirty.date());
        assertEquals(Instant.parse("2025-11-20T08:00:00Z"), thirty.firstLateInstant());

        Instant santaFe = LocalDateTime.of(2025, 3, 5, 23, 30).atZone(ZoneId.of("America/Denver")).toInstant();
        IntakeDeadline seven = IntakeDeadline.of(santaFe, ZoneId.of("America/Denver"), 7);
        assertEquals(LocalDate.of(2025, 3, 12), seven.date());
        assertEquals(Instant.parse("2025-03-13T06:00:00Z"), seven.firstLateInstant());

        // a referral at 23:30 local is dated by the local day, not the UTC one
        assertEquals(LocalDate.of(2025, 3, 6), santaFe.atZone(ZoneId.of("UTC")).toLocalDate());
    }

    // ---- statutory maximum and extensions -------------------------------------------------------------------

    @Test
    void a_deadline_beyond_the_statutory_maximum_is_not_a_valid_policy() {
        qt().forAll(Generate.range(1, 60), Generate.range(1, 60)).checkAssert((days, max) -> {
            if (days > max) {
                var e = assertThrows(InvalidValueException.class,
                        () -> new IntakePolicy(days, OptionalInt.of(max), false, false, Set.of()));
                assertTrue(e.getMessage().contains("DEADLINE_EXCEEDS_STATUTORY_MAX"), e.getMessage());
                assertTrue(e.getMessage().contains("intake.deadlineDays"), e.getMessage());
            } else {
                assertEquals(days, new IntakePolicy(days, OptionalInt.of(max), false, false, Set.of()).deadlineDays());
            }
        });
    }

    @Test
    void an_extension_moves_the_deadline_only_where_allowed_by_whom_allowed_and_never_past_the_statutory_maximum() {
        qt().forAll(LeadGenerators.admissibleCases(), Generate.range(1, 29), Generate.range(1, 12), Generate.range(0, 3))
                .checkAssert((c, days, extra, when) -> {
                    SitePolicy policy = withIntake(c.policy(), new IntakePolicy(days, OptionalInt.of(30), false, true,
                            Set.of(Role.PROSECUTOR)));
                    var clock = new MutableClock(c.referredAt());
                    var programme = programme(clock, history(policy));
                    var desk = programme.desk();
                    Referral pending = pendingIntake(desk, policy, c.submission());
                    LocalDate referralDate = LocalDate.ofInstant(c.referredAt(), policy.zone());
                    LocalDate deadline = pending.intakeDeadline().date();
                    clock.advance(Duration.ofHours(when * 5L));
                    Actor prosecutor = Fixtures.PROSECUTOR;

                    // not by a case manager, not without a reason, not earlier, not beyond the statute
                    assertRefused(desk.extendDeadline(pending.id(), Fixtures.CASE_MANAGER, deadline.plusDays(1), "why"),
                            ErrorCode.NOT_AUTHORISED, programme, pending);
                    assertRefused(desk.extendDeadline(pending.id(), prosecutor, deadline.plusDays(1), " "),
                            ErrorCode.REASON_REQUIRED, programme, pending);
                    assertRefused(desk.extendDeadline(pending.id(), prosecutor, deadline, "why"),
                            ErrorCode.INVALID_TIMESTAMP, programme, pending);
                    assertRefused(desk.extendDeadline(pending.id(), prosecutor, referralDate.plusDays(31), "why"),
                            ErrorCode.DEADLINE_EXCEEDS_STATUTORY_MAX, programme, pending);

                    // within the statute the prosecutor may extend, and intake after the old deadline is then timely
                    LocalDate extended = deadline.plusDays(extra).isAfter(referralDate.plusDays(30))
                            ? referralDate.plusDays(30) : deadline.plusDays(extra);
                    Referral moved = expect(desk.extendDeadline(pending.id(), prosecutor, extended, "in hospital"),
                            "extension to " + extended);
                    assertEquals(extended, moved.intakeDeadline().date());
                    clock.set(pending.intakeDeadline().firstLateInstant());
                    assertTrue(desk.sweepDeadlines().lapsed().isEmpty());
                    expect(desk.completeIntake(pending.id(), CASE_MANAGER), "intake after the original deadline");
                    assertRulesHold(programme, clock.instant());
                });
    }

    @Test
    void without_extensions_the_deadline_never_moves_and_after_it_nothing_extends_it() {
        qt().forAll(LeadGenerators.admissibleCases()).checkAssert(c -> {
            SitePolicy closed = withIntake(c.policy(), new IntakePolicy(c.policy().intake().deadlineDays(),
                    OptionalInt.empty(), false, false, Set.of()));
            var clock = new MutableClock(c.referredAt());
            var programme = programme(clock, history(closed));
            Referral pending = pendingIntake(programme.desk(), closed, c.submission());
            assertRefused(programme.desk().extendDeadline(pending.id(), Fixtures.PROSECUTOR,
                    pending.intakeDeadline().date().plusDays(3), "in hospital"), ErrorCode.EXTENSIONS_DISABLED, programme,
                    pending);

            SitePolicy open = withIntake(c.policy(), new IntakePolicy(c.policy().intake().deadlineDays(),
                    OptionalInt.empty(), false, true, Set.of(Role.PROSECUTOR)));
            var clock2 = new MutableClock(c.referredAt());
            var programme2 = programme(clock2, history(open));
            Referral pending2 = pendingIntake(programme2.desk(), open, c.submission());
            clock2.set(pending2.intakeDeadline().firstLateInstant());
            assertRefused(programme2.desk().extendDeadline(pending2.id(), Fixtures.PROSECUTOR,
                    pending2.intakeDeadline().date().plusDays(3), "in hospital"), ErrorCode.REFERRAL_LAPSED, programme2,
                    pending2);
        });
    }

    private static void assertRefused(Outcome<Referral> out, ErrorCode code,
                                      InMemoryProgramme programme, Referral before) {
        assertTrue(out.hasError(code), () -> "expected " + code + ", got " + (out.isSuccess() ? "success" : out.errors()));
        Referral now = programme.referrals().find(before.id()).orElseThrow();
        assertEquals(before.version(), now.version());
        assertEquals(before.intakeDeadline(), now.intakeDeadline());
    }

    /** Generated sites in the awkward zones, with a referral near a daylight-saving change. */
    static Gen<ScreeningCase> casesInAwkwardZones() {
        return in -> {
            ZoneId zone = Generate.pick(ZONES).generate(in);
            SitePolicy policy = LeadGenerators.sitePolicy(in, new SiteId("dst-site"), 1, LocalDate.of(2010, 1, 1), zone);
            Instant at = instants().generate(in);
            return new ScreeningCase(policy, at, LeadGenerators.admissibleSubmission(in, policy,
                    LocalDate.ofInstant(at, zone)));
        };
    }

    private static Person renamed(ReferralSubmission s, String id) {
        Person p = s.person();
        return new Person(new PersonId(id), p.dateOfBirth(), p.demographics(), p.residence(), false);
    }
}
