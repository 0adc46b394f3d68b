/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.leaddiversion.persistence.jooq.Tables.CONTACT;
import static org.leaddiversion.persistence.jooq.Tables.ENROLLMENT;

import java.util.List;
import org.jooq.Record;
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

    private static ContactRecorded contact(Record r) {
        return new ContactRecorded(new EnrollmentId(r.get(CONTACT.ENROLLMENT_ID)),
                ContactType.valueOf(r.get(CONTACT.CONTACT_TYPE)), r.get(CONTACT.CONTACT_AT).toInstant(),
                r.get(CONTACT.RECORDED_AT).toInstant());
    }
}
