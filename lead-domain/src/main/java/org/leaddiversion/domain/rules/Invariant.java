/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.rules;

import java.util.List;
import java.util.function.Function;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.RuleId;

/**
 * A programme rule stated as an invariant over a whole programme's data ({@link ProgrammeRecord}): an id (R01–R40),
 * a one-line statement and the violations found. Engine-neutral, so it can be driven from any property-testing engine
 * or run over a production database export.
 */
public interface Invariant {

    /** The rule id, R01–R40. */
    RuleId id();

    /** The rule in one line, in domain words. */
    String statement();

    /** Every violation of the rule in the record; empty when the rule holds. */
    List<Violation> check(ProgrammeRecord record);

    /** An invariant from its parts. */
    static Invariant of(RuleId id, String statement, Function<ProgrammeRecord, List<Violation>> check) {
        return new Stated(id, statement, check);
    }

    /** An invariant made from its id, statement and check function. */
    record Stated(RuleId id, String statement, Function<ProgrammeRecord, List<Violation>> rule) implements Invariant {
        public Stated {
            Require.present(id, "id");
            Require.text(statement, "statement");
            Require.present(rule, "check");
        }

        @Override
        public List<Violation> check(ProgrammeRecord record) {
            return rule.apply(record);
        }

        @Override
        public String toString() {
            return id + ": " + statement;
        }
    }
}
