/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.leaddiversion.domain.common.IdGenerator;
import org.leaddiversion.domain.policy.ReferenceProfiles;
import org.leaddiversion.persistence.DatabaseSettings;
import org.leaddiversion.persistence.ImportReport;
import org.leaddiversion.persistence.LeadDatabase;
import org.leaddiversion.persistence.ReferralImport;

/**
 * A seeded CSV of Seattle referrals in the import format of {@link ReferralImport}, one participant per row, for
 * workload W4. The mix follows the Seattle evaluation sample of SPEC §8.3 where it says something (39 % female, mean
 * age 41, 55 % Black and 27 % white) and W1's {@link SeattleReferrals} elsewhere: 85 % arrest diversions (6 % of
 * offences not divertible, drug weights 0.1–6.0 g around the 3 g threshold, 15 % sale or intent), 12 % community
 * referrals (60 % already consenting), 3 % social-contact referrals (refused at the door: a records export carries no
 * verification evidence), 12 % of encounters outside the precincts or unrecorded, about 3 % minors, 2 % of rows dated
 * 2015 (screened under policy version 1, rule R40), and 0.5 % rows with a broken field. The same seed always writes
 * the same file.
 */
public final class W4Csv {

    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final String[] PRECINCTS = {"WEST_PRECINCT", "EAST_PRECINCT", "NORTH_PRECINCT", "SOUTH_PRECINCT",
        "SOUTHWEST_PRECINCT"};
    private static final String[] OUTSIDE = {"BELLEVUE", "KENT", "RENTON", "SHORELINE"};
    private static final String[] DIVERTIBLE = {"DRUG_POSSESSION", "DRUG_POSSESSION", "DRUG_POSSESSION",
        "DRUG_POSSESSION", "THEFT_LOW_LEVEL", "THEFT_LOW_LEVEL", "PROSTITUTION", "DRUG_SALE_SUBSISTENCE",
        "TRANSIT_MISCONDUCT", "PARK_VIOLATION"};
    private static final String[] NOT_DIVERTIBLE = {"ASSAULT", "BURGLARY", "DUI", "WEAPON_POSSESSION"};
    private static final String[] SUBSTANCES = {"HEROIN", "FENTANYL", "METHAMPHETAMINE", "COCAINE"};
    private static final String[] FORMS = {"POWDER", "CRYSTAL", "PILLS", "ROCK"};
    private static final String[] COMMUNITY_ROLES = {"COMMUNITY_REFERRER", "CASE_MANAGER", "OUTREACH_WORKER"};
    /** 2017-01-01T00:00:00Z and nine years on. */
    private static final long FROM = 1_483_228_800L;
    private static final long SPAN = 9L * 365 * 24 * 3600;
    /** 2015-01-01T00:00:00Z: a year under policy version 1. */
    private static final long FROM_2015 = 1_420_070_400L;

    private final SplittableRandom random;
    private final StringBuilder row = new StringBuilder(256);

    private W4Csv(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * Writes {@code rows} rows to a temporary file, imports them into the database at {@code url} (credentials in the
     * URL; migrated on connect) through the library's bulk path under Seattle's policy, deletes the file and returns
     * the import's report: the data sets of W2 and W5 start from it.
     */
    public static ImportReport importInto(String url, int rows, long seed) throws IOException {
        Path csv = Files.createTempFile("w4-rows", ".csv");
        try {
            write(csv, rows, seed);
            try (LeadDatabase db = LeadDatabase.connect(DatabaseSettings.of(url));
                 Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                db.sitePolicies().put(ReferenceProfiles.load("seattle-king-county"));
                return db.referralImport(db.sitePolicies(), IdGenerator.sequential(seed)).from(in);
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** Writes {@code rows} referrals generated from {@code seed} to {@code file}, header first. */
    public static void write(Path file, int rows, long seed) throws IOException {
        var generator = new W4Csv(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", ReferralImport.COLUMNS));
            out.write('\n');
            for (int i = 0; i < rows; i++) {
                out.append(generator.next(i)).append('\n');
            }
        }
    }

    private CharSequence next(int n) {
        row.setLength(0);
        Instant at = Instant.ofEpochSecond(chance(0.02) ? FROM_2015 + random.nextLong(365L * 24 * 3600)
                : FROM + random.nextLong(SPAN));
        LocalDate day = LocalDate.ofInstant(at, ZONE);
        double d = random.nextDouble();
        String door = d < 0.85 ? "ARREST_DIVERSION" : d < 0.97 ? "COMMUNITY" : "SOCIAL_CONTACT";
        boolean arrest = door.equals("ARREST_DIVERSION");
        String dob = dateOfBirth(day);
        // site, door, referred_at, person_id, date_of_birth, race, ethnicity, gender
        field("seattle-king-county").field(door).field(at.toString()).field(String.format("P%08d", n)).field(dob)
                .field(pick(0.55, "BLACK", 0.82, "WHITE", 0.90, "ASIAN", 0.95, "NATIVE", ""))
                .field(pick(0.10, "HISPANIC", 0.90, "NOT_HISPANIC", ""))
                .field(pick(0.39, "FEMALE", 0.99, "MALE", ""));
        // area, probable_cause
        field(door.equals("COMMUNITY") && chance(0.5) ? "" : area()).field(arrest && chance(0.97) ? "true" : "false");
        // offence_code, offence_level, substance, form, net_weight_grams, sale_or_intent
        if (arrest) {
            String code = chance(0.94) ? DIVERTIBLE[random.nextInt(DIVERTIBLE.length)]
                    : NOT_DIVERTIBLE[random.nextInt(NOT_DIVERTIBLE.length)];
            field(code).field(chance(0.8) ? "MISDEMEANOR" : "FELONY");
            if (code.startsWith("DRUG_")) {
                double w = random.nextDouble();
                String grams = w < 0.1 ? "" : w < 0.15 ? (chance(0.5) ? "3.0" : "3.01")
                        : java.math.BigDecimal.valueOf(1 + random.nextInt(60), 1).toPlainString();
                field(SUBSTANCES[random.nextInt(SUBSTANCES.length)]).field(FORMS[random.nextInt(FORMS.length)])
                        .field(grams).field(chance(0.15) ? "true" : "false");
            } else {
                field("").field("").field("").field("");
            }
        } else {
            field("").field("").field("").field("").field("").field("");
        }
        // referrer_id, referrer_role, referrer_agency, lead_trained, person_consents
        String role = door.equals("COMMUNITY") ? COMMUNITY_ROLES[random.nextInt(COMMUNITY_ROLES.length)]
                : chance(0.85) ? "OFFICER" : "SERGEANT";
        field("badge-" + (1000 + random.nextInt(400))).field(role).field(door.equals("COMMUNITY") ? "REACH" : "SPD")
                .field(chance(0.9) ? "true" : "false");
        row.append(door.equals("COMMUNITY") && chance(0.6) ? "true" : "false");
        if (chance(0.005)) {
            breakOneField();
        }
        return row;
    }

    /** A records-system slip: a date in the wrong format, or a misspelt door. */
    private void breakOneField() {
        int afterDoor = row.indexOf(",", row.indexOf(",") + 1);
        int afterInstant = row.indexOf(",", afterDoor + 1);
        if (chance(0.5)) {
            row.replace(afterDoor + 1, afterInstant, "03/04/2020 18:30:00");
        } else {
            int door = row.indexOf(",") + 1;
            row.insert(door, "X");
        }
    }

    private String dateOfBirth(LocalDate day) {
        double d = random.nextDouble();
        if (d < 0.01) {
            return "";
        } else if (d < 0.03) {
            return day.minusYears(15 + random.nextInt(3)).minusDays(random.nextInt(365)).toString();
        }
        // mean age 41 (SPEC §8.3), between 18 and 75
        long age = Math.max(18, Math.min(75, Math.round(41 + random.nextDouble() * 24 - 12 + random.nextDouble() * 12 - 6)));
        return day.minusYears(age).minusDays(random.nextInt(365)).toString();
    }

    private String area() {
        double d = random.nextDouble();
        return d < 0.88 ? PRECINCTS[random.nextInt(PRECINCTS.length)]
                : d < 0.95 ? OUTSIDE[random.nextInt(OUTSIDE.length)] : "";
    }

    private String pick(Object... cumulative) {
        double d = random.nextDouble();
        for (int i = 0; i + 1 < cumulative.length; i += 2) {
            if (d < (Double) cumulative[i]) {
                return (String) cumulative[i + 1];
            }
        }
        return (String) cumulative[cumulative.length - 1];
    }

    private W4Csv field(String value) {
        row.append(value).append(',');
        return this;
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }
}
