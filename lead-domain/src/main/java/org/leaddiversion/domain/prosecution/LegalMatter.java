/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.prosecution;

import java.time.LocalDate;
import org.leaddiversion.domain.common.Require;

/**
 * A pre-existing case, warrant or court date known for the person (SPEC §7.1), listed on a case for coordination
 * only; recording one never changes the enrollment (rule R25).
 */
public record LegalMatter(Kind kind, LocalDate date) {

    /** What the matter is. */
    public enum Kind {
        PRE_EXISTING_CASE, WARRANT, COURT_DATE
    }

    public LegalMatter {
        Require.present(kind, "legalMatter.kind");
        Require.present(date, "legalMatter.date");
    }
}
