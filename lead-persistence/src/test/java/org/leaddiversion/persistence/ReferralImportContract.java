/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leaddiversion.persistence.jooq.Tables.DIVERTED_CASE;
import static org.leaddiversion.persistence.jooq.Tables.DOMAIN_EVENT;
import static org.leaddiversion.persistence.jooq.Tables.REFERRAL;
import static org.leaddiversion.persistence.jooq.Tables.SCREENING_REASON;

import java.io.StringReader;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.common.Outcome;
import org.leaddiversion.domain.intake.CaseloadCapacity;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.domain.intake.ReferralDesk;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.policy.ReferenceProfiles;

/**
 * The bulk import of referrals from CSV, on H2 and PostgreSQL: good rows become the referrals the desk would have made
 * from the same submissions at the same instants, bad rows are reported by line and column without their values and
 * never stop the import, and the counts agree with the tables.
 */
abstract class ReferralImportContract {

    static final String HEADER = String.join(",", ReferralImport.COLUMNS);

    /** Seattle: an eligible arrest diversion (policy version 2, 2020). */
    static final String ELIGIBLE = "seattle-king-county,ARREST_DIVERSION,2020-03-04T18:30:00Z,P-0001,1984-07-01,R2,,G1,"
            + "WEST_PRECINCT,true,DRUG_POSSESSION,MISDEMEANOR,HEROIN,POWDER,1.2,false,badge-1001,OFFICER,SPD,true,false";
    /** Over the 3 g threshold: presumptively ineligible (E1), a finding row. */
    static final String OVER_THRESHOLD = "seattle-king-county,ARREST_DIVERSION,2020-03-05T09:00:00Z,P-0002,1990-01-15,,,,"
            + "EAST_PRECINCT,true,DRUG_POSSESSION,FELONY,METHAMPHETAMINE,CRYSTAL,4.5,false,badge-1002,OFFICER,SPD,true,false";
    /** A community referral in 2021 (version 2 has the door), the person consenting. */
    static final String COMMUNITY = "seattle-king-county,COMMUNITY,2021-11-20T20:00:00Z,P-0003,1975-12-31,,,G2,"
            + ",false,,,,,,,cm-7,CASE_MANAGER,REACH,false,true";
    /** The same community referral in 2015: version 1 has no community door, so it is refused at the door (R40). */
    static final String COMMUNITY_2015 = "seattle-king-county,COMMUNITY,2015-11-20T20:00:00Z,P-0004,1975-12-31,,,,"
            + ",false,,,,,,,cm-7,CASE_MANAGER,REACH,false,true";
    /** A minor (E4, hard): ineligible, stored as a referral. */
    static final String MINOR = "seattle-king-county,ARREST_DIVERSION,2022-06-01T12:00:00Z,P-0005,2006-01-01,,,,"
            + "NORTH_PRECINCT,true,THEFT_LOW_LEVEL,MISDEMEANOR,,,,,badge-1003,SERGEANT,SPD,true,false";

    LeadDatabase db;

    abstract LeadDatabase open();

    @BeforeEach
    void openDatabase() {
        db = open();
        db.sitePolicies().put(ReferenceProfiles.load("seattle-king-county"));
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    private ImportReport importing(String... rows) {
        return db.referralImport(db.sitePolicies(), IdGenerator.sequential(42)).withBatchSize(2)
                .from(new StringReader(HEADER + "\n" + String.join("\n", rows) + "\n"));
    }

    @Test
    void goodRowsAreScreenedAtTheirInstantAndStoredWithTheirChildRowsAndEvents() {
        ImportReport report = importing(ELIGIBLE, OVER_THRESHOLD, COMMUNITY, MINOR, COMMUNITY_2015);

        assertEquals(5, report.read());
        assertEquals(4, report.imported());
        assertEquals(1, report.rejected());
        assertEquals(Map.of(ReferralStatus.SUBMITTED, 2L, ReferralStatus.PRESUMPTIVELY_INELIGIBLE, 1L,
                ReferralStatus.INELIGIBLE, 1L), report.byStatus());
        var problem = report.problems().get(0);
        assertEquals(6, problem.line(), "the header is line 1");
        assertTrue(problem.reason().startsWith("refused at the door"), problem.reason());

        var dsl = ((JooqTransactions) db.transactions()).dsl();
        assertEquals(4, dsl.fetchCount(REFERRAL));
        assertEquals(report.byStatus().get(ReferralStatus.SUBMITTED).intValue(),
                dsl.fetchCount(REFERRAL, REFERRAL.STATUS.eq("SUBMITTED")));
        assertTrue(dsl.fetchCount(SCREENING_REASON) >= 2, "the E1 finding and the E4 finding have rows");
        assertEquals(0, dsl.fetchCount(DIVERTED_CASE), "no charge is held before acceptance");
        // submitted + screened for each, and the community referral's consent
        assertEquals(4 * 2 + 1, dsl.fetchCount(DOMAIN_EVENT));
        List<Integer> versions = dsl.select(REFERRAL.POLICY_VERSION).from(REFERRAL).fetch(REFERRAL.POLICY_VERSION);
        assertTrue(versions.stream().allMatch(v -> v == 2), "each row screened with the version in force then");
    }

    @Test
    void badRowsAreReportedByLineAndColumnWithoutTheirValuesAndTheImportGoesOn() {
        String badDate = ELIGIBLE.replace("1984-07-01", "1984-13-45");
        String badDoor = ELIGIBLE.replace("ARREST_DIVERSION", "BACK_DOOR");
        String noPerson = ELIGIBLE.replace("P-0001", "");
        String badWeight = ELIGIBLE.replace(",1.2,", ",1.2g,");
        String weightWithoutSubstance = ELIGIBLE.replace("HEROIN,POWDER", ",");
        String negativeWeight = ELIGIBLE.replace(",1.2,", ",-1.2,");
        String badInstant = ELIGIBLE.replace("2020-03-04T18:30:00Z", "04/03/2020 18:30");
        String tooFew = "seattle-king-county,ARREST_DIVERSION";
        String unclosed = "seattle-king-county,\"ARREST_DIVERSION,2020";

        ImportReport report = importing(badDate, ELIGIBLE, badDoor, noPerson, badWeight, weightWithoutSubstance,
                negativeWeight, badInstant, tooFew, unclosed);

        assertEquals(1, report.imported());
        assertEquals(9, report.rejected());
        assertEquals(10, report.read());
        Map<Long, String> fieldByLine = report.problems().stream()
                .collect(Collectors.toMap(ImportReport.RowProblem::line, ImportReport.RowProblem::field));
        assertEquals(Map.of(2L, "date_of_birth", 4L, "door", 5L, "person_id", 6L, "net_weight_grams", 7L, "substance",
                8L, "drugFacts.netWeightGrams", 9L, "referred_at", 10L, "row", 11L, "row"), fieldByLine);
        for (var p : report.problems()) {
            for (String personal : List.of("P-0001", "1984", "13-45", "1.2g", "-1.2", "04/03/2020", "BACK_DOOR")) {
                assertFalse(p.toString().contains(personal), p + " repeats a value");
            }
        }
        assertEquals(1, ((JooqTransactions) db.transactions()).dsl().fetchCount(REFERRAL));
    }

    @Test
    void aWrongHeaderImportsNothing() {
        ImportReport report = db.referralImport(db.sitePolicies(), IdGenerator.sequential(1))
                .from(new StringReader("site,door\n" + ELIGIBLE + "\n"));
        assertEquals(0, report.imported());
        assertEquals("header", report.problems().get(0).field());
    }

    @Test
    void importedReferralsEqualWhatTheDeskWouldHaveMadeFromTheSameSubmissions() {
        List<String> rows = List.of(ELIGIBLE, OVER_THRESHOLD, COMMUNITY, COMMUNITY_2015, MINOR);
        importing(rows.toArray(String[]::new));

        try (LeadDatabase deskDb = open()) {
            deskDb.sitePolicies().put(ReferenceProfiles.load("seattle-king-county"));
            IdGenerator ids = IdGenerator.sequential(42);
            var reference = db.referralImport(db.sitePolicies(), IdGenerator.sequential(0));
            for (String row : rows) {
                // the desk is handed the submission the import parsed, at the row's instant (rows are not in time
                // order, so each submission gets a desk whose clock stands at its instant; the ids run on)
                var parsed = reference.parse(row);
                var desk = new ReferralDesk(Clock.fixed(parsed.referredAt(), ZoneOffset.UTC), ids,
                        deskDb.sitePolicies(), deskDb.referrals(), deskDb.enrollments(), CaseloadCapacity.notTracked(),
                        deskDb.siteCaseloads(), deskDb.postEnrollmentCases(), deskDb.transactions());
                Outcome<Referral> out = desk.submit(parsed.submission());
                assertEquals(row != COMMUNITY_2015, out.isSuccess(), row);
            }
            assertEquals(states(deskDb), states(db));
            assertEquals(deskDb.events().events(), db.events().events());
            // the projections too: the bulk path (COPY on PostgreSQL) stores what the desk's inserts store
            for (var table : List.of(REFERRAL, SCREENING_REASON, DIVERTED_CASE)) {
                assertEquals(rows(deskDb, table), rows(db, table), table.getName());
            }
        }
    }

    /** {@code n} eligible rows, each a different person, in time order. */
    private static String[] eligibleRows(int n) {
        String[] rows = new String[n];
        for (int i = 0; i < n; i++) {
            rows[i] = ELIGIBLE.replace("P-0001", String.format("P-%04d", 1000 + i))
                    .replace("2020-03-04T18:30:00Z", java.time.Instant.parse("2020-03-04T18:30:00Z")
                            .plusSeconds(60L * i).toString());
        }
        return rows;
    }

    @Test
    void manyBatchesAreEachStoredOnceInInputOrder() {
        // 41 rows in batches of 2: more batches than the writer's queue holds
        ImportReport report = importing(eligibleRows(41));

        assertEquals(41, report.imported());
        var dsl = ((JooqTransactions) db.transactions()).dsl();
        assertEquals(41, dsl.fetchCount(REFERRAL));
        assertEquals(41 * 2, dsl.fetchCount(DOMAIN_EVENT));
        // the event log follows the input: the ids are drawn in row order, and each row's events follow the last's
        List<String> order = dsl.select(DOMAIN_EVENT.AGGREGATE_ID).from(DOMAIN_EVENT).orderBy(DOMAIN_EVENT.SEQ)
                .fetch(DOMAIN_EVENT.AGGREGATE_ID);
        var ids = IdGenerator.sequential(42);
        for (int i = 0; i < 41; i++) {
            String id = ids.next().toString();
            assertEquals(List.of(id, id), order.subList(2 * i, 2 * i + 2), "row " + (i + 1));
        }
    }

    @Test
    void aDatabaseFailureMidwayStopsTheImportAndKeepsTheBatchesBeforeIt() {
        // the fifth referral gets the first one's id: the third batch of two fails on the primary key
        var sequence = IdGenerator.sequential(7);
        var first = new java.util.concurrent.atomic.AtomicReference<java.util.UUID>();
        var calls = new java.util.concurrent.atomic.AtomicInteger();
        IdGenerator repeating = () -> {
            var id = sequence.next();
            first.compareAndSet(null, id);
            return calls.incrementAndGet() == 5 ? first.get() : id;
        };
        String[] rows = eligibleRows(12);
        var importer = db.referralImport(db.sitePolicies(), repeating).withBatchSize(2);

        var failure = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> importer.from(
                new StringReader(HEADER + "\n" + String.join("\n", rows) + "\n")));

        assertFalse(String.valueOf(failure.getMessage()).contains("P-10"), "no personal data in the error");
        var dsl = ((JooqTransactions) db.transactions()).dsl();
        assertEquals(4, dsl.fetchCount(REFERRAL), "the two batches before the failing one stay stored");
        assertEquals(4 * 2, dsl.fetchCount(DOMAIN_EVENT));
        assertEquals(0, dsl.fetchCount(REFERRAL, REFERRAL.PERSON_ID.in("P-1004", "P-1005", "P-1006", "P-1011")),
                "nothing of the failing batch or after it");
    }

    @Test
    void aReaderFailureMidwayKeepsTheBatchesHandedOverBeforeIt() {
        String[] rows = eligibleRows(6);
        // header and five whole rows, then part of the sixth; the next read fails
        String text = HEADER + "\n" + String.join("\n", java.util.Arrays.copyOf(rows, 5)) + "\n"
                + rows[5].substring(0, 20);
        var failing = new java.io.Reader() {
            private int at;

            @Override
            public int read(char[] buffer, int offset, int length) throws java.io.IOException {
                if (at == text.length()) {
                    throw new java.io.IOException("the export's disk went away");
                }
                int n = Math.min(length, text.length() - at);
                text.getChars(at, at + n, buffer, offset);
                at += n;
                return n;
            }

            @Override
            public void close() {
            }
        };

        org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                () -> db.referralImport(db.sitePolicies(), IdGenerator.sequential(3)).withBatchSize(2).from(failing));

        var dsl = ((JooqTransactions) db.transactions()).dsl();
        assertEquals(4, dsl.fetchCount(REFERRAL), "the two whole batches read before the failure are stored");
        assertEquals(4 * 2, dsl.fetchCount(DOMAIN_EVENT));
    }

    @Test
    void anImportInsideAnOpenTransactionWritesEveryBatchInIt() {
        String[] rows = eligibleRows(7);
        var importer = db.referralImport(db.sitePolicies(), IdGenerator.sequential(5)).withBatchSize(2);
        var csv = HEADER + "\n" + String.join("\n", rows) + "\n";

        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> db.transactions().inTransaction(() -> {
                    assertEquals(7, importer.from(new StringReader(csv)).imported());
                    throw new IllegalStateException("the caller rolls back");
                }));
        var dsl = ((JooqTransactions) db.transactions()).dsl();
        assertEquals(0, dsl.fetchCount(REFERRAL), "every batch was in the caller's transaction");

        ImportReport report = db.transactions().inTransaction(() -> importer.from(new StringReader(csv)));
        assertEquals(7, report.imported());
        assertEquals(7, dsl.fetchCount(REFERRAL));
    }

    private static List<Map<String, Object>> rows(LeadDatabase d, org.jooq.Table<?> table) {
        return ((JooqTransactions) d.transactions()).dsl().selectFrom(table)
                .orderBy(table.fields()[0], table.fields()[1]).fetch().intoMaps();
    }

    private static List<Referral.State> states(LeadDatabase d) {
        return d.referrals().all().stream().map(Referral::state).toList();
    }
}
