/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The referral lifecycle and the held charge (SPEC §5.1, §5.6, §3.5–3.6): a {@link org.leaddiversion.domain.intake.Referral}
 * goes from submission through screening, consent, hand-off and acceptance to a completed or lapsed intake; for
 * charge-holding doors its {@link org.leaddiversion.domain.intake.DivertedCase} stays unfiled while the intake window is
 * open, becomes NOT_FILED for good when intake completes on time, and is released for ordinary review exactly once when
 * the deadline passes.
 *
 * <p>{@link org.leaddiversion.domain.intake.ReferralDesk} is the application service that runs the commands against
 * the ports ({@link org.leaddiversion.domain.intake.Referrals}, enrollments, site policies) with an injected clock
 * and id generator.
 */
package org.leaddiversion.domain.intake;
