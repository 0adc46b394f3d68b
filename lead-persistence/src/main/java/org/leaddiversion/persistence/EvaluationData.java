/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.leaddiversion.persistence.jooq.Tables.ENCOUNTER;
import static org.leaddiversion.persistence.jooq.Tables.LEGAL_COST;
import static org.leaddiversion.persistence.jooq.Tables.LEGAL_EVENT;
import static org.leaddiversion.persistence.jooq.Tables.MONTHLY_STATUS;
import static org.leaddiversion.persistence.jooq.Tables.PROGRAMME_COST;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.leaddiversion.domain.common.InvalidValueException;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Require;
import org.leaddiversion.domain.evaluation.CostComponent;
import org.leaddiversion.domain.evaluation.EmploymentStatus;
import org.leaddiversion.domain.evaluation.Encounter;
import org.leaddiversion.domain.evaluation.EquityGroup;
import org.leaddiversion.domain.evaluation.HousingStatus;
import org.leaddiversion.domain.evaluation.IncomeSource;
import org.leaddiversion.domain.evaluation.LegalCost;
import org.leaddiversion.domain.evaluation.LegalEvent;
import org.leaddiversion.domain.evaluation.MonthlyStatus;
import org.leaddiversion.domain.evaluation.ProgrammeCost;
import org.leaddiversion.domain.policy.OffenceCode;
import org.leaddiversion.domain.policy.OffenceLevel;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.persistence.jooq.tables.records.EncounterRecord;
import org.leaddiversion.persistence.jooq.tables.records.LegalCostRecord;
import org.leaddiversion.persistence.jooq.tables.records.LegalEventRecord;
import org.leaddiversion.persistence.jooq.tables.records.MonthlyStatusRecord;
import org.leaddiversion.persistence.jooq.tables.records.ProgrammeCostRecord;

/**
 * Records the evaluation's minimum data set that comes from outside the programme (SPEC §8.1): legal events, legal-system
 * costs, monthly status, programme spend and the records system's encounter pool, as the domain models them in
 * {@link org.leaddiversion.domain.evaluation}. {@link EvaluationReports} computes the measures over them in SQL.
 *
 * <p>Every call is one transaction: all of its rows are stored, or none (a refused row names its field and position,
 * e.g. {@code legalEvents[3].person}). The rows go in the fastest way the database offers — on PostgreSQL one binary
 * {@code COPY} per table — so a bulk load is a loop of calls of, say, 100,000 rows each. Legal events, costs and
 * encounters are facts appended as delivered (two arrests on one day are two rows); monthly status and programme spend
 * are one row per person and month and per site and month, and a second one for the same month is refused (stored
 * rows are never silently replaced). Nothing here is read back: evaluation data are personal data, reported only as
 * aggregates.
 */
public final class EvaluationData {

    private static final String[] NOT_CODE = {};

    private final JooqTransactions tx;

    EvaluationData(JooqTransactions tx) {
        this.tx = tx;
    }

    /** Stores legal events (arrests, charges, jail bookings, prison admissions, warrants, dispositions). */
    public void recordLegalEvents(Collection<? extends LegalEvent> events) {
        List<LegalEventRecord> rows = rows(events, "legalEvents", EvaluationData::legalEvent);
        write(LEGAL_EVENT, fields(LEGAL_EVENT, LEGAL_EVENT.SEQ), rows);
    }

    /** Stores legal-system costs; each amount is kept exactly, in its currency's minor units. */
    public void recordLegalCosts(Collection<LegalCost> costs) {
        List<LegalCostRecord> rows = rows(costs, "legalCosts", c -> {
            var r = new LegalCostRecord();
            r.setPersonId(person(c.person()));
            r.setCostDate(c.date());
            r.setComponent(c.component().name());
            r.setAmountMinor(minorUnits(c.amount(), "amount"));
            r.setCurrency(c.amount().currency().getCurrencyCode());
            return r;
        });
        write(LEGAL_COST, fields(LEGAL_COST, LEGAL_COST.SEQ), rows);
    }

    /** Stores monthly statuses; a person has at most one per month, here or already stored. */
    public void recordMonthlyStatuses(Collection<MonthlyStatus> statuses) {
        Set<String> seen = new HashSet<>();
        List<MonthlyStatusRecord> rows = rows(statuses, "monthlyStatuses", s -> {
            if (!seen.add(s.person().value() + "\n" + s.month())) {
                throw new InvalidValueException("month", "is given twice for the same person");
            }
            var r = new MonthlyStatusRecord();
            r.setPersonId(person(s.person()));
            r.setStatusMonth(s.month().atDay(1));
            r.setHousing(s.housing().name());
            r.setEmployment(s.employment().name());
            r.setIncomeSources(s.incomeSources().stream().map(Enum::name).collect(Collectors.joining(",")));
            r.setSource(s.source().name());
            return r;
        });
        writeOnce(MONTHLY_STATUS, List.of(MONTHLY_STATUS.fields()), rows, "monthlyStatuses",
                "a status of this person for this month is already stored");
    }

    /** Stores programme spend; a site has at most one row per month, here or already stored. */
    public void recordProgrammeCosts(Collection<ProgrammeCost> costs) {
        Set<String> seen = new HashSet<>();
        List<ProgrammeCostRecord> rows = rows(costs, "programmeCosts", c -> {
            if (!seen.add(c.site().value() + "\n" + c.month())) {
                throw new InvalidValueException("month", "is given twice for the same site");
            }
            var r = new ProgrammeCostRecord();
            r.setSiteId(Require.text(c.site().value(), "site", 100));
            r.setCostMonth(c.month().atDay(1));
            r.setAmountMinor(minorUnits(c.amount(), "amount"));
            r.setCurrency(c.amount().currency().getCurrencyCode());
            return r;
        });
        writeOnce(PROGRAMME_COST, List.of(PROGRAMME_COST.fields()), rows, "programmeCosts",
                "the spend of this site for this month is already stored");
    }

    /** Stores encounters from the police records system (the eligible pool and the comparison candidates). */
    public void recordEncounters(Collection<Encounter> encounters) {
        List<EncounterRecord> rows = rows(encounters, "encounters", e -> {
            var r = new EncounterRecord();
            r.setPersonId(person(e.person()));
            r.setEncounterDate(e.date());
            r.setSiteId(Require.text(e.site().value(), "site", 100));
            r.setEquityGroup(e.group().code());
            r.setKind(e.kind().name());
            r.setOffence(Require.text(e.offence().value(), "offence", 100));
            r.setDivertibleOffence(e.divertibleOffence());
            r.setInCatchment(e.inCatchment());
            r.setDiversionWindow(e.window().name());
            r.setDisposition(e.disposition().name());
            return r;
        });
        write(ENCOUNTER, fields(ENCOUNTER, ENCOUNTER.SEQ), rows);
    }

    // ---- reads for the library's tests (personal data: not public) -------------------------------------------

    /** Every stored legal event, in the order stored. */
    List<LegalEvent> legalEvents() {
        return tx.dsl().selectFrom(LEGAL_EVENT).orderBy(LEGAL_EVENT.SEQ).fetch(EvaluationData::legalEvent);
    }

    /** Every stored legal cost, in the order stored. */
    List<LegalCost> legalCosts() {
        return tx.dsl().selectFrom(LEGAL_COST).orderBy(LEGAL_COST.SEQ).fetch(r -> new LegalCost(
                new PersonId(r.getPersonId()), r.getCostDate(), CostComponent.valueOf(r.getComponent()),
                money(r.getAmountMinor(), r.getCurrency())));
    }

    /** Every stored monthly status, by person and month. */
    List<MonthlyStatus> monthlyStatuses() {
        return tx.dsl().selectFrom(MONTHLY_STATUS).orderBy(MONTHLY_STATUS.PERSON_ID, MONTHLY_STATUS.STATUS_MONTH)
                .fetch(r -> {
                    Set<IncomeSource> sources = EnumSet.noneOf(IncomeSource.class);
                    for (String s : r.getIncomeSources().isEmpty() ? NOT_CODE : r.getIncomeSources().split(",")) {
                        sources.add(IncomeSource.valueOf(s));
                    }
                    return new MonthlyStatus(new PersonId(r.getPersonId()), YearMonth.from(r.getStatusMonth()),
                            HousingStatus.valueOf(r.getHousing()), EmploymentStatus.valueOf(r.getEmployment()),
                            sources, MonthlyStatus.Source.valueOf(r.getSource()));
                });
    }

    /** Every stored programme cost, by site and month. */
    List<ProgrammeCost> programmeCosts() {
        return tx.dsl().selectFrom(PROGRAMME_COST).orderBy(PROGRAMME_COST.SITE_ID, PROGRAMME_COST.COST_MONTH)
                .fetch(r -> new ProgrammeCost(new SiteId(r.getSiteId()), YearMonth.from(r.getCostMonth()),
                        money(r.getAmountMinor(), r.getCurrency())));
    }

    /** Every stored encounter, in the order stored. */
    List<Encounter> encounters() {
        return tx.dsl().selectFrom(ENCOUNTER).orderBy(ENCOUNTER.SEQ).fetch(r -> new Encounter(
                new PersonId(r.getPersonId()), r.getEncounterDate(), new SiteId(r.getSiteId()),
                new EquityGroup(r.getEquityGroup()), Encounter.Kind.valueOf(r.getKind()),
                OffenceCode.of(r.getOffence()), r.getDivertibleOffence(), r.getInCatchment(),
                Encounter.Window.valueOf(r.getDiversionWindow()), Encounter.Disposition.valueOf(r.getDisposition())));
    }

    // ---- mapping ---------------------------------------------------------------------------------------------

    private static LegalEventRecord legalEvent(LegalEvent e) {
        var r = new LegalEventRecord();
        r.setPersonId(person(e.person()));
        r.setEventDate(e.date());
        if (e instanceof LegalEvent.Arrest a) {
            r.setKind("ARREST");
            r.setArrestKind(a.kind().name());
        } else if (e instanceof LegalEvent.ChargeFiled c) {
            r.setKind("CHARGE_FILED");
            r.setOffenceLevel(c.level().name());
        } else if (e instanceof LegalEvent.JailBooking b) {
            r.setKind("JAIL_BOOKING");
            r.setReleasedOn(b.releasedOn().orElse(null));
        } else if (e instanceof LegalEvent.PrisonAdmission) {
            r.setKind("PRISON_ADMISSION");
        } else if (e instanceof LegalEvent.WarrantIssued) {
            r.setKind("WARRANT_ISSUED");
        } else {
            LegalEvent.Disposition d = (LegalEvent.Disposition) e;
            r.setKind("DISPOSITION");
            r.setOffenceLevel(d.level().name());
            r.setDispositionKind(d.kind().name());
        }
        return r;
    }

    private static LegalEvent legalEvent(LegalEventRecord r) {
        PersonId p = new PersonId(r.getPersonId());
        LocalDate d = r.getEventDate();
        switch (r.getKind()) {
            case "ARREST":
                return new LegalEvent.Arrest(p, d, LegalEvent.ArrestKind.valueOf(r.getArrestKind()));
            case "CHARGE_FILED":
                return new LegalEvent.ChargeFiled(p, d, OffenceLevel.valueOf(r.getOffenceLevel()));
            case "JAIL_BOOKING":
                return new LegalEvent.JailBooking(p, d, Optional.ofNullable(r.getReleasedOn()));
            case "PRISON_ADMISSION":
                return new LegalEvent.PrisonAdmission(p, d);
            case "WARRANT_ISSUED":
                return new LegalEvent.WarrantIssued(p, d);
            default:
                return new LegalEvent.Disposition(p, d, OffenceLevel.valueOf(r.getOffenceLevel()),
                        LegalEvent.DispositionKind.valueOf(r.getDispositionKind()));
        }
    }

    /** The person id as stored: at most 100 characters, like every person id column. */
    private static String person(PersonId person) {
        return Require.text(person.value(), "person", 100);
    }

    /** The exact amount in minor units (cents); the domain's {@link Money} has no finer fraction. */
    static long minorUnits(Money money, String field) {
        try {
            return money.amount().movePointRight(Math.max(money.currency().getDefaultFractionDigits(), 0))
                    .setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidValueException(field, "is too large to store in minor units");
        }
    }

    static Money money(long minorUnits, String currency) {
        Currency c = Currency.getInstance(currency);
        return new Money(java.math.BigDecimal.valueOf(minorUnits, Math.max(c.getDefaultFractionDigits(), 0)), c);
    }

    /**
     * The rows of {@code items}, validated one by one; a refused item's error names its position, e.g.
     * {@code legalEvents[3].person}.
     */
    private static <T, R extends Record> List<R> rows(Collection<? extends T> items, String name,
                                                      Function<T, R> row) {
        Require.noNulls(items, name);
        var out = new ArrayList<R>(items.size());
        int i = 0;
        for (T item : items) {
            try {
                out.add(row.apply(item));
            } catch (InvalidValueException e) {
                throw new InvalidValueException(name + "[" + i + "]." + e.field(), e.reason());
            }
            i++;
        }
        return out;
    }

    private static List<Field<?>> fields(Table<?> table, Field<?> identity) {
        return java.util.Arrays.stream(table.fields()).filter(f -> !f.equals(identity)).toList();
    }

    private <R extends Record> void write(Table<R> table, List<Field<?>> fields, List<R> rows) {
        if (rows.isEmpty()) {
            return;
        }
        tx.inTransaction(() -> {
            BulkRows.insert(tx.dsl(), table, fields, rows);
            return null;
        });
    }

    /** Writes rows keyed by month; a key already stored is refused by the primary key, reported on {@code name}. */
    private <R extends Record> void writeOnce(Table<R> table, List<Field<?>> fields, List<R> rows, String name,
                                              String reason) {
        try {
            write(table, fields, rows);
        } catch (org.jooq.exception.DataAccessException e) {
            if ("23505".equals(e.sqlState())) {
                throw new InvalidValueException(name, reason);
            }
            throw e;
        }
    }
}
