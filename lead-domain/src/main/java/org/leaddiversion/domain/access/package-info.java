/**
 * Who may see and do what with which kind of LEAD information (SPEC §2.2): the {@link
 * org.leaddiversion.domain.access.DataClass data classes}, the {@link org.leaddiversion.domain.access.Operation
 * operations} and the one {@link org.leaddiversion.domain.access.AccessPolicy} that holds the visibility/action matrix.
 *
 * <p>The matrix answers for the host's own users. Sharing with partners outside the programme is decided per
 * disclosure by {@code org.leaddiversion.domain.consent.DisclosurePolicy} against the participant's consents.
 */
package org.leaddiversion.domain.access;
