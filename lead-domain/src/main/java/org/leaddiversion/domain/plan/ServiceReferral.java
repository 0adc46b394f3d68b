/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.domain.plan;

import java.time.Instant;
import org.leaddiversion.domain.common.Require;

/** A referral of the participant to a service provider (SPEC §6.2 service linkage). */
public record ServiceReferral(ServiceReferralId id, PlanDomain domain, String provider, ServiceReferralStatus status,
                              Instant referredAt) {
    public ServiceReferral {
        Require.present(id, "serviceReferral.id");
        Require.present(domain, "serviceReferral.domain");
        provider = Require.text(provider, "serviceReferral.provider", Require.NAME_MAX);
        Require.present(status, "serviceReferral.status");
        Require.present(referredAt, "serviceReferral.referredAt");
    }
}
