/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Who may see and do what with which kind of LEAD information (SPEC §2.2): the {@link
 * org.leaddiversion.domain.access.DataClass data classes}, the {@link org.leaddiversion.domain.access.Operation
 * operations} and the one {@link org.leaddiversion.domain.access.AccessPolicy} that holds the visibility/action matrix.
 *
 * <p>The matrix answers for the host's own users, and for every disclosure: {@code
 * org.leaddiversion.domain.consent.DisclosurePolicy} grants one only when this matrix lets the recipient read each class
 * and the participant's consents cover it.
 */
package org.leaddiversion.domain.access;
