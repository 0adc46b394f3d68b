/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

/** How a site partitions its Operational Work Group ({@code owg.scope}, SPEC §7.4, §9.2). */
public enum OwgScope {
    /** One OWG for the whole site: each meeting covers every item of the site. */
    SITE,
    /** One OWG per precinct (Seattle [KC-LEGAL]): each meeting covers the items located in its precinct only. */
    PRECINCT
}
