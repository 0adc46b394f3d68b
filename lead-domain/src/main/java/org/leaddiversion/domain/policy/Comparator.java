/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

import java.math.BigDecimal;

/** How a drug weight is compared with the site threshold (E1, rule R10; SPEC §12.3 on the 3 g boundary). */
public enum Comparator {
    /** Weight strictly greater than the threshold excludes (exactly the threshold is eligible). */
    GT,
    /** Weight greater than or equal to the threshold excludes. */
    GE;

    /** Whether {@code weight} is over {@code threshold} under this comparator. */
    public boolean exceeds(BigDecimal weight, BigDecimal threshold) {
        int c = weight.compareTo(threshold);
        return this == GT ? c > 0 : c >= 0;
    }
}
