/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The facts of a referral as the referrer records them (SPEC §3.0): who, where, through which door, the offences
 * and drug facts of an arrest diversion, the verification evidence of a social contact, the criminal-history
 * snapshot and the officer's judgements. Every value validates itself at construction; whether the facts satisfy a
 * site's rules is decided by {@link org.leaddiversion.domain.screening screening}.
 */
package org.leaddiversion.domain.referral;
