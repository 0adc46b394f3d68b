/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.access;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.leaddiversion.domain.common.Role;

/**
 * SPEC §2.2 restated cell by cell as a test oracle, written independently of {@link AccessPolicy} and never calling
 * it. Cells read "RWA" for the operations, then the condition words: own, assigned, roi, p2, meeting, research,
 * supervisory. Roles absent from §2.2 carry the conservative reading documented on the policy.
 */
public final class SpecMatrix {

    private static final String[] COLUMNS = {
        "REFERRAL_CORE", "SCREENING", "ENROLLMENT_STATUS", "PLAN_SUMMARY", "CASE_NOTES", "SUD_PART2",
        "LEGAL_COORDINATION", "AGGREGATE"};

    private static final String[] TABLE = {
        // role               | REFERRAL_CORE | SCREENING   | ENROLLMENT_STATUS | PLAN_SUMMARY | CASE_NOTES     | SUD_PART2   | LEGAL_COORD | AGGREGATE
        "OFFICER              | RW own        | W own       | R roi             | -            | -              | -           | R own       | R",
        "SERGEANT             | RA            | RA          | R roi             | -            | -              | -           | R           | R",
        "CASE_MANAGER         | R assigned    | R assigned  | RW assigned       | RW assigned  | RW assigned    | RW assigned | R assigned  | R",
        "PROSECUTOR           | R             | RA          | R roi             | R roi        | -              | R p2        | RWA         | R",
        "LIAISON_PROSECUTOR   | R             | RA          | R roi             | R roi        | -              | R p2        | RWA         | R",
        "DEFENDER             | R roi         | R roi       | R roi             | R roi        | -              | -           | R roi       | R",
        "PROJECT_MANAGER      | RW            | RWA         | RW                | R            | R supervisory  | -           | R           | RW",
        "OWG_MEMBER           | R meeting     | R meeting   | R meeting roi     | R meeting roi| -              | -           | RW meeting  | R",
        "PCG_MEMBER           | -             | -           | -                 | -            | -              | -           | -           | R",
        "CLT_MEMBER           | -             | -           | -                 | -            | -              | -           | -           | R",
        "EVALUATOR            | R research    | R research  | R research        | R research   | -              | R research  | R research  | R",
        "COMMUNITY_REFERRER   | RW own        | -           | -                 | -            | -              | -           | -           | R",
        "COURT                | -             | -           | R roi             | R roi        | -              | -           | -           | -",
        "PROBATION            | -             | -           | R roi             | R roi        | -              | -           | -           | -",
        // not in §2.2: conservative readings
        "OUTREACH_WORKER      | RW assigned   | RW assigned | R assigned        | -            | -              | -           | -           | R",
        "PARTICIPANT          | R own         | -           | R own             | R own        | -              | -           | -           | -",
        "COMPLAINANT          | -             | -           | -                 | -            | -              | -           | -           | -",
    };

    /** One cell: the operation letters ("" for no access) and the condition words. */
    public record Cell(String operations, Set<String> conditions) {

        /** Whether the cell grants {@code operation} at all, whatever the conditions. */
        public boolean grants(Operation operation) {
            return operations.contains(operation.name().substring(0, 1));
        }
    }

    private static final Map<Role, Map<DataClass, Cell>> ROWS = parse();

    private SpecMatrix() {
    }

    /** Every row, by role. */
    public static Map<Role, Map<DataClass, Cell>> rows() {
        return ROWS;
    }

    /** The cell of {@code role} and {@code data}. */
    public static Cell cell(Role role, DataClass data) {
        return ROWS.get(role).get(data);
    }

    private static Map<Role, Map<DataClass, Cell>> parse() {
        Map<Role, Map<DataClass, Cell>> rows = new EnumMap<>(Role.class);
        for (String line : TABLE) {
            String[] parts = line.split("\\|");
            Role role = Role.valueOf(parts[0].strip());
            Map<DataClass, Cell> row = new EnumMap<>(DataClass.class);
            for (int i = 0; i < COLUMNS.length; i++) {
                String[] words = parts[i + 1].strip().split("\\s+");
                String ops = words[0].equals("-") ? "" : words[0];
                row.put(DataClass.valueOf(COLUMNS[i]), new Cell(ops,
                        Stream.of(words).skip(1).collect(Collectors.toUnmodifiableSet())));
            }
            if (rows.put(role, row) != null) {
                throw new IllegalStateException("two rows for " + role);
            }
        }
        return rows;
    }
}
