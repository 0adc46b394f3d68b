/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

/** What a read of a participant's data released, as its audit entry records it. */
public enum AuditOutcome {
    /** Every data class the read asked for was released. */
    ALLOWED,
    /** Some of the data classes the read asked for were released, the others refused. */
    PARTLY_ALLOWED,
    /**
     * Nothing was released: every class was refused, the purpose is enforcement or evidence (R35), or the record asked
     * for does not exist.
     */
    DENIED
}
