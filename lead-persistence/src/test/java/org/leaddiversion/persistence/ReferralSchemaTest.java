/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leaddiversion.domain.intake.DivertedCaseStatus;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.intake.ReleaseReason;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.ExclusionKind;
import org.leaddiversion.domain.policy.RuleStrength;
import org.leaddiversion.domain.screening.EligibilityResult;

/**
 * The CHECK constraints of the referral tables list every value of the domain's enums: a value added to the domain
 * without a migration fails here, not on the first save of a referral in production.
 */
@DisplayName("Referral schema knows every domain value")
class ReferralSchemaTest {

    @Test
    void every_enum_value_the_referral_tables_store_is_allowed_by_their_checks() throws IOException {
        String sql;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/common/V2__referrals.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Class<? extends Enum<?>> type : List.of(Door.class, ReferralStatus.class, EligibilityResult.class,
                DivertedCaseStatus.class, ReleaseReason.class, ExclusionKind.class, RuleStrength.class)) {
            for (Enum<?> value : type.getEnumConstants()) {
                assertTrue(sql.contains("'" + value.name() + "'"),
                        () -> type.getSimpleName() + "." + value.name() + " is missing from V2__referrals.sql");
            }
        }
    }
}
