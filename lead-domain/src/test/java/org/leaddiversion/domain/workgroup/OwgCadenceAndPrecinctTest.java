/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.workgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.completeIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.expect;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.history;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.pendingIntake;
import static org.leaddiversion.domain.fixtures.ProgrammeFixtures.programme;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.fixtures.Fixtures;
import org.leaddiversion.domain.fixtures.MutableClock;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.policy.AreaId;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.OwgPolicy;
import org.leaddiversion.domain.policy.OwgScope;
import org.leaddiversion.domain.policy.ReferenceProfiles;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.policy.SitePolicy;
import org.leaddiversion.domain.policy.SitePolicyHistory;
import org.leaddiversion.domain.prosecution.PostEnrollmentCase;
import org.leaddiversion.domain.referral.Location;
import org.leaddiversion.domain.referral.Offence;
import org.leaddiversion.domain.rules.RuleCatalogue;
import org.leaddiversion.domain.rules.Violation;
import org.leaddiversion.domain.workgroup.Agenda.Item;
import org.leaddiversion.domain.workgroup.Agenda.Section;
import org.quicktheories.generators.Generate;

/**
 * The OWG meets as the site policy says ({@code owg.cadenceDays}, {@code owg.scope}): the cadence of the version in
 * force sets the previous and next meeting; a precinct-based site (Seattle) holds one meeting per precinct whose agenda
 * lists only the items located in that precinct, and R38 holds for each of them; asking a precinct-based site for a
 * site-wide agenda, or a site-wide one for a precinct agenda, is an invalid request.
 */
@DisplayName("OWG cadence and precinct scope come from the site policy")
class OwgCadenceAndPrecinctTest {

    static final List<AreaId> PRECINCTS = List.of(AreaId.of("WEST_PRECINCT"), AreaId.of("EAST_PRECINCT"),
            AreaId.of("NORTH_PRECINCT"), AreaId.of("SOUTH_PRECINCT"));
    static final AreaId WEST = PRECINCTS.get(0);
    static final AreaId EAST = PRECINCTS.get(1);
    static final SiteId SANTA_FE = new SiteId("santa-fe");

    // ---- cadence ------------------------------------------------------------------------------------------------

    @Test
    void the_cadence_of_the_policy_in_force_at_the_meeting_sets_the_previous_and_next_meeting() {
        SitePolicy v1 = ReferenceProfiles.load("santa-fe").latest();
        SitePolicy v2 = v1.toBuilder().version(2, LocalDate.of(2020, 1, 1)).owg(new OwgPolicy(21, OwgScope.SITE))
                .build();
        var desk = programme(new MutableClock(Instant.parse("2024-07-01T18:00:00Z")), history(v1, v2)).workgroup();

        Instant before = Instant.parse("2019-06-05T18:00:00Z");
        Meeting biweekly = desk.agenda(SANTA_FE, before, Optional.empty(), Optional.empty(), List.of()).meeting();
        assertEquals(before.minus(Duration.ofDays(14)), biweekly.previousAt(), "Santa Fe: every other week");
        assertEquals(before.plus(Duration.ofDays(14)), biweekly.nextAt());

        Instant after = Instant.parse("2024-06-05T18:00:00Z");
        Meeting every3Weeks = desk.agenda(SANTA_FE, after, Optional.empty(), Optional.empty(), List.of()).meeting();
        assertEquals(after.minus(Duration.ofDays(21)), every3Weeks.previousAt(), "version 2 meets every 21 days");
        assertEquals(after.plus(Duration.ofDays(21)), every3Weeks.nextAt());
        assertEquals(Optional.empty(), every3Weeks.precinct());

        Instant lastMet = after.minus(Duration.ofDays(9));
        Meeting given = desk.agenda(SANTA_FE, after, Optional.of(lastMet), Optional.empty(), List.of()).meeting();
        assertEquals(lastMet, given.previousAt(), "a recorded previous meeting wins over the cadence");
        assertEquals(after.plus(Duration.ofDays(21)), given.nextAt());
    }

    @Test
    void a_meeting_built_the_old_way_covers_the_whole_site() {
        Instant at = Instant.parse("2024-06-05T18:00:00Z");
        var m = new Meeting(SANTA_FE, java.time.ZoneId.of("America/Denver"), at, at.minusSeconds(60),
                at.plusSeconds(60));
        assertEquals(Optional.empty(), m.precinct());
        assertTrue(m.covers(Optional.empty()));
        assertTrue(m.covers(Optional.of(WEST)));
        var west = Meeting.of(SANTA_FE, m.zone(), at, Optional.empty(), Optional.empty(), 14, Optional.of(WEST));
        assertTrue(west.covers(Optional.of(WEST)));
        assertFalse(west.covers(Optional.of(EAST)));
        assertFalse(west.covers(Optional.empty()), "an item without an area belongs to no precinct");
    }

    // ---- scope --------------------------------------------------------------------------------------------------

    @Test
    void a_seattle_precinct_meeting_lists_only_that_precincts_referrals() {
        var f = seattle();
        Referral ana = pendingIntake(f.programme.desk(), f.policy, Fixtures.anArrestDiversion("ANA").build());
        Referral ben = pendingIntake(f.programme.desk(), f.policy, Fixtures.anArrestDiversion("BEN")
                .location(Location.in(EAST)).build());
        Instant at = ana.intakeDeadline().firstLateInstant().minus(Duration.ofDays(3));
        WorkgroupDesk desk = f.programme.workgroup();

        Agenda west = desk.agenda(Fixtures.SEATTLE, WEST, at, Optional.empty(), Optional.empty(), List.of());
        assertEquals(Optional.of(WEST), west.meeting().precinct());
        assertEquals(at.plus(Duration.ofDays(14)), west.meeting().nextAt(), "owg.cadenceDays = 14 (derived)");
        assertEquals(Set.of(ana.id().toString()), subjects(west));
        Agenda east = desk.agenda(Fixtures.SEATTLE, EAST, at, Optional.empty(), Optional.empty(), List.of());
        assertEquals(Set.of(ben.id().toString()), subjects(east));
        Agenda north = desk.agenda(Fixtures.SEATTLE, AreaId.of("NORTH_PRECINCT"), at, Optional.empty(),
                Optional.empty(), List.of());
        assertTrue(north.items().isEmpty());

        OwgInputs inputs = OwgInputs.of(f.programme.referrals().all(), f.programme.enrollments().all(), List.of(),
                List.of(), f.programme.events(), List.of());
        assertEquals(List.of(), RuleCatalogue.checkAgenda(west, inputs), "East's intake is not required in the West");
        // listing the East's referral at the West's meeting is a violation
        var mixed = new ArrayList<>(west.items());
        mixed.addAll(east.items().stream().map(i -> new Item(i.section(), i.subject(), i.person(), "Participant Z"))
                .toList());
        List<Violation> v = RuleCatalogue.checkAgenda(new Agenda(west.meeting(), mixed, List.of()), inputs);
        assertFalse(v.isEmpty());
        assertTrue(v.stream().allMatch(x -> x.subject().equals(ben.id().toString())), v::toString);
    }

    @Test
    void a_case_goes_to_the_precinct_of_its_participants_enrollment() {
        var f = seattle();
        Referral ana = pendingIntake(f.programme.desk(), f.policy, Fixtures.anArrestDiversion("ANA")
                .location(Location.in(EAST)).build());
        Referral enrolled = completeIntake(f.programme.desk(), f.policy, ana.id());
        var enrollment = enrolled.enrollment().orElseThrow();
        Instant now = f.clock.instant();
        var ids = IdGenerator.sequential(77);
        var flagged = expect(PostEnrollmentCase.flag(ids, ana.submission().person().id(), Fixtures.SEATTLE,
                Optional.of(enrollment), List.of(Offence.of("DRUG_POSSESSION", OffenceLevel.MISDEMEANOR)), List.of(),
                now, now), "flag");
        var open = expect(flagged.requestConsultation(Fixtures.PROSECUTOR, now, 10), "consultation");
        OwgInputs inputs = OwgInputs.of(f.programme.referrals().all(), f.programme.enrollments().all(), List.of(open),
                List.of(), f.programme.events(), List.of());
        Instant at = now.plus(Duration.ofDays(1));

        Agenda east = OwgAgenda.build(Meeting.of(Fixtures.SEATTLE, f.policy.zone(), at, Optional.empty(),
                Optional.empty(), 14, Optional.of(EAST)), inputs);
        assertTrue(OwgAgendaTest.has(east, Section.OPEN_CONSULTATION, open.id().toString()));
        Agenda west = OwgAgenda.build(Meeting.of(Fixtures.SEATTLE, f.policy.zone(), at, Optional.empty(),
                Optional.empty(), 14, Optional.of(WEST)), inputs);
        assertTrue(west.items().isEmpty(), west::toString);
        assertEquals(List.of(), RuleCatalogue.checkAgenda(west, inputs));
        assertEquals(List.of(), RuleCatalogue.checkAgenda(east, inputs));
    }

    @Test
    void a_precinct_based_site_needs_a_precinct_and_a_site_wide_one_refuses_it() {
        var f = seattle();
        f.programme.policies().put(ReferenceProfiles.load("santa-fe"));
        WorkgroupDesk desk = f.programme.workgroup();
        Instant at = f.clock.instant();

        var noPrecinct = assertThrows(InvalidValueException.class, () -> desk.agenda(Fixtures.SEATTLE, at,
                Optional.empty(), Optional.empty(), List.of()));
        assertEquals("precinct", noPrecinct.field());
        assertTrue(noPrecinct.reason().contains("PRECINCT"), noPrecinct::getMessage);

        var withPrecinct = assertThrows(InvalidValueException.class, () -> desk.agenda(SANTA_FE, WEST, at,
                Optional.empty(), Optional.empty(), List.of()));
        assertEquals("precinct", withPrecinct.field());
        assertTrue(withPrecinct.reason().contains("SITE"), withPrecinct::getMessage);

        var nullPrecinct = assertThrows(InvalidValueException.class, () -> desk.agenda(Fixtures.SEATTLE, null, at,
                Optional.empty(), Optional.empty(), List.of()));
        assertEquals("precinct", nullPrecinct.field());
    }

    @Test
    void precinct_agendas_partition_the_site_agenda_and_each_satisfies_r38() {
        qt().withExamples(30)
                .forAll(Generate.range(1, 10), Generate.range(0, 40), Generate.longRange(0, Long.MAX_VALUE))
                .checkAssert((people, meetingDay, seed) -> {
                    var f = seattle();
                    var rng = new SplittableRandom(seed);
                    var ids = IdGenerator.sequential(seed % 1_000_000);
                    Map<String, AreaId> areaOfSubject = new HashMap<>();
                    var cases = new ArrayList<PostEnrollmentCase>();
                    for (int i = 0; i < people; i++) {
                        AreaId area = PRECINCTS.get(rng.nextInt(PRECINCTS.size()));
                        Referral r = pendingIntake(f.programme.desk(), f.policy, Fixtures.anArrestDiversion("P-" + i)
                                .location(Location.in(area)).build());
                        areaOfSubject.put(r.id().toString(), area);
                        Instant now = f.clock.instant();
                        Optional<org.leaddiversion.domain.enrollment.EnrollmentId> enrollment = Optional.empty();
                        if (rng.nextInt(3) == 0) {
                            enrollment = completeIntake(f.programme.desk(), f.policy, r.id()).enrollment();
                            enrollment.ifPresent(e -> areaOfSubject.put(e.toString(), area));
                        }
                        if (rng.nextBoolean()) {
                            // a case with an open enrollment goes by the enrollment; one without, by its referral
                            var flagged = expect(PostEnrollmentCase.flag(ids, r.submission().person().id(),
                                    Fixtures.SEATTLE, enrollment, List.of(Offence.of("DRUG_POSSESSION",
                                            OffenceLevel.MISDEMEANOR)), List.of(), now, now,
                                    enrollment.isPresent() ? Optional.empty() : Optional.of(r.id())), "flag");
                            var open = expect(flagged.requestConsultation(Fixtures.PROSECUTOR, now, 10), "consult");
                            cases.add(open);
                            areaOfSubject.put(open.id().toString(), area);
                        }
                    }
                    f.clock.set(f.clock.instant().plus(Duration.ofDays(meetingDay)));
                    f.programme.desk().sweepDeadlines();
                    Instant at = f.clock.instant();
                    OwgInputs inputs = OwgInputs.of(f.programme.referrals().all(), f.programme.enrollments().all(),
                            cases, List.of(), f.programme.events(), List.of());
                    Agenda site = OwgAgenda.build(Meeting.of(Fixtures.SEATTLE, f.policy.zone(), at, Optional.empty(),
                            Optional.empty(), 14), inputs);

                    var union = new ArrayList<String>();
                    for (AreaId precinct : PRECINCTS) {
                        Meeting m = Meeting.of(Fixtures.SEATTLE, f.policy.zone(), at, Optional.empty(),
                                Optional.empty(), 14, Optional.of(precinct));
                        Agenda agenda = OwgAgenda.build(m, inputs);
                        // R38 holds for the precinct meeting: complete for its precinct, nothing from elsewhere
                        assertEquals(List.of(), RuleCatalogue.checkAgenda(agenda, inputs), precinct::value);
                        for (Item item : agenda.items()) {
                            assertEquals(precinct, areaOfSubject.get(item.subject()), item::toString);
                            union.add(item.section() + "/" + item.subject());
                        }
                        // the whole site's agenda at this precinct's meeting lists other precincts' items
                        boolean foreign = site.items().stream()
                                .anyMatch(i -> !precinct.equals(areaOfSubject.get(i.subject())));
                        assertEquals(foreign, !RuleCatalogue.checkAgenda(new Agenda(m, site.items(), List.of()),
                                inputs).isEmpty(), precinct::value);
                    }
                    // every item of the site goes to exactly one precinct
                    var siteKeys = site.items().stream().map(i -> i.section() + "/" + i.subject()).toList();
                    assertEquals(siteKeys.size(), union.size());
                    assertEquals(new HashSet<>(siteKeys), new HashSet<>(union));
                    assertEquals(List.of(), RuleCatalogue.checkAgenda(site, inputs));
                });
    }

    // ---- fixtures -----------------------------------------------------------------------------------------------

    record Seattle(MutableClock clock, InMemoryProgramme programme, SitePolicy policy) {
    }

    /** A Seattle programme (precinct-based OWG) at noon on 1 July 2024. */
    static Seattle seattle() {
        SitePolicyHistory hist = Fixtures.seattle();
        SitePolicy policy = hist.latest();
        var clock = new MutableClock(LocalDate.of(2024, 7, 1).atTime(LocalTime.NOON).atZone(hist.zone()).toInstant());
        return new Seattle(clock, programme(clock, hist), policy);
    }

    static Set<String> subjects(Agenda agenda) {
        var out = new HashSet<String>();
        agenda.items().forEach(i -> out.add(i.subject()));
        return out;
    }
}
