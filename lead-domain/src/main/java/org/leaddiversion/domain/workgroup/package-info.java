/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Operational Work Group (OWG) case conferencing (SPEC §7.4): the agenda generator, its completeness and
 * de-identification check (rule R38) and reminder events. Depends on intake, enrollment, prosecution and consent;
 * nothing depends on this package.
 */
package org.leaddiversion.domain.workgroup;
