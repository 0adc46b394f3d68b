/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.access.DataClass;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ErrorCode;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.common.RuleId;
import org.leaddiversion.domain.consent.Purpose;
import org.leaddiversion.domain.consent.ReportAccess;
import org.leaddiversion.domain.evaluation.ReportScope;
import org.leaddiversion.domain.evaluation.SantaFeQuarter;
import org.leaddiversion.domain.intake.Referral;

/**
 * The evaluator's research extract ({@link ResearchExtracts}) on a database: one row per referral of the scope, no
 * direct identifier anywhere in the CSV, pseudonyms stable within an extract and unlinkable across extracts unless the
 * host gives the key, only the evaluator doing research receives it, and every request is audited. Written once, run
 * on H2 and PostgreSQL.
 */
abstract class ResearchExtractContract {

    private static final Instant NOW = Instant.parse("2016-06-01T12:00:00Z");
    private static final Reader EVALUATOR = Reader.of(Actor.of("uw-eval-1", Role.EVALUATOR),
            Purpose.RESEARCH_EVALUATION);
    private static final ReportScope SCOPE = SantaFeQuarter.SCOPE;

    private LeadDatabase db;
    private SantaFeQuarter santaFe;
    private ResearchExtracts extracts;

    abstract LeadDatabase open();

    @BeforeEach
    void open_database() {
        db = open();
        santaFe = new SantaFeQuarter();
        for (Referral r : santaFe.referrals()) {
            db.referrals().save(r, -1, List.of());
        }
        extracts = db.researchExtracts(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close_database() {
        db.close();
    }

    private static List<List<String>> rows(String csv) {
        var out = new ArrayList<List<String>>();
        CsvRecords records = new CsvRecords(new StringReader(csv));
        try {
            for (CsvRecords.Row row = records.next(); row != null; row = records.next()) {
                out.add(row.fields());
            }
        } catch (IOException | CsvRecords.MalformedRecord e) {
            throw new AssertionError("the extract is not well-formed CSV", e);
        }
        return out;
    }

    private String extract(Reader reader) {
        var out = new StringWriter();
        extracts.write(reader, SCOPE, out);
        return out.toString();
    }

    private List<Referral> inScope() {
        return santaFe.referrals().stream().filter(r -> SCOPE.period().contains(r.referredAt())).toList();
    }

    @Test
    void the_evaluator_gets_a_row_per_referral_of_the_scope_with_the_documented_columns() {
        var out = new StringWriter();
        Release<Long> release = extracts.write(EVALUATOR, SCOPE, out);
        assertEquals(AuditOutcome.ALLOWED, release.outcome());
        assertEquals(ReportAccess.RESEARCH_EXTRACT, release.released());
        List<List<String>> rows = rows(out.toString());
        assertEquals(ResearchExtracts.COLUMNS, rows.get(0), "the header");
        assertTrue(inScope().size() > 10, "the Santa Fe quarter has referrals to extract");
        assertEquals(inScope().size(), release.data());
        assertEquals(inScope().size(), rows.size() - 1);
        Map<String, Long> doors = new HashMap<>();
        inScope().forEach(r -> doors.merge(r.door().name(), 1L, Long::sum));
        Map<String, Long> extracted = new HashMap<>();
        rows.subList(1, rows.size()).forEach(r -> extracted.merge(r.get(3), 1L, Long::sum));
        assertEquals(doors, extracted, "every referral's door");
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(ResearchExtracts.COLUMNS.size(), row.size());
            assertEquals(SCOPE.site().value(), row.get(2));
            assertTrue(row.get(4).matches("2016-0[123]"), () -> "month only: " + row);
            assertFalse(row.get(11).isBlank(), "race is reported, UNKNOWN when not recorded");
        }
    }

    @Test
    void no_direct_identifier_appears_in_the_extract() {
        String csv = extract(EVALUATOR);
        for (Referral r : santaFe.referrals()) {
            var person = r.submission().person();
            assertFalse(csv.contains(person.id().value()), "a person id is in the extract");
            assertFalse(csv.contains(r.id().value().toString()), "a referral id is in the extract");
            person.dateOfBirth().ifPresent(dob -> assertFalse(csv.contains(dob.toString()),
                    "a date of birth is in the extract"));
            assertFalse(csv.contains(r.submission().referrer().actor().id().value()), "an officer is in the extract");
            assertFalse(csv.contains(SCOPE.period().localDate(r.referredAt()).toString()), "a referral date");
        }
    }

    @Test
    void pseudonyms_are_stable_within_an_extract_and_unlinkable_across_extracts_unless_the_key_is_shared() {
        List<List<String>> first = rows(extract(EVALUATOR));
        Map<String, Set<String>> subjectsByPerson = new HashMap<>();
        List<Referral> referrals = inScope();
        // rows come oldest first, as the referrals of the quarter do once sorted by time and id
        var sorted = new ArrayList<>(referrals);
        sorted.sort(java.util.Comparator.comparing(Referral::referredAt).thenComparing(r -> r.id().value()));
        for (int i = 0; i < sorted.size(); i++) {
            subjectsByPerson.computeIfAbsent(sorted.get(i).submission().person().id().value(), k -> new TreeSet<>())
                    .add(first.get(i + 1).get(0));
        }
        subjectsByPerson.forEach((person, subjects) -> assertEquals(1, subjects.size(), "one pseudonym a person"));
        assertEquals(subjectsByPerson.size(), subjectsByPerson.values().stream().flatMap(Set::stream).distinct()
                .count(), "different people, different pseudonyms");

        List<List<String>> second = rows(extract(EVALUATOR));
        assertNotEquals(first.get(1).get(0), second.get(1).get(0), "a fresh key for each extract");

        byte[] key = new byte[ResearchExtracts.MIN_KEY_BYTES];
        key[0] = 7;
        var a = new StringWriter();
        var b = new StringWriter();
        extracts.write(EVALUATOR, SCOPE, key, a);
        extracts.write(EVALUATOR, SCOPE, key.clone(), b);
        assertEquals(a.toString(), b.toString(), "the host's key links extracts");
        assertEquals("pseudonymKey", assertThrows(InvalidValueException.class, () -> extracts.write(EVALUATOR, SCOPE,
                new byte[16], new StringWriter())).field());
    }

    @Test
    void nobody_else_gets_the_extract_and_every_request_is_audited() {
        int before = db.audit().all().size();
        for (Reader reader : List.of(Reader.of(Actor.of("pm-1", Role.PROJECT_MANAGER), Purpose.RESEARCH_EVALUATION),
                Reader.of(Actor.of("court-1", Role.COURT), Purpose.RESEARCH_EVALUATION),
                Reader.of(Actor.of("uw-eval-1", Role.EVALUATOR), Purpose.CARE_COORDINATION),
                Reader.of(Actor.of("uw-eval-1", Role.EVALUATOR), Purpose.ENFORCEMENT))) {
            var out = new StringWriter();
            Release<Long> release = extracts.write(reader, SCOPE, out);
            assertEquals("", out.toString(), "nothing written");
            assertEquals(AuditOutcome.DENIED, release.outcome());
            assertEquals(0L, release.data());
            assertEquals(ReportAccess.RESEARCH_EXTRACT.size(), release.refusals().size());
            assertTrue(release.refusalOf(DataClass.REFERRAL_CORE).isPresent());
            if (reader.purpose() == Purpose.ENFORCEMENT) {
                assertEquals(RuleId.R35, release.refusals().get(0).rule());
            } else {
                assertEquals(ErrorCode.NOT_AUTHORISED, release.refusals().get(0).code());
            }
        }
        extract(EVALUATOR);
        List<AuditEntry> entries = db.audit().all();
        assertEquals(before + 5, entries.size());
        for (AuditEntry e : entries.subList(before, entries.size())) {
            assertEquals("research-extract", e.what());
            assertTrue(e.participant().isEmpty());
            assertEquals(List.of("site:" + SCOPE.site().value(), "period:2016-01-01/2016-04-01"), e.recordIds());
            assertEquals(NOW, e.at());
        }
        AuditEntry granted = entries.get(entries.size() - 1);
        assertEquals(AuditOutcome.ALLOWED, granted.outcome());
        assertEquals(ReportAccess.RESEARCH_EXTRACT, granted.dataClasses());
        assertEquals(Set.of(), entries.get(before).dataClasses());
    }
}
