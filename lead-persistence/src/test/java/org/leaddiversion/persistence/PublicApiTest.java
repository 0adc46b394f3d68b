package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A host cannot read participant data around the audit: the database's public face hands out only the audited reads,
 * the desks, site policies, transactions and the outbox — never a raw port such as {@code Referrals} or
 * {@code Consents}, and no rule-check snapshot of the whole programme.
 */
@DisplayName("The public API offers no unaudited read of participant data")
class PublicApiTest {

    @Test
    void the_database_hands_out_only_the_audited_reads_the_desks_and_no_raw_port() {
        Set<String> returned = new TreeSet<>();
        for (Method m : LeadDatabase.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())) {
                returned.add(m.getName() + ":" + m.getReturnType().getSimpleName());
            }
        }
        assertEquals(new TreeSet<>(Set.of("transactions:Transactions", "events:EventLog",
                "records:ParticipantRecords", "auditTrail:AuditTrail", "programme:PersistentProgramme",
                "sitePolicies:SitePolicyStore", "vendor:Vendor", "close:void",
                // a write path: the import reports counts and line-numbered problems, never participant data
                "referralImport:ReferralImport")), returned);
    }

    @Test
    void the_programme_on_the_database_offers_desks_policies_and_audited_reads_but_no_whole_record() {
        Set<String> returned = new TreeSet<>();
        for (Method m : PersistentProgramme.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers())) {
                returned.add(m.getName() + ":" + m.getReturnType().getSimpleName());
            }
        }
        assertEquals(new TreeSet<>(Set.of("desk:ReferralDesk", "caseManagement:CaseManagementDesk",
                "coordination:CoordinationDesk", "disclosure:DisclosureDesk", "workgroup:WorkgroupDesk",
                "policies:SitePolicyStore", "records:ParticipantRecords")), returned);
    }

    @Test
    void the_adapters_and_the_audit_writer_are_not_public() {
        for (Class<?> adapter : new Class<?>[] {JooqReferrals.class, JooqEnrollments.class, JooqContacts.class,
                JooqInterventionPlans.class, JooqFlexFunds.class, JooqSiteCaseloads.class,
                JooqPostEnrollmentCases.class, JooqConsents.class, JooqDisclosureLog.class, JooqMeetings.class,
                JooqAuditLog.class, Contacts.class}) {
            assertFalse(Modifier.isPublic(adapter.getModifiers()), adapter.getSimpleName());
        }
        assertFalse(Arrays.stream(ParticipantRecords.class.getConstructors()).findAny().isPresent(),
                "the audited reads are built by the database only");
    }
}
