/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.leaddiversion.persistence.jooq.Tables.FLEX_EXPENDITURE;
import static org.leaddiversion.persistence.jooq.Tables.FLEX_FUND;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.ConcurrentUpdateException;
import org.leaddiversion.domain.common.DomainEvent;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.plan.FlexExpenditure;
import org.leaddiversion.domain.plan.FlexExpenditureId;
import org.leaddiversion.domain.plan.FlexFund;
import org.leaddiversion.domain.plan.FlexFunds;
import org.leaddiversion.domain.plan.GoalId;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.persistence.jooq.tables.records.FlexExpenditureRecord;
import org.leaddiversion.persistence.jooq.tables.records.FlexFundRecord;

/**
 * {@link FlexFunds} in the {@code flex_fund} table (one versioned row per enrollment's ledger) and its
 * {@code flex_expenditure} rows, with optimistic locking. Amounts are exact NUMERIC values with their ISO 4217 code.
 * A ledger only grows, so a change appends the new expenditures.
 */
final class JooqFlexFunds implements FlexFunds {

    static final String AGGREGATE = "FlexFund";

    private final JooqTransactions tx;
    private final EventStore events;

    JooqFlexFunds(JooqTransactions tx, EventStore events) {
        this.tx = tx;
        this.events = events;
    }

    @Override
    public Optional<FlexFund> forEnrollment(EnrollmentId enrollment) {
        return load(FLEX_FUND.ENROLLMENT_ID.eq(enrollment.value())).stream().findFirst();
    }

    @Override
    public void save(FlexFund fund, long expectedVersion, List<DomainEvent> newEvents) {
        tx.inTransaction(() -> {
            UUID id = fund.enrollment().value();
            String idText = fund.enrollment().toString();
            int stored;
            if (expectedVersion < 0) {
                if (tx.dsl().fetchExists(FLEX_FUND, FLEX_FUND.ENROLLMENT_ID.eq(id))) {
                    throw new ConcurrentUpdateException(AGGREGATE, idText, expectedVersion, actualVersion(id));
                }
                Conflicts.mapped(() -> tx.dsl().insertInto(FLEX_FUND).set(FLEX_FUND.ENROLLMENT_ID, id)
                                .set(FLEX_FUND.VERSION, fund.version()).execute(),
                        () -> new ConcurrentUpdateException(AGGREGATE, idText, expectedVersion, 0));
                stored = 0;
            } else {
                int updated = tx.dsl().update(FLEX_FUND).set(FLEX_FUND.VERSION, fund.version())
                        .where(FLEX_FUND.ENROLLMENT_ID.eq(id)).and(FLEX_FUND.VERSION.eq(expectedVersion)).execute();
                if (updated != 1) {
                    throw new ConcurrentUpdateException(AGGREGATE, idText, expectedVersion, actualVersion(id));
                }
                stored = tx.dsl().fetchCount(FLEX_EXPENDITURE, FLEX_EXPENDITURE.ENROLLMENT_ID.eq(id));
            }
            var added = new ArrayList<FlexExpenditureRecord>();
            for (int i = stored; i < fund.expenditures().size(); i++) {
                added.add(record(fund.expenditures().get(i), i));
            }
            if (!added.isEmpty()) {
                tx.dsl().batchInsert(added).execute();
            }
            events.append(newEvents);
            return null;
        });
    }

    @Override
    public List<FlexFund> all() {
        return load(DSL.noCondition());
    }

    private long actualVersion(UUID id) {
        return tx.dsl().select(FLEX_FUND.VERSION).from(FLEX_FUND).where(FLEX_FUND.ENROLLMENT_ID.eq(id))
                .fetchOptional(FLEX_FUND.VERSION).orElse(-1L);
    }

    List<FlexFund> load(Condition where) {
        List<FlexFundRecord> rows = tx.dsl().selectFrom(FLEX_FUND).where(where).orderBy(FLEX_FUND.ENROLLMENT_ID)
                .fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(FlexFundRecord::getEnrollmentId).toList();
        Map<UUID, List<FlexExpenditure>> spent = new HashMap<>();
        tx.dsl().selectFrom(FLEX_EXPENDITURE).where(FLEX_EXPENDITURE.ENROLLMENT_ID.in(ids))
                .orderBy(FLEX_EXPENDITURE.ENROLLMENT_ID, FLEX_EXPENDITURE.ORDINAL).fetch()
                .forEach(r -> spent.computeIfAbsent(r.getEnrollmentId(), k -> new ArrayList<>()).add(toExpenditure(r)));
        var out = new ArrayList<FlexFund>(rows.size());
        for (FlexFundRecord r : rows) {
            out.add(FlexFund.restore(new EnrollmentId(r.getEnrollmentId()), r.getVersion(),
                    spent.getOrDefault(r.getEnrollmentId(), List.of())));
        }
        return out;
    }

    private static FlexExpenditure toExpenditure(FlexExpenditureRecord r) {
        Optional<Actor> approver = Optional.ofNullable(r.getApprovedById()).map(a -> new Actor(new ActorId(a),
                Role.valueOf(r.getApprovedByRole()), Optional.ofNullable(r.getApprovedByAgency())));
        return new FlexExpenditure(new FlexExpenditureId(r.getId()), new EnrollmentId(r.getEnrollmentId()),
                r.getSpentAt().toInstant(), new Money(r.getAmount(), Currency.getInstance(r.getCurrency())),
                PlanDomain.valueOf(r.getCategory()), r.getPayee(), r.getPurpose(), approver,
                Optional.ofNullable(r.getLinkedGoalId()).map(GoalId::new));
    }

    /**
     * Inserts funds stored nowhere yet, with their expenditures, in bulk ({@link BulkRows}): the rows {@link #save}
     * writes for each (a loaded programme record, {@link ProgrammeLoad}).
     */
    void insertNew(List<FlexFund> fresh) {
        var rows = new ArrayList<FlexFundRecord>(fresh.size());
        var spent = new ArrayList<FlexExpenditureRecord>();
        for (FlexFund fund : fresh) {
            rows.add(new FlexFundRecord(fund.enrollment().value(), fund.version()));
            for (int i = 0; i < fund.expenditures().size(); i++) {
                spent.add(record(fund.expenditures().get(i), i));
            }
        }
        BulkRows.insertSet(tx.dsl(), FLEX_FUND, rows);
        BulkRows.insertSet(tx.dsl(), FLEX_EXPENDITURE, spent);
    }

    private static FlexExpenditureRecord record(FlexExpenditure e, int ordinal) {
        var r = new FlexExpenditureRecord();
        r.setId(e.id().value());
        r.setEnrollmentId(e.enrollment().value());
        r.setOrdinal(ordinal);
        r.setSpentAt(EventStore.utc(e.spentAt()));
        r.setAmount(e.amount().amount());
        r.setCurrency(e.amount().currency().getCurrencyCode());
        r.setCategory(e.category().name());
        r.setPayee(e.payee());
        r.setPurpose(e.purpose());
        r.setApprovedById(e.approvedBy().map(a -> a.id().value()).orElse(null));
        r.setApprovedByRole(e.approvedBy().map(a -> a.role().name()).orElse(null));
        r.setApprovedByAgency(e.approvedBy().flatMap(Actor::agency).orElse(null));
        r.setLinkedGoalId(e.linkedGoal().map(GoalId::value).orElse(null));
        return r;
    }
}
