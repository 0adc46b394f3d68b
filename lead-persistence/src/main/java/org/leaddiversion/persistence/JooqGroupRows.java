/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.jooq.impl.DSL.cast;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.leaddiversion.persistence.jooq.Tables.CONTACT;
import static org.leaddiversion.persistence.jooq.Tables.ENROLLMENT;
import static org.leaddiversion.persistence.jooq.Tables.FLEX_EXPENDITURE;
import static org.leaddiversion.persistence.jooq.Tables.FLEX_FUND;
import static org.leaddiversion.persistence.jooq.Tables.INTERVENTION_PLAN;
import static org.leaddiversion.persistence.jooq.Tables.PLAN_GOAL;
import static org.leaddiversion.persistence.jooq.Tables.PLAN_SERVICE_REFERRAL;
import static org.leaddiversion.persistence.jooq.Tables.REFERRAL;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.leaddiversion.domain.common.Actor;
import org.leaddiversion.domain.common.ActorId;
import org.leaddiversion.domain.common.Money;
import org.leaddiversion.domain.common.Role;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.EnrollmentEvent.ContactRecorded;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.intake.ReferralStatus;
import org.leaddiversion.domain.plan.FlexExpenditure;
import org.leaddiversion.domain.plan.FlexExpenditureId;
import org.leaddiversion.domain.plan.FlexFund;
import org.leaddiversion.domain.plan.Goal;
import org.leaddiversion.domain.plan.GoalId;
import org.leaddiversion.domain.plan.GoalKind;
import org.leaddiversion.domain.plan.GoalStatus;
import org.leaddiversion.domain.plan.InterventionPlan;
import org.leaddiversion.domain.plan.InterventionPlanId;
import org.leaddiversion.domain.plan.PlanDomain;
import org.leaddiversion.domain.plan.ServiceReferral;
import org.leaddiversion.domain.plan.ServiceReferralId;
import org.leaddiversion.domain.plan.ServiceReferralStatus;
import org.leaddiversion.domain.policy.Door;
import org.leaddiversion.domain.policy.SiteId;
import org.leaddiversion.domain.referral.PersonId;
import org.leaddiversion.domain.referral.ReferralId;

/**
 * Loads the referrals (whole or in brief), plans (with their goals, service referrals and flexible fund) and contacts
 * of many participants in <em>one</em> statement of tagged rows: a {@code UNION ALL} of one plain select per kind of
 * row, each filling the columns it needs of one shared row shape and tagging its rows with its kind. The rows are read by
 * column position straight from the driver and put together here, which costs far less than decoding the same data
 * from nested SQL/JSON collections, and a referral's state text arrives as a plain column. It only finds; deciding what
 * may be loaded and auditing are {@link ParticipantRecords}'.
 */
final class JooqGroupRows {

    /** The groups read here. */
    static final Set<RecordGroup> GROUPS = Set.of(RecordGroup.REFERRALS, RecordGroup.REFERRAL_SUMMARIES,
            RecordGroup.PLANS, RecordGroup.CONTACTS);

    // the kinds of row, in the order they are put together
    private static final int REFERRAL_ROW = 0;
    private static final int PLAN_ROW = 1;
    private static final int FUND_ROW = 2;
    private static final int GOAL_ROW = 3;
    private static final int SERVICE_ROW = 4;
    private static final int EXPENDITURE_ROW = 5;
    private static final int CONTACT_ROW = 6;
    private static final int SUMMARY_ROW = 7;

    // the shared row shape, by position (its columns' types and names below); a select fills the columns it needs, the
    // others are typed nulls
    private static final int TAG = 0;
    private static final int PERSON = 1;
    private static final int ENROLLMENT_ID = 2;
    private static final int ID = 3;
    private static final int ORDINAL = 4;
    private static final int AT = 5;
    private static final int AT2 = 6;
    private static final int NUMBER = 7;
    private static final int S1 = 8;
    private static final int S2 = 9;
    private static final int S3 = 10;
    private static final int S4 = 11;
    private static final int S5 = 12;
    private static final int S6 = 13;
    private static final int S7 = 14;
    private static final int FLAG = 15;
    private static final int AMOUNT = 16;
    private static final int ID2 = 17;
    private static final int TEXT = 18;

    private static final List<org.jooq.DataType<?>> TYPES = List.of(SQLDataType.INTEGER, SQLDataType.VARCHAR,
            SQLDataType.UUID, SQLDataType.UUID, SQLDataType.INTEGER, SQLDataType.TIMESTAMPWITHTIMEZONE,
            SQLDataType.TIMESTAMPWITHTIMEZONE, SQLDataType.BIGINT, SQLDataType.VARCHAR, SQLDataType.VARCHAR,
            SQLDataType.VARCHAR, SQLDataType.VARCHAR, SQLDataType.VARCHAR, SQLDataType.VARCHAR, SQLDataType.VARCHAR,
            SQLDataType.BOOLEAN, SQLDataType.NUMERIC(19, 4), SQLDataType.UUID, SQLDataType.CLOB);

    private static final List<String> NAMES = List.of("tag", "person", "enrollment", "id", "ordinal", "at_", "at2",
            "number", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "flag", "amount", "id2", "text_");

    private final JooqTransactions tx;

    JooqGroupRows(JooqTransactions tx) {
        this.tx = tx;
    }

    /**
     * Loads each of {@link #GROUPS} in {@code who} for the people named there, in one statement; the data of each
     * group by participant (a participant named has a list, possibly empty): referrals as their stored state documents
     * (for {@link ReferralJson#view}), oldest first; referral summaries from the referral's columns, in the same order;
     * plans as one summary per enrollment with a plan or a fund, in the order the enrollments started; contacts in the
     * order they took place.
     *
     * @param lastContacts the number of latest contacts to load, or all of them when empty
     */
    Map<RecordGroup, Map<PersonId, List<?>>> load(Map<RecordGroup, Set<PersonId>> who, OptionalInt lastContacts) {
        Set<PersonId> referred = who.getOrDefault(RecordGroup.REFERRALS, Set.of());
        Set<PersonId> summarised = who.getOrDefault(RecordGroup.REFERRAL_SUMMARIES, Set.of());
        Set<PersonId> planned = who.getOrDefault(RecordGroup.PLANS, Set.of());
        Set<PersonId> contacted = who.getOrDefault(RecordGroup.CONTACTS, Set.of());
        Map<RecordGroup, Map<PersonId, List<?>>> out = new EnumMap<>(RecordGroup.class);
        Shape shape = new Shape(!referred.isEmpty(), !summarised.isEmpty(), !planned.isEmpty(), !contacted.isEmpty(),
                lastContacts.isPresent());
        if (!shape.reads()) {
            return out;
        }
        FixedStatement statement = statements.computeIfAbsent(shape, this::render);
        Map<String, Object> values = new HashMap<>();
        values.put("referred", values(referred));
        values.put("summarised", values(summarised));
        values.put("planned", values(planned));
        values.put("contacted", values(contacted));
        values.put("last", lastContacts.isPresent() ? lastContacts.getAsInt() : null);
        Rows rows = statement.query(tx.dsl(), values, rs -> {
            Rows read = new Rows();
            while (rs.next()) {
                read.add(rs);
            }
            return read;
        });
        if (!referred.isEmpty()) {
            out.put(RecordGroup.REFERRALS, everyone(referred, rows.referrals));
        }
        if (!summarised.isEmpty()) {
            out.put(RecordGroup.REFERRAL_SUMMARIES, everyone(summarised, rows.summaries));
        }
        if (!planned.isEmpty()) {
            out.put(RecordGroup.PLANS, everyone(planned, rows.plans()));
        }
        if (!contacted.isEmpty()) {
            out.put(RecordGroup.CONTACTS, everyone(contacted, rows.contacts()));
        }
        return out;
    }

    private static <T> Map<PersonId, List<?>> everyone(Set<PersonId> people, Map<PersonId, List<T>> found) {
        Map<PersonId, List<?>> out = new HashMap<>();
        for (PersonId p : people) {
            out.put(p, found.getOrDefault(p, List.of()));
        }
        return out;
    }

    // ---- the statement, rendered once per shape ----------------------------------------------------------------

    /** Which groups a statement reads, and whether only the latest contacts. */
    private record Shape(boolean referrals, boolean summaries, boolean plans, boolean contacts,
                         boolean lastContacts) {

        boolean reads() {
            return referrals || summaries || plans || contacts;
        }
    }

    /**
     * The statement of each shape asked for so far. The people are bound as one array per select, so a statement's
     * text does not depend on how many they are: it is built and rendered once ({@link FixedStatement}), and the
     * driver and the database can keep it prepared.
     */
    private final Map<Shape, FixedStatement> statements = new ConcurrentHashMap<>();

    private FixedStatement render(Shape shape) {
        List<Select<Record>> selects = new ArrayList<>();
        if (shape.referrals()) {
            selects.add(referrals(among(REFERRAL.PERSON_ID, "referred")));
        }
        if (shape.summaries()) {
            selects.add(summaries(among(REFERRAL.PERSON_ID, "summarised")));
        }
        if (shape.plans()) {
            selects.addAll(plans(among(ENROLLMENT.PERSON_ID, "planned")));
        }
        if (shape.contacts()) {
            selects.add(contacts(among(ENROLLMENT.PERSON_ID, "contacted"), shape.lastContacts()));
        }
        Select<Record> union = selects.get(0);
        for (int i = 1; i < selects.size(); i++) {
            union = union.unionAll(selects.get(i));
        }
        // referrals come oldest first (then by id, as the database orders ids); the other rows are put in order here
        return FixedStatement.of(tx.dsl(), tx.dsl().selectFrom(union.asTable("tagged")).orderBy(
                field(name("tagged", "tag")), field(name("tagged", "at_")), field(name("tagged", "id"))));
    }

    /** {@code person} is one of the people bound as one array at parameter {@code people}. */
    private static Condition among(Field<String> person, String people) {
        return condition("{0} = any({1})", person, param(people, SQLDataType.VARCHAR.array()));
    }

    // ---- the selects ------------------------------------------------------------------------------------------------

    private static Select<Record> referrals(Condition whose) {
        return select(shape(REFERRAL_ROW, Map.of(PERSON, REFERRAL.PERSON_ID, ID, REFERRAL.ID, AT, REFERRAL.REFERRED_AT,
                TEXT, REFERRAL.STATE))).from(REFERRAL).where(whose);
    }

    private static Select<Record> summaries(Condition whose) {
        return select(shape(SUMMARY_ROW, Map.of(PERSON, REFERRAL.PERSON_ID, ID, REFERRAL.ID, AT, REFERRAL.REFERRED_AT,
                S1, REFERRAL.SITE_ID, S2, REFERRAL.DOOR, S3, REFERRAL.STATUS))).from(REFERRAL).where(whose);
    }

    private static List<Select<Record>> plans(Condition whose) {
        List<Select<Record>> out = new ArrayList<>();
        out.add(select(shape(PLAN_ROW, Map.of(PERSON, ENROLLMENT.PERSON_ID, ENROLLMENT_ID, ENROLLMENT.ID,
                ID, INTERVENTION_PLAN.ID, AT, ENROLLMENT.STARTED_AT, NUMBER, INTERVENTION_PLAN.VERSION)))
                .from(INTERVENTION_PLAN).join(ENROLLMENT).on(ENROLLMENT.ID.eq(INTERVENTION_PLAN.ENROLLMENT_ID))
                .where(whose));
        out.add(select(shape(FUND_ROW, Map.of(PERSON, ENROLLMENT.PERSON_ID, ENROLLMENT_ID, ENROLLMENT.ID,
                AT, ENROLLMENT.STARTED_AT, NUMBER, FLEX_FUND.VERSION)))
                .from(FLEX_FUND).join(ENROLLMENT).on(ENROLLMENT.ID.eq(FLEX_FUND.ENROLLMENT_ID)).where(whose));
        out.add(select(shape(GOAL_ROW, Map.ofEntries(Map.entry(PERSON, ENROLLMENT.PERSON_ID),
                Map.entry(ENROLLMENT_ID, ENROLLMENT.ID), Map.entry(ID, PLAN_GOAL.ID),
                Map.entry(ORDINAL, PLAN_GOAL.ORDINAL), Map.entry(AT, PLAN_GOAL.CREATED_AT),
                Map.entry(S1, PLAN_GOAL.PLAN_DOMAIN), Map.entry(S2, PLAN_GOAL.KIND),
                Map.entry(S3, PLAN_GOAL.DESCRIPTION), Map.entry(S4, PLAN_GOAL.STATUS),
                Map.entry(FLAG, PLAN_GOAL.SET_BY_PARTICIPANT))))
                .from(PLAN_GOAL).join(INTERVENTION_PLAN).on(INTERVENTION_PLAN.ID.eq(PLAN_GOAL.PLAN_ID))
                .join(ENROLLMENT).on(ENROLLMENT.ID.eq(INTERVENTION_PLAN.ENROLLMENT_ID)).where(whose));
        out.add(select(shape(SERVICE_ROW, Map.of(PERSON, ENROLLMENT.PERSON_ID, ENROLLMENT_ID, ENROLLMENT.ID,
                ID, PLAN_SERVICE_REFERRAL.ID, ORDINAL, PLAN_SERVICE_REFERRAL.ORDINAL,
                AT, PLAN_SERVICE_REFERRAL.REFERRED_AT, S1, PLAN_SERVICE_REFERRAL.PLAN_DOMAIN,
                S2, PLAN_SERVICE_REFERRAL.PROVIDER, S4, PLAN_SERVICE_REFERRAL.STATUS)))
                .from(PLAN_SERVICE_REFERRAL).join(INTERVENTION_PLAN)
                .on(INTERVENTION_PLAN.ID.eq(PLAN_SERVICE_REFERRAL.PLAN_ID))
                .join(ENROLLMENT).on(ENROLLMENT.ID.eq(INTERVENTION_PLAN.ENROLLMENT_ID)).where(whose));
        out.add(select(shape(EXPENDITURE_ROW, Map.ofEntries(Map.entry(PERSON, ENROLLMENT.PERSON_ID),
                Map.entry(ENROLLMENT_ID, ENROLLMENT.ID), Map.entry(ID, FLEX_EXPENDITURE.ID),
                Map.entry(ORDINAL, FLEX_EXPENDITURE.ORDINAL), Map.entry(AT, FLEX_EXPENDITURE.SPENT_AT),
                Map.entry(S1, FLEX_EXPENDITURE.CURRENCY), Map.entry(S2, FLEX_EXPENDITURE.CATEGORY),
                Map.entry(S3, FLEX_EXPENDITURE.PAYEE), Map.entry(S4, FLEX_EXPENDITURE.PURPOSE),
                Map.entry(S5, FLEX_EXPENDITURE.APPROVED_BY_ID), Map.entry(S6, FLEX_EXPENDITURE.APPROVED_BY_ROLE),
                Map.entry(S7, FLEX_EXPENDITURE.APPROVED_BY_AGENCY), Map.entry(AMOUNT, FLEX_EXPENDITURE.AMOUNT),
                Map.entry(ID2, FLEX_EXPENDITURE.LINKED_GOAL_ID))))
                .from(FLEX_EXPENDITURE).join(ENROLLMENT).on(ENROLLMENT.ID.eq(FLEX_EXPENDITURE.ENROLLMENT_ID))
                .where(whose));
        return out;
    }

    /** Each person's contacts, or (when {@code latest}) her latest of them by time, then as recorded. */
    private static Select<Record> contacts(Condition whose, boolean latest) {
        Map<Integer, Field<?>> columns = Map.of(PERSON, ENROLLMENT.PERSON_ID, ENROLLMENT_ID, CONTACT.ENROLLMENT_ID,
                AT, CONTACT.CONTACT_AT, AT2, CONTACT.RECORDED_AT, NUMBER, CONTACT.SEQ, S1, CONTACT.CONTACT_TYPE);
        if (!latest) {
            return select(shape(CONTACT_ROW, columns)).from(CONTACT).join(ENROLLMENT)
                    .on(ENROLLMENT.ID.eq(CONTACT.ENROLLMENT_ID)).where(whose);
        }
        List<SelectField<?>> inner = new ArrayList<>(columns.values());
        Field<Integer> rank = rowNumber().over(partitionBy(ENROLLMENT.PERSON_ID)
                .orderBy(CONTACT.CONTACT_AT.desc(), CONTACT.SEQ.desc())).as("recency");
        inner.add(rank);
        Table<Record> recent = select(inner).from(CONTACT).join(ENROLLMENT).on(ENROLLMENT.ID.eq(CONTACT.ENROLLMENT_ID))
                .where(whose).asTable("recent");
        Map<Integer, Field<?>> outer = new HashMap<>();
        columns.forEach((position, f) -> outer.put(position, recent.field(f)));
        return select(shape(CONTACT_ROW, outer)).from(recent)
                .where(recent.field(rank).le(param("last", SQLDataType.INTEGER)));
    }

    /** The shared row shape with the columns given filled, the others typed nulls, and the tag first. */
    private static List<SelectField<?>> shape(int tag, Map<Integer, ? extends Field<?>> filled) {
        List<SelectField<?>> out = new ArrayList<>(TYPES.size());
        for (int i = 0; i < TYPES.size(); i++) {
            Field<?> f = i == TAG ? inline(tag) : filled.get(i);
            out.add((f == null ? cast(inline((Object) null), TYPES.get(i)) : f).as(NAMES.get(i)));
        }
        return out;
    }

    private static String[] values(Set<PersonId> people) {
        String[] out = new String[people.size()];
        int i = 0;
        for (PersonId p : people) {
            out[i++] = p.value();
        }
        return out;
    }

    // ---- putting the rows together ------------------------------------------------------------------------------

    /** The rows read, by kind and person. */
    private static final class Rows {

        final Map<PersonId, List<String>> referrals = new HashMap<>();
        final Map<PersonId, List<ReferralSummary>> summaries = new HashMap<>();
        final Map<UUID, PlanRow> planRows = new HashMap<>();
        final Map<UUID, FundRow> fundRows = new HashMap<>();
        final Map<UUID, List<Ordered<Goal>>> goals = new HashMap<>();
        final Map<UUID, List<Ordered<ServiceReferral>>> services = new HashMap<>();
        final Map<UUID, List<Ordered<FlexExpenditure>>> expenditures = new HashMap<>();
        final Map<PersonId, List<ContactRow>> contactRows = new HashMap<>();
        /** Every enrollment with a plan or a fund, with whose it is and when it started. */
        final Map<UUID, Started> enrollments = new HashMap<>();

        void add(ResultSet rs) throws SQLException {
            int tag = rs.getInt(TAG + 1);
            PersonId person = new PersonId(rs.getString(PERSON + 1));
            switch (tag) {
                case REFERRAL_ROW:
                    referrals.computeIfAbsent(person, k -> new ArrayList<>()).add(rs.getString(TEXT + 1));
                    break;
                case SUMMARY_ROW:
                    summaries.computeIfAbsent(person, k -> new ArrayList<>()).add(new ReferralSummary(
                            new ReferralId(uuid(rs, ID)), person, new SiteId(rs.getString(S1 + 1)),
                            Door.valueOf(rs.getString(S2 + 1)), instant(rs, AT),
                            ReferralStatus.valueOf(rs.getString(S3 + 1))));
                    break;
                case PLAN_ROW: {
                    UUID enrollment = uuid(rs, ENROLLMENT_ID);
                    enrollments.put(enrollment, new Started(person, instant(rs, AT)));
                    planRows.put(enrollment, new PlanRow(uuid(rs, ID), rs.getLong(NUMBER + 1)));
                    break;
                }
                case FUND_ROW: {
                    UUID enrollment = uuid(rs, ENROLLMENT_ID);
                    enrollments.put(enrollment, new Started(person, instant(rs, AT)));
                    fundRows.put(enrollment, new FundRow(rs.getLong(NUMBER + 1)));
                    break;
                }
                case GOAL_ROW:
                    goals.computeIfAbsent(uuid(rs, ENROLLMENT_ID), k -> new ArrayList<>()).add(new Ordered<>(
                            rs.getInt(ORDINAL + 1), new Goal(new GoalId(uuid(rs, ID)),
                            PlanDomain.valueOf(rs.getString(S1 + 1)), GoalKind.valueOf(rs.getString(S2 + 1)),
                            rs.getString(S3 + 1), rs.getBoolean(FLAG + 1), GoalStatus.valueOf(rs.getString(S4 + 1)),
                            instant(rs, AT))));
                    break;
                case SERVICE_ROW:
                    services.computeIfAbsent(uuid(rs, ENROLLMENT_ID), k -> new ArrayList<>()).add(new Ordered<>(
                            rs.getInt(ORDINAL + 1), new ServiceReferral(new ServiceReferralId(uuid(rs, ID)),
                            PlanDomain.valueOf(rs.getString(S1 + 1)), rs.getString(S2 + 1),
                            ServiceReferralStatus.valueOf(rs.getString(S4 + 1)), instant(rs, AT))));
                    break;
                case EXPENDITURE_ROW: {
                    UUID enrollment = uuid(rs, ENROLLMENT_ID);
                    String approver = rs.getString(S5 + 1);
                    Optional<Actor> approvedBy = approver == null ? Optional.empty()
                            : Optional.of(new Actor(new ActorId(approver), Role.valueOf(rs.getString(S6 + 1)),
                            Optional.ofNullable(rs.getString(S7 + 1))));
                    UUID linked = rs.getObject(ID2 + 1, UUID.class);
                    BigDecimal amount = rs.getBigDecimal(AMOUNT + 1);
                    expenditures.computeIfAbsent(enrollment, k -> new ArrayList<>()).add(new Ordered<>(
                            rs.getInt(ORDINAL + 1), new FlexExpenditure(new FlexExpenditureId(uuid(rs, ID)),
                            new EnrollmentId(enrollment), instant(rs, AT),
                            new Money(amount, Currency.getInstance(rs.getString(S1 + 1))),
                            PlanDomain.valueOf(rs.getString(S2 + 1)), rs.getString(S3 + 1), rs.getString(S4 + 1),
                            approvedBy, Optional.ofNullable(linked).map(GoalId::new))));
                    break;
                }
                case CONTACT_ROW:
                    contactRows.computeIfAbsent(person, k -> new ArrayList<>()).add(new ContactRow(rs.getLong(NUMBER + 1),
                            new ContactRecorded(new EnrollmentId(uuid(rs, ENROLLMENT_ID)),
                                    ContactType.valueOf(rs.getString(S1 + 1)), instant(rs, AT), instant(rs, AT2))));
                    break;
                default:
                    throw new IllegalStateException("unknown row kind " + tag);
            }
        }

        /** One summary per enrollment with a plan or a fund, in the order the enrollments started (then by id). */
        Map<PersonId, List<PlanSummary>> plans() {
            List<Map.Entry<UUID, Started>> started = new ArrayList<>(enrollments.entrySet());
            started.sort(Comparator.<Map.Entry<UUID, Started>, Instant>comparing(e -> e.getValue().at())
                    .thenComparing(Map.Entry::getKey));
            Map<PersonId, List<PlanSummary>> out = new HashMap<>();
            for (Map.Entry<UUID, Started> e : started) {
                UUID id = e.getKey();
                EnrollmentId enrollment = new EnrollmentId(id);
                Optional<InterventionPlan> plan = Optional.ofNullable(planRows.get(id)).map(p -> InterventionPlan
                        .restore(new InterventionPlanId(p.id()), enrollment, p.version(), inOrder(goals.get(id)),
                                inOrder(services.get(id))));
                Optional<FlexFund> fund = Optional.ofNullable(fundRows.get(id)).map(f -> FlexFund.restore(enrollment,
                        f.version(), inOrder(expenditures.get(id))));
                out.computeIfAbsent(e.getValue().person(), k -> new ArrayList<>())
                        .add(new PlanSummary(enrollment, plan, fund));
            }
            return out;
        }

        /** Each person's contacts in the order they took place (then as recorded). */
        Map<PersonId, List<ContactRecorded>> contacts() {
            Comparator<ContactRow> inOrder = Comparator.<ContactRow, Instant>comparing(c -> c.contact().contactAt())
                    .thenComparingLong(ContactRow::seq);
            Map<PersonId, List<ContactRecorded>> out = new HashMap<>();
            contactRows.forEach((person, rows) -> {
                rows.sort(inOrder);
                List<ContactRecorded> theirs = new ArrayList<>(rows.size());
                rows.forEach(r -> theirs.add(r.contact()));
                out.put(person, theirs);
            });
            return out;
        }
    }

    private static <T> List<T> inOrder(List<Ordered<T>> rows) {
        if (rows == null) {
            return List.of();
        }
        rows.sort(Comparator.comparingInt(Ordered::ordinal));
        List<T> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(r.value()));
        return out;
    }

    private static UUID uuid(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column + 1, UUID.class);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column + 1, OffsetDateTime.class).toInstant();
    }

    private record Started(PersonId person, Instant at) {
    }

    private record PlanRow(UUID id, long version) {
    }

    private record FundRow(long version) {
    }

    private record Ordered<T>(int ordinal, T value) {
    }

    private record ContactRow(long seq, ContactRecorded contact) {
    }
}
