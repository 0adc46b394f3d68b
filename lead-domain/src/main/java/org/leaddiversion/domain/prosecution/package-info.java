/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Prosecution coordination (SPEC §7.1–7.3): cases filed or arrests made after enrollment, prosecutor consultation
 * (rule R34), charging decisions that never rest on a LEAD disclosure (rule R35). Nothing here reads or changes an
 * enrollment (rule R25): a case only names the open enrollment by its id.
 */
package org.leaddiversion.domain.prosecution;
