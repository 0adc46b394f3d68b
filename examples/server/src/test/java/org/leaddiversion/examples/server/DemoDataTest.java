/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.consent.Consent;
import org.leaddiversion.domain.consent.ConsentType;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.consent.RecipientCircumstances;
import org.leaddiversion.domain.enrollment.EnrollmentEvent;
import org.leaddiversion.domain.enrollment.EnrollmentStatus;
import org.leaddiversion.domain.intake.CaseloadCapacity;
import org.leaddiversion.domain.intake.DivertedCaseStatus;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.memory.InMemoryProgramme;
import org.leaddiversion.domain.plan.CaseManagerId;
import org.leaddiversion.domain.plan.Goal;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.RuleStrength;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.rules.RuleCatalogue;
import org.leaddiversion.persistence.AuditOutcome;
import org.leaddiversion.persistence.LeadDatabase;
import org.leaddiversion.persistence.OutboxEvent;
import org.leaddiversion.persistence.ParticipantRecords;
import org.leaddiversion.persistence.Reader;
import org.leaddiversion.persistence.ReferralView;

/**
 * The demo data: deterministic for a seed, the same on the database as in memory, holding the well-known records the
 * docs and the saved operations name, showing every door, exclusion, override, lapse, inactivity, revocation and Part 2
 * consent, and breaking no programme rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataTest {

    private static final DemoData.Settings SMALL = new DemoData.Settings(7, 150, LocalDate.of(2026, 11, 22));
    private static final SiteId SEATTLE = new SiteId("seattle-king-county");

    private LeadDatabase db;
    private DemoData.Summary seeded;
    private InMemoryProgramme memory;
    private DemoData.Summary seededInMemory;
    private ParticipantRecords records;
    private List<DomainEvent> logged;

    @BeforeAll
    void seed() {
        db = LeadDatabase.h2InMemory("demo-data-a");
        seeded = DemoData.seed(db, SMALL);
        logged = events(db);
        var clock = new SeedingClock(SMALL.start().minusSeconds(86_400));
        memory = new InMemoryProgramme(clock, IdGenerator.sequential(SMALL.seed()), CaseloadCapacity.notTracked());
        seededInMemory = DemoData.seed(DemoTarget.inMemory(memory), clock, SMALL);
        // the reads happen on the day the data ends, as on the server
        records = db.records(Clock.fixed(SMALL.end().plusSeconds(3_600), ZoneOffset.UTC));
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void theSameSeedGivesTheSameData() {
        try (LeadDatabase again = LeadDatabase.h2InMemory("demo-data-b")) {
            DemoData.Summary second = DemoData.seed(again, SMALL);
            // event for event, as values (a set inside an event has no fixed order from one JVM to the next)
            assertThat(events(again)).isEqualTo(logged);
            assertThat(second.referralsByStatus()).isEqualTo(seeded.referralsByStatus());
            assertThat(second.enrollmentsByStatus()).isEqualTo(seeded.enrollmentsByStatus());
        }
        var other = new DemoData.Settings(8, 150, SMALL.today());
        var clock = new SeedingClock(other.start().minusSeconds(86_400));
        var programme = new InMemoryProgramme(clock, IdGenerator.sequential(other.seed()),
                CaseloadCapacity.notTracked());
        DemoData.seed(DemoTarget.inMemory(programme), clock, other);
        assertThat(programme.events()).as("another seed gives other data").isNotEqualTo(logged);
    }

    @Test
    void theDatabaseHoldsExactlyWhatTheInMemoryRunProduced() {
        assertThat(logged).isNotEmpty().containsExactlyElementsOf(memory.events());
        assertThat(seededInMemory.referralsByStatus()).isEqualTo(seeded.referralsByStatus());
        // the same counts, but for the meetings, which only the in-memory run can record
        var inMemoryActivity = new java.util.HashMap<>(seededInMemory.activity());
        assertThat(inMemoryActivity.remove(DemoData.MEETINGS)).isPositive();
        assertThat(seeded.activity()).isEqualTo(inMemoryActivity);
    }

    @Test
    void loadingTheInMemoryRunLeavesEveryRowTheDesksOnTheDatabaseWouldHaveWritten() throws SQLException {
        try (LeadDatabase loaded = LeadDatabase.h2InMemory("demo-data-loaded");
             LeadDatabase desks = LeadDatabase.h2InMemory("demo-data-desks")) {
            DemoData.Summary fast = DemoData.seed(loaded, SMALL);
            DemoData.Summary slow = DemoData.seedThroughDesks(desks, SMALL);
            assertThat(fast.referralsByStatus()).isEqualTo(slow.referralsByStatus());
            assertThat(fast.enrollmentsByStatus()).isEqualTo(slow.enrollmentsByStatus());
            assertThat(fast.activity()).isEqualTo(slow.activity());
            Map<String, List<String>> expected = rows("demo-data-desks");
            Map<String, List<String>> actual = rows("demo-data-loaded");
            assertThat(actual.keySet()).isEqualTo(expected.keySet());
            assertThat(expected.get("referral")).hasSize(SMALL.participants());
            for (String table : expected.keySet()) {
                assertThat(actual.get(table)).as("table %s", table).containsExactlyElementsOf(expected.get(table));
            }
        }
    }

    /**
     * Every row of every table of the in-memory H2 database {@code name} but Flyway's (its install times differ), each
     * as its column names and values, sorted per table: identities, versions and sequence numbers included.
     */
    private static Map<String, List<String>> rows(String name) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name);
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            tables.remove("flyway_schema_history");
            for (String table : tables) {
                List<String> rows = new ArrayList<>();
                try (ResultSet r = s.executeQuery("select * from " + table)) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        var row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(r.getMetaData().getColumnName(i)).append('=').append(r.getString(i))
                                    .append(' ');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                out.put(table, rows);
            }
        }
        return out;
    }

    @Test
    void rosaIsOnTheDemoCaseManagersCaseloadWithAPlanAndNoConsentCoveringProsecutors() {
        PersonId rosa = new PersonId(DemoData.ROSA);
        Reader cm = new Reader(Actor.of(DemoUsers.CASE_MANAGER, Role.CASE_MANAGER), Purpose.CARE_COORDINATION,
                new RecipientCircumstances(false, true, false));
        List<ReferralView> referrals = records.referralsOf(cm, rosa).data();
        assertThat(referrals).singleElement().satisfies(r -> {
            assertThat(r.site()).isEqualTo(SEATTLE);
            assertThat(r.door()).isEqualTo(Door.ARREST_DIVERSION);
            assertThat(r.status()).isEqualTo(ReferralStatus.INTAKE_COMPLETED);
            assertThat(r.referrer().actor().id().value()).isEqualTo(DemoUsers.OFFICER);
            assertThat(r.heldCharge()).hasValueSatisfying(c -> assertThat(c.status())
                    .isEqualTo(DivertedCaseStatus.NOT_FILED));
        });
        assertThat(records.enrollmentsOf(cm, rosa).data()).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(EnrollmentStatus.ACTIVE));
        var plans = records.plansOf(cm, rosa).data();
        assertThat(plans).singleElement().satisfies(p -> {
            assertThat(p.plan()).isPresent();
            assertThat(p.plan().get().goals()).hasSizeGreaterThanOrEqualTo(3).allMatch(Goal::setByParticipant);
            assertThat(p.fund()).isPresent();
        });
        assertThat(records.contactsOf(cm, rosa).data()).hasSizeGreaterThan(5);
        List<Consent> consents = records.consentsOf(cm, rosa).data();
        assertThat(consents).isNotEmpty().noneMatch(c -> c.recipientRoles().contains(Role.PROSECUTOR)
                || c.recipientRoles().contains(Role.LIAISON_PROSECUTOR));

        var enrollment = memory.enrollments().openFor(rosa, SEATTLE).orElseThrow().id();
        assertThat(memory.caseloads().of(SEATTLE).caseManagerOf(enrollment))
                .contains(CaseManagerId.of(Actor.of(DemoUsers.CASE_MANAGER, Role.CASE_MANAGER).id()));

        Reader prosecutor = new Reader(Actor.of(DemoUsers.PROSECUTOR, Role.PROSECUTOR), Purpose.LEGAL_COORDINATION,
                RecipientCircumstances.none());
        var refused = records.plansOf(prosecutor, rosa);
        assertThat(refused.data()).isEmpty();
        assertThat(refused.isReleased(DataClass.PLAN_SUMMARY)).isFalse();
    }

    @Test
    void samsReleaseCoversTheProsecutorAndHisNewCaseIsUnderConsultation() {
        PersonId sam = new PersonId(DemoData.SAM);
        Reader cm = new Reader(Actor.of(DemoUsers.CASE_MANAGER, Role.CASE_MANAGER), Purpose.CARE_COORDINATION,
                new RecipientCircumstances(false, true, false));
        Instant now = SMALL.end();
        assertThat(records.consentsOf(cm, sam).data()).anySatisfy(c -> {
            assertThat(c.type()).isEqualTo(ConsentType.MULTI_PARTY_ROI);
            assertThat(c.covers(Role.PROSECUTOR, Purpose.LEGAL_COORDINATION, DataClass.ENROLLMENT_STATUS, now))
                    .isTrue();
            assertThat(c.covers(Role.PROSECUTOR, Purpose.LEGAL_COORDINATION, DataClass.PLAN_SUMMARY, now)).isTrue();
        });
        assertThat(records.enrollmentsOf(cm, sam).data()).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(EnrollmentStatus.ACTIVE));
        var enrollment = memory.enrollments().openFor(sam, SEATTLE).orElseThrow().id();
        assertThat(memory.caseloads().of(SEATTLE).caseManagerOf(enrollment))
                .contains(CaseManagerId.of(Actor.of(DemoUsers.CASE_MANAGER, Role.CASE_MANAGER).id()));

        Reader prosecutor = new Reader(Actor.of(DemoUsers.PROSECUTOR, Role.PROSECUTOR), Purpose.LEGAL_COORDINATION,
                RecipientCircumstances.none());
        var plans = records.plansOf(prosecutor, sam);
        assertThat(plans.isReleased(DataClass.PLAN_SUMMARY)).isTrue();
        assertThat(plans.data()).singleElement().satisfies(p -> assertThat(p.plan()).isPresent());
        assertThat(records.casesOf(prosecutor, sam).data()).singleElement().satisfies(c -> {
            assertThat(c.consultation()).isPresent();
            assertThat(c.caseManagerInput()).isPresent();
            assertThat(c.decision()).isEmpty();
        });
        assertThat(records.openConsultations(prosecutor, SEATTLE)).containsKey(sam);
    }

    @Test
    void theOtherWellKnownRecords() {
        Reader pm = new Reader(Actor.of(DemoUsers.PROJECT_MANAGER, Role.PROJECT_MANAGER), Purpose.CARE_COORDINATION,
                RecipientCircumstances.none());
        Reader cm = new Reader(Actor.of(DemoUsers.CASE_MANAGER, Role.CASE_MANAGER), Purpose.CARE_COORDINATION,
                new RecipientCircumstances(false, true, false));
        assertThat(records.referralsOf(pm, new PersonId(DemoData.DANA)).data()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReferralStatus.INTAKE_LAPSED);
            assertThat(r.heldCharge()).hasValueSatisfying(c -> assertThat(c.status())
                    .isEqualTo(DivertedCaseStatus.DECLINED));
        });
        PersonId lee = new PersonId(DemoData.LEE);
        assertThat(records.referralsOf(pm, lee).data()).singleElement()
                .satisfies(r -> assertThat(r.door()).isEqualTo(Door.COMMUNITY));
        assertThat(records.consentsOf(cm, lee).data()).anySatisfy(c -> assertThat(c.revokedAt()).isPresent());
        assertThat(records.enrollmentsOf(cm, lee).data()).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(EnrollmentStatus.ACTIVE));
        assertThat(memory.events()).anySatisfy(e -> assertThat(e)
                .isInstanceOfSatisfying(EnrollmentEvent.ParticipantReengaged.class, r -> assertThat(
                        memory.enrollments().find(r.enrollmentId()).orElseThrow().person()).isEqualTo(lee)));
        assertThat(records.consentsOf(cm, new PersonId(DemoData.ANA)).data())
                .anySatisfy(c -> assertThat(c.type()).isEqualTo(ConsentType.PART2));
        assertThat(records.referralsOf(pm, new PersonId(DemoData.JO)).data()).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(ReferralStatus.INELIGIBLE));
        assertThat(records.referralsOf(pm, new PersonId(DemoData.KAI)).data()).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(ReferralStatus.INELIGIBLE));
        assertThat(records.enrollmentsOf(pm, new PersonId(DemoData.MAX)).data()).hasSize(1);
        // the database hands out caseload counts per case manager: the demo case manager carries a full caseload
        var caseloads = db.programme(Clock.fixed(SMALL.end(), ZoneOffset.UTC), IdGenerator.sequential(99),
                CaseloadCapacity.notTracked()).openCaseloads(SEATTLE);
        int cm1 = caseloads.get(CaseManagerId.of(Actor.of(DemoUsers.CASE_MANAGER, Role.CASE_MANAGER).id()));
        assertThat(cm1).isEqualTo(seeded.count("cm-1 caseload")).isBetween(4, 25);
        assertThat(caseloads.values()).allMatch(n -> n <= 25);
        // reads are audited: none of the above was released without an entry
        assertThat(records.referralsOf(pm, new PersonId(DemoData.JO)).outcome()).isNotEqualTo(AuditOutcome.DENIED);
    }

    @Test
    void everyDoorExclusionOverrideLapseInactivityRevocationAndPart2Occurs() {
        List<Referral> referrals = memory.referrals().all();
        assertThat(referrals.stream().map(Referral::door).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Door.ARREST_DIVERSION, Door.SOCIAL_CONTACT, Door.COMMUNITY);
        assertThat(referrals).anySatisfy(r -> assertThat(r.screening().findings())
                .anyMatch(f -> f.strength() == RuleStrength.HARD));
        assertThat(referrals).anySatisfy(r -> {
            assertThat(r.screening().findings()).anyMatch(f -> f.strength() == RuleStrength.PRESUMPTIVE);
            assertThat(r.exclusionConfirmation()).isPresent();
        });
        assertThat(referrals).anySatisfy(r -> assertThat(r.override()).isPresent());
        assertThat(referrals).anySatisfy(r -> assertThat(r.status()).isEqualTo(ReferralStatus.INTAKE_LAPSED));
        assertThat(referrals).anySatisfy(r -> assertThat(r.status()).isEqualTo(ReferralStatus.DECLINED_BY_PERSON));
        List<DomainEvent> events = memory.events();
        assertThat(events).anyMatch(e -> e instanceof EnrollmentEvent.ParticipantBecameInactive);
        assertThat(events).anyMatch(e -> e instanceof EnrollmentEvent.ParticipantReengaged);
        var consents = memory.consents().all();
        assertThat(consents).anyMatch(c -> c.revokedAt().isPresent());
        assertThat(consents).anyMatch(c -> c.type() == ConsentType.PART2);
        assertThat(memory.cases().all()).anyMatch(c -> c.decision().isPresent())
                .anyMatch(c -> c.consultation().isPresent());
        assertThat(memory.meetings().all()).isNotEmpty();
        assertThat(memory.enrollments().all().stream().map(e -> e.status()).collect(Collectors.toSet()))
                .containsAll(EnumSet.of(EnrollmentStatus.ACTIVE, EnrollmentStatus.INACTIVE, EnrollmentStatus.CLOSED));
        assertThat(Set.of(DemoData.ROSA, DemoData.SAM, DemoData.DANA, DemoData.LEE, DemoData.ANA))
                .allMatch(id -> referrals.stream().anyMatch(r -> r.submission().person().id().value().equals(id)));
    }

    @Test
    void theRuleCatalogueHoldsOverTheData() {
        // the whole-programme record is public in memory only; the database offers it to the library's own tests
        assertThat(RuleCatalogue.checkAll(memory.record())).isEmpty();
    }

    /** Every event of the database's log, in order (the outbox hands each over once). */
    private static List<DomainEvent> events(LeadDatabase database) {
        var all = new ArrayList<DomainEvent>();
        var outbox = database.outbox(Clock.systemUTC());
        while (outbox.relay(10_000, batch -> batch.stream().map(OutboxEvent::event).forEach(all::add)) > 0) {
            // until drained
        }
        return all;
    }
}
