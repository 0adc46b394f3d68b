/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.rules;

import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.common.RuleId;

/**
 * A breach of a programme rule found in a programme's data.
 *
 * @param rule    the rule broken
 * @param subject the aggregate concerned (a referral or enrollment id)
 * @param message what is wrong, in domain words (no personal data)
 */
public record Violation(RuleId rule, String subject, String message) {
    public Violation {
        Require.present(rule, "rule");
        Require.text(subject, "subject");
        Require.text(message, "message");
    }

    @Override
    public String toString() {
        return rule + " " + subject + ": " + message;
    }
}
