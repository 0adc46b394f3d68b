/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.leaddiversion.persistence.jooq.Tables.CONTACT;
import static org.leaddiversion.persistence.jooq.Tables.ENROLLMENT;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record5;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.leaddiversion.domain.enrollment.ContactType;
import org.leaddiversion.domain.enrollment.EnrollmentEvent.ContactRecorded;
import org.leaddiversion.domain.enrollment.EnrollmentId;
import org.leaddiversion.domain.referral.PersonId;

/** {@link Contacts} from the {@code contact} table that {@link JooqEnrollments} projects. */
final class JooqContacts implements Contacts {

    private final JooqTransactions tx;

    JooqContacts(JooqTransactions tx) {
        this.tx = tx;
    }

    @Override
    public List<ContactRecorded> of(EnrollmentId enrollment) {
        return tx.dsl().select(CONTACT.ENROLLMENT_ID, CONTACT.CONTACT_TYPE, CONTACT.CONTACT_AT, CONTACT.RECORDED_AT)
                .from(CONTACT).where(CONTACT.ENROLLMENT_ID.eq(enrollment.value()))
                .orderBy(CONTACT.CONTACT_AT, CONTACT.SEQ).fetch(JooqContacts::contact);
    }

    @Override
    public List<ContactRecorded> timelineOf(PersonId person) {
        return tx.dsl().select(CONTACT.ENROLLMENT_ID, CONTACT.CONTACT_TYPE, CONTACT.CONTACT_AT, CONTACT.RECORDED_AT)
                .from(CONTACT).join(ENROLLMENT).on(ENROLLMENT.ID.eq(CONTACT.ENROLLMENT_ID))
                .where(ENROLLMENT.PERSON_ID.eq(person.value()))
                .orderBy(CONTACT.CONTACT_AT, CONTACT.SEQ).fetch(JooqContacts::contact);
    }

    /** The contacts of every enrollment in {@code enrollments}, in the order they took place (one query). */
    List<ContactRecorded> ofEnrollments(java.util.Collection<EnrollmentId> enrollments) {
        if (enrollments.isEmpty()) {
            return List.of();
        }
        return tx.dsl().select(CONTACT.ENROLLMENT_ID, CONTACT.CONTACT_TYPE, CONTACT.CONTACT_AT, CONTACT.RECORDED_AT)
                .from(CONTACT).where(CONTACT.ENROLLMENT_ID.in(enrollments.stream().map(EnrollmentId::value).toList()))
                .orderBy(CONTACT.CONTACT_AT, CONTACT.SEQ).fetch(JooqContacts::contact);
    }

    /**
     * The contacts of the person {@code person} names over all her enrollments — her last {@code last} when given —
     * as a nested collection for a query that reads participants, mapped back by {@link #contacts(Result)}.
     *
     * @param dialect the database's: where a subquery in {@code FROM} cannot see the outer query (H2), the last
     *                {@code last} are those with fewer than {@code last} contacts after them, instead of the first
     *                {@code last} in reverse order
     */
    static Field<Result<Record5<UUID, String, OffsetDateTime, OffsetDateTime, Long>>> contactsOf(
            Field<String> person, OptionalInt last, SQLDialect dialect) {
        var theirs = select(CONTACT.ENROLLMENT_ID, CONTACT.CONTACT_TYPE, CONTACT.CONTACT_AT, CONTACT.RECORDED_AT,
                CONTACT.SEQ).from(CONTACT).join(ENROLLMENT).on(ENROLLMENT.ID.eq(CONTACT.ENROLLMENT_ID))
                .where(ENROLLMENT.PERSON_ID.eq(person));
        if (last.isEmpty()) {
            return multiset(theirs);
        }
        if (dialect.family() == SQLDialect.POSTGRES) {
            return multiset(theirs.orderBy(CONTACT.CONTACT_AT.desc(), CONTACT.SEQ.desc()).limit(last.getAsInt()));
        }
        var later = CONTACT.as("later");
        var laterEnrollment = ENROLLMENT.as("later_enrollment");
        return multiset(theirs.and(selectCount().from(later).join(laterEnrollment)
                .on(laterEnrollment.ID.eq(later.ENROLLMENT_ID)).where(laterEnrollment.PERSON_ID.eq(person))
                .and(row(later.CONTACT_AT, later.SEQ).gt(row(CONTACT.CONTACT_AT, CONTACT.SEQ)))
                .asField().lt(last.getAsInt())));
    }

    /** The contacts a {@link #contactsOf} collection holds, in the order they took place. */
    static List<ContactRecorded> contacts(Result<Record5<UUID, String, OffsetDateTime, OffsetDateTime, Long>> rows) {
        Comparator<Record5<UUID, String, OffsetDateTime, OffsetDateTime, Long>> inOrder = Comparator.comparing(
                r -> r.value3().toInstant());
        return rows.stream().sorted(inOrder.thenComparing(r -> r.value5())).map(JooqContacts::contact).toList();
    }

    private static ContactRecorded contact(Record r) {
        return new ContactRecorded(new EnrollmentId(r.get(CONTACT.ENROLLMENT_ID)),
                ContactType.valueOf(r.get(CONTACT.CONTACT_TYPE)), r.get(CONTACT.CONTACT_AT).toInstant(),
                r.get(CONTACT.RECORDED_AT).toInstant());
    }
}
