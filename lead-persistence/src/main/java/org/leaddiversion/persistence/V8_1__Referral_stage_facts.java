/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.leaddiversion.persistence.jooq.Tables.REFERRAL;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.leaddiversion.domain.intake.Referral;
import org.leaddiversion.persistence.jooq.tables.records.ReferralRecord;

/**
 * Backfills the stage-fact columns added by V8 ({@code consent_at}, {@code override_at}, {@code handoff_minutes}) for
 * the referrals stored before it: each row's {@code state} is read with {@link ReferralJson} and the columns are set
 * by {@link JooqReferrals#stageFacts}, the mapping every save uses, so old and new rows agree exactly. A Java migration
 * rather than SQL: H2 and PostgreSQL share no JSON path functions, and the hand-off minutes need the exact instants
 * of the state (the columns hold microseconds). Pages of {@value #PAGE} rows by id, in the migration's transaction.
 * Registered by {@link LeadDatabase} (not found by class-path scanning).
 */
final class V8_1__Referral_stage_facts extends BaseJavaMigration {

    static final int PAGE = 500;

    private final SQLDialect dialect;
    private final ReferralJson json = new ReferralJson();

    V8_1__Referral_stage_facts(SQLDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public void migrate(Context context) {
        // names unquoted, as the library's own DSLContext renders them (LeadDatabase)
        DSLContext dsl = DSL.using(context.getConnection(), dialect,
                new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED));
        UUID after = null;
        while (true) {
            var page = dsl.select(REFERRAL.ID, REFERRAL.STATE).from(REFERRAL)
                    .where(after == null ? DSL.noCondition() : REFERRAL.ID.gt(after))
                    .orderBy(REFERRAL.ID).limit(PAGE).fetch();
            if (page.isEmpty()) {
                return;
            }
            List<Query> updates = new ArrayList<>(page.size());
            for (Record2<UUID, String> row : page) {
                ReferralRecord facts = new ReferralRecord();
                JooqReferrals.stageFacts(facts, state(row.value1(), row.value2()));
                updates.add(dsl.update(REFERRAL).set(REFERRAL.CONSENT_AT, facts.getConsentAt())
                        .set(REFERRAL.OVERRIDE_AT, facts.getOverrideAt())
                        .set(REFERRAL.HANDOFF_MINUTES, facts.getHandoffMinutes())
                        .where(REFERRAL.ID.eq(row.value1())));
            }
            dsl.batch(updates).execute();
            after = page.get(page.size() - 1).value1();
        }
    }

    private Referral.State state(UUID id, String document) {
        try {
            return json.read(document);
        } catch (RuntimeException e) {
            // the document's text may hold personal data: name the row and the kind of failure only
            throw new FlywayException("V8_1: the state of referral " + id + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
