package org.leaddiversion.domain.rules;

import java.util.List;
import java.util.function.Function;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.RuleId;

/**
 * A programme rule stated as a check over some record of a programme's data: an id (R01–R40), a one-line statement and
 * the violations found. Engine-neutral, so it can be driven from any property-testing engine or run over exported data.
 *
 * @param <R> the record the rule reads ({@link ProgrammeRecord}, {@link PlanRecord}, {@link CoordinationRecord}…)
 */
public interface RecordRule<R> {

    /** The rule id, R01–R40. */
    RuleId id();

    /** The rule in one line, in domain words. */
    String statement();

    /** Every violation of the rule in the record; empty when the rule holds. */
    List<Violation> check(R record);

    /** A rule from its parts. */
    static <R> RecordRule<R> of(RuleId id, String statement, Function<R, List<Violation>> check) {
        return new Stated<>(id, statement, check);
    }

    /** A rule made from its id, statement and check function. */
    record Stated<R>(RuleId id, String statement, Function<R, List<Violation>> rule) implements RecordRule<R> {
        public Stated {
            Require.present(id, "id");
            Require.text(statement, "statement");
            Require.present(rule, "check");
        }

        @Override
        public List<Violation> check(R record) {
            return rule.apply(record);
        }

        @Override
        public String toString() {
            return id + ": " + statement;
        }
    }
}
