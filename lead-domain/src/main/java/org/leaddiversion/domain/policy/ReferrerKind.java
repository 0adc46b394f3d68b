/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.policy;

/**
 * Who a referrer is in relation to the person, for doors whose policy restricts it (SPEC §3.3: Watauga and
 * Richland accept family and friends; Santa Fe and Carroll County accept no self or family referral).
 */
public enum ReferrerKind {
    LAW_ENFORCEMENT, LEGAL_SYSTEM, SERVICE_PROVIDER, BUSINESS, SHELTER, COMMUNITY_MEMBER, FAMILY, FRIEND, SELF
}
