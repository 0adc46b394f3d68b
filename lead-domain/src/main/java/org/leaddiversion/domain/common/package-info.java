/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Vocabulary shared by every part of the LEAD domain: command outcomes, errors that name the rule they
 * enforce, actors and their roles, and the injected sources of time and identity.
 *
 * <p>A broken business rule is never an exception: commands return an {@link org.leaddiversion.domain.common.Outcome}.
 * Exceptions ({@link org.leaddiversion.domain.common.InvalidValueException}) are reserved for values that could
 * never be valid, and they name the field and the reason.
 */
package org.leaddiversion.domain.common;
