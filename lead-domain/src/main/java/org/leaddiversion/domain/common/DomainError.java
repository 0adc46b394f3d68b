/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.common;

/**
 * Why a command was rejected (or, in {@link Outcome.Success#warnings()}, what it warns about): the code, the
 * offending field in dotted form, the rule it enforces and a message in domain words. Messages never contain
 * personal or criminal-justice data.
 *
 * @param code    stable code (SPEC Appendix A)
 * @param field   offending input field, e.g. {@code offences} or {@code referrer.role}
 * @param rule    the programme rule enforced, R01–R40
 * @param message explanation for a person
 */
public record DomainError(ErrorCode code, String field, RuleId rule, String message) {

    public DomainError {
        Require.present(code, "code");
        Require.text(field, "field");
        Require.present(rule, "rule");
        Require.text(message, "message");
    }

    /** Shorthand factory. */
    public static DomainError of(ErrorCode code, String field, RuleId rule, String message) {
        return new DomainError(code, field, rule, message);
    }
}
