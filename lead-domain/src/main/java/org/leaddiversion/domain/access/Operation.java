/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.access;

/** What an actor does with a data class: read it, create or update it, or approve/decide on it (SPEC §2.2 R, W, A). */
public enum Operation {
    READ, WRITE, APPROVE
}
