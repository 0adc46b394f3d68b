/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

/** Where a policy value comes from, so a programme manager can see which values still need the PCG's word. */
public enum Provenance {
    /** Written in the policy file and backed by the site's own sources. */
    SOURCED,
    /** Written in the policy file but marked {@code (derived)}: a library or analyst choice filling a gap. */
    DERIVED,
    /** Not written in the file: the library default of SPEC §9.2 applies. */
    DEFAULT
}
