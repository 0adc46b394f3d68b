package org.leaddiversion.domain.rules;

import java.util.List;
import java.util.function.Function;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.RuleId;

/**
 * A programme rule stated as an invariant over a programme's data: engine-neutral, so it can be driven from any
 * property-testing engine or run over a production database export.
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
        Require.present(id, "id");
        Require.text(statement, "statement");
        Require.present(check, "check");
        return new Invariant() {
            @Override
            public RuleId id() {
                return id;
            }

            @Override
            public String statement() {
                return statement;
            }

            @Override
            public List<Violation> check(ProgrammeRecord record) {
                return check.apply(record);
            }

            @Override
            public String toString() {
                return id + ": " + statement;
            }
        };
    }
}
